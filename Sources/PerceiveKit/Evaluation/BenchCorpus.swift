import Foundation

/// How to read one labeled corpus for `perceive bench`.
public struct BenchCorpusSpec: Sendable {
    public var path: String
    /// The name results are reported under (default: the file's name).
    public var name: String
    /// Column name, or 1-based column number (JSONL: key).
    public var textColumn: String
    public var labelColumn: String
    public var kind: BenchLabelKind
    /// Whether a CSV/TSV file starts with a header row (default: yes).
    public var header = true
    /// Whether `"` quotes fields (default: on for CSV, off for TSV, whose texts often hold bare quotes).
    public var quoting: Bool?
    /// For emotion labels: a file with one label name per line; numeric labels are 0-based
    /// indices into it (GoEmotions' `emotions.txt`).
    public var labelNames: String?
    /// For emotion labels: a JSON file mapping corpus labels to labels of the evaluation space,
    /// either `{"corpus label": "target"}` or `{"target": ["corpus label", …]}` (GoEmotions'
    /// `ekman_mapping.json`). Labels not in the map must be labels of the space already.
    public var labelMap: String?
    /// For emotion labels: the label set predictions and gold are compared in.
    public var emotionSpace: EmotionSpace = .lexicon
    /// Which data rows are read (`rows=odd|even`): a half of a corpus, by data row number.
    public var rows: BenchRowFilter = .all
    /// Label cells meaning "no label": the row is left out of this corpus (counted); for
    /// ``BenchLabelKind/noCueContinuous(_:_:)`` they mean "no cue" and the row is kept.
    public var missingLabels: Set<String> = ["", "na", "n/a", "none", "null", "nan"]
    /// Whether a label outside the declared range leaves its row out (counted) instead of
    /// stopping the run (Skytrax has a few 0 and 10 ratings on its 1–5 scales).
    public var skipOutOfRange = false
    /// For topic labels: corpus labels meaning "no topic" (`no-topic=a|b`), dropped from the
    /// gold sets; by default SemEval-2014's catch-all category.
    public var noTopicLabels: Set<String> = ["anecdotes/miscellaneous"]

    public init(path: String, name: String? = nil, textColumn: String = "text", labelColumn: String = "label", kind: BenchLabelKind) {
        self.path = path
        self.name = name ?? (path as NSString).lastPathComponent
        self.textColumn = textColumn
        self.labelColumn = labelColumn
        self.kind = kind
    }
}

/// Which data rows of a corpus file are read, by their 1-based number: the n-th record after
/// the header (CSV/TSV; blank lines are not records), the n-th non-blank line (JSONL) or the
/// n-th `<sentence>` (SemEval XML). A file whose ids follow its rows (cx-real-dev: d0001 is
/// data row 1) is split by id parity.
public enum BenchRowFilter: String, Sendable, CaseIterable {
    case all, odd, even

    /// Whether data row `number` (1-based) is read.
    public func keeps(_ number: Int) -> Bool {
        switch self {
        case .all: true
        case .odd: number % 2 == 1
        case .even: number % 2 == 0
        }
    }
}

/// The label set named emotions are compared in.
public enum EmotionSpace: String, Sendable, CaseIterable {
    /// The lexicon's own categories (by name).
    case lexicon
    /// Ekman's six, through each category's `ekman` in the manifest.
    case ekman
    /// Plutchik's eight, through each category's `plutchik`.
    case plutchik

    public static let ekmanLabels = ["anger", "disgust", "fear", "joy", "sadness", "surprise"]
    public static let plutchikLabels = ["anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust"]
    public static let neutral = "neutral"

    /// The space's label for a lexicon category, or nil when it has none.
    public func label(for category: EmotionCategory) -> String? {
        switch self {
        case .lexicon: category.name
        case .ekman: category.ekman
        case .plutchik: category.plutchik
        }
    }
}

/// A corpus read and checked: texts with their gold labels, mapped to −1 … 1 (or label sets).
public struct BenchCorpus: Sendable {
    public var spec: BenchCorpusSpec
    public var texts: [String] = []
    /// The line of the file each item starts on.
    public var lines: [Int] = []
    /// Gold labels mapped to −1 … 1 (binary: ±1; 3-class: −1, 0, 1); empty for emotions.
    /// 0 where ``hasGold`` is false.
    public var gold: [Double] = []
    /// Whether each item's gold label has a value: false only for "no cue" cells of a
    /// ``BenchLabelKind/noCueContinuous(_:_:)`` corpus; empty for emotions.
    public var hasGold: [Bool] = []
    /// Items kept as "no cue" (empty label cell of a nocue kind).
    public var noCue = 0
    /// Gold label sets (indices into ``labels``) for emotion and topic kinds.
    public var goldLabels: [Set<Int>] = []
    /// For topics: each item's gold topics that have a polarity, with it.
    public var goldPolarities: [[Int: TopicPolarity]] = []
    /// The evaluation labels for emotion kinds (the space's, plus `neutral` when gold uses it),
    /// or topics (the taxonomy's first levels; without a taxonomy, gold's own, in order of
    /// first use).
    public var labels: [String] = []
    /// Rows left out because their label cell was empty or "NA".
    public var missing = 0
    /// Rows left out because their label was outside the declared range (``BenchCorpusSpec/skipOutOfRange``).
    public var outOfRange = 0

    public var count: Int { texts.count }

    /// Reads the corpus; every problem stops with `file:line: what was expected`. A topic
    /// corpus is compared in the first levels of `topics` (a gold label outside them stops
    /// the run), or without a taxonomy in its own labels.
    public init(spec: BenchCorpusSpec, lexiconCategories: [EmotionCategory], topics: TopicTaxonomy? = nil) throws(BenchError) {
        self.spec = spec
        let lower = spec.path.lowercased()
        var rows: [(line: Int, text: String, label: Any)] = []
        if lower.hasSuffix(".xml") {
            guard spec.kind == .topics else {
                throw BenchError(file: spec.path, "a SemEval XML corpus has topic labels (its aspect categories): give kind=topics, not \(spec.kind)")
            }
            // No <aspectCategories>: no label (left out, counted); an empty one: no topic.
            rows = try SemEvalABSAReader.sentences(atPath: spec.path).map { sentence in
                (sentence.line, sentence.text, sentence.categories.map { $0.map { TopicLabel(name: $0.category, polarity: $0.polarity) } } ?? NSNull())
            }
        } else {
            guard let data = FileManager.default.contents(atPath: spec.path) else {
                throw BenchError(file: spec.path, "cannot read the corpus (missing or unreadable)")
            }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                rows = try Self.jsonLines(text, spec)
            } else {
                rows = try Self.delimited(text, spec, separator: lower.hasSuffix(".csv") ? UInt8(ascii: ",") : UInt8(ascii: "\t"))
            }
        }
        var emotionNames: [String]?
        if let labelNames = spec.labelNames {
            guard let names = try? String(contentsOfFile: labelNames, encoding: .utf8) else {
                throw BenchError(file: labelNames, "cannot read the label names (one per line)")
            }
            emotionNames = names.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let labelMap = try spec.labelMap.map(Self.readLabelMap) ?? [:]
        if spec.kind.isEmotion {
            switch spec.emotionSpace {
            case .lexicon: labels = lexiconCategories.map(\.name)
            case .ekman: labels = EmotionSpace.ekmanLabels
            case .plutchik: labels = EmotionSpace.plutchikLabels
            }
        }
        if spec.kind == .topics, let topics { labels = TopicBenchMetrics.labels(of: topics) }
        for (number, row) in rows.enumerated() where spec.rows.keeps(number + 1) {
            let empty = row.label is NSNull
                || (row.label as? String).map { spec.missingLabels.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) } == true
            if empty && spec.kind.keepsNoCue {
                gold.append(0)
                hasGold.append(false)
                noCue += 1
                texts.append(row.text)
                lines.append(row.line)
                continue
            }
            // Emotions and topics: an empty cell is an empty set; a JSON null (or a SemEval
            // sentence without categories) is no label.
            if empty && (!(spec.kind.isEmotion || spec.kind == .topics) || row.label is NSNull) {
                missing += 1
                continue
            }
            if spec.kind == .topics {
                let (set, polarities) = try goldTopics(row.label, line: row.line, fixedLabels: topics != nil, labelMap: labelMap)
                goldLabels.append(set)
                goldPolarities.append(polarities)
            } else if spec.kind.isEmotion {
                var raw: [String]
                if let list = row.label as? [Any] { raw = list.map { "\($0)" } }
                else if let number = row.label as? NSNumber { raw = ["\(number)"] }
                else { raw = ((row.label as? String) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
                if case .emotion = spec.kind, raw.count != 1 {
                    throw BenchError(file: spec.path, line: row.line, "expected exactly one emotion label in column \(spec.labelColumn), found \(raw.count) (use --label-kind emotions for several)")
                }
                var set = Set<Int>()
                for item in raw {
                    var name = item
                    if let emotionNames, let index = Int(item) {
                        guard emotionNames.indices.contains(index) else {
                            throw BenchError(file: spec.path, line: row.line, "label \(item) is not an index into \(spec.labelNames!) (0…\(emotionNames.count - 1))")
                        }
                        name = emotionNames[index]
                    }
                    let targets = labelMap[name.lowercased()] ?? [name.lowercased()]
                    for target in targets {
                        if target == EmotionSpace.neutral && !labels.contains(target) { labels.append(target) }
                        guard let index = labels.firstIndex(of: target) else {
                            throw BenchError(file: spec.path, line: row.line,
                                "emotion label \"\(name)\" is not one of the \(spec.emotionSpace.rawValue) labels (\(labels.joined(separator: ", "))); give --label-map to map it")
                        }
                        set.insert(index)
                    }
                }
                goldLabels.append(set)
            } else {
                let cell = ((row.label as? String) ?? (row.label as? NSNumber).map { "\($0)" } ?? "\(row.label)").trimmingCharacters(in: .whitespaces)
                if spec.skipOutOfRange, let value = Double(cell), let range = spec.kind.range, !range.contains(value) {
                    outOfRange += 1
                    continue
                }
                gold.append(try Self.normalize(cell, spec, line: row.line))
                hasGold.append(true)
            }
            texts.append(row.text)
            lines.append(row.line)
        }
        guard !texts.isEmpty else {
            throw BenchError(file: spec.path, "no labeled rows (\(missing) rows had no label" + (spec.rows == .all ? ")" : ", \(spec.rows.rawValue) rows only)"))
        }
    }

    /// An item's gold topics (indices into ``labels``, which grow unless `fixedLabels`) and the
    /// polarities of those that have one, from a cell `topic[:polarity], …` (`,` or `;`
    /// between them), a JSON list of such strings, or SemEval categories. Labels of
    /// ``BenchCorpusSpec/noTopicLabels`` are dropped; two labels of one topic (through
    /// `labelMap`) with different polarities make it `conflict`.
    mutating func goldTopics(_ label: Any, line: Int, fixedLabels: Bool, labelMap: [String: [String]]) throws(BenchError) -> (Set<Int>, [Int: TopicPolarity]) {
        var raw: [TopicLabel] = []
        if let list = label as? [TopicLabel] {
            raw = list
        } else {
            let parts: [String]
            if let list = label as? [Any] { parts = list.map { "\($0)" } }
            else { parts = ((label as? String) ?? "\(label)").split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init) }
            for part in parts.map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                guard let colon = part.lastIndex(of: ":") else { raw.append(TopicLabel(name: part, polarity: nil)); continue }
                raw.append(TopicLabel(name: part[..<colon].trimmingCharacters(in: .whitespaces), polarity: part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        var set = Set<Int>()
        var polarities: [Int: TopicPolarity] = [:]
        for item in raw {
            let name = item.name.lowercased()
            if spec.noTopicLabels.contains(name) { continue }
            var polarity: TopicPolarity?
            if let text = item.polarity {
                guard let parsed = TopicPolarity(rawValue: text.lowercased()) else {
                    throw BenchError(file: spec.path, line: line, "polarity \"\(text)\" of topic \"\(item.name)\" is not one of positive, negative, neutral, conflict")
                }
                polarity = parsed
            }
            for target in labelMap[name] ?? [name] {
                if !fixedLabels && !labels.contains(target) { labels.append(target) }
                guard let index = labels.firstIndex(of: target) else {
                    throw BenchError(file: spec.path, line: line, "topic label \"\(item.name)\" is not a first-level topic of the taxonomy (\(labels.joined(separator: ", "))); "
                        + "give --label-map to map it, or no-topic=\(name) to count it as no topic")
                }
                let (inserted, _) = set.insert(index)
                if let polarity {
                    if inserted || polarities[index] == nil { polarities[index] = polarity }
                    else if polarities[index] != polarity { polarities[index] = .conflict }
                }
            }
        }
        return (set, polarities)
    }

    /// A label cell mapped to −1 … 1 for the spec's kind.
    static func normalize(_ cell: String, _ spec: BenchCorpusSpec, line: Int) throws(BenchError) -> Double {
        let lower = cell.lowercased()
        switch spec.kind {
        case .continuous(_, let range), .ordinal(_, let range), .noCueContinuous(_, let range):
            guard let value = Double(cell), value.isFinite else {
                throw BenchError(file: spec.path, line: line, "label \"\(cell)\" in column \(spec.labelColumn) is not a number (expected \(ImportedLexicon.number(range.lowerBound))..\(ImportedLexicon.number(range.upperBound)))")
            }
            guard range.contains(value) else {
                throw BenchError(file: spec.path, line: line, "label \(cell) in column \(spec.labelColumn) is outside the declared range \(ImportedLexicon.number(range.lowerBound))..\(ImportedLexicon.number(range.upperBound))")
            }
            return 2 * (value - range.lowerBound) / (range.upperBound - range.lowerBound) - 1
        case .binary:
            switch lower {
            case "1", "1.0", "true", "yes", "pos", "positive", "+1": return 1
            case "0", "0.0", "-1", "false", "no", "neg", "negative": return -1
            default:
                throw BenchError(file: spec.path, line: line, "label \"\(cell)\" in column \(spec.labelColumn) is not binary (expected 0/1, negative/positive, false/true or no/yes)")
            }
        case .threeClass:
            switch lower {
            case "1", "+1", "pos", "positive": return 1
            case "0", "neu", "neutral": return 0
            case "-1", "neg", "negative": return -1
            default:
                throw BenchError(file: spec.path, line: line, "label \"\(cell)\" in column \(spec.labelColumn) is not one of 3 classes (expected -1/0/1 or negative/neutral/positive)")
            }
        case .emotion, .emotions, .topics:
            return 0
        }
    }

    /// Corpus label (lower case) → evaluation labels.
    static func readLabelMap(_ path: String) throws(BenchError) -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BenchError(file: path, "expected a JSON object {\"corpus label\": \"target\"} or {\"target\": [\"corpus label\", …]}")
        }
        var map: [String: [String]] = [:]
        for (key, value) in object {
            if let target = value as? String {
                map[key.lowercased(), default: []].append(target.lowercased())
            } else if let sources = value as? [String] {
                for source in sources { map[source.lowercased(), default: []].append(key.lowercased()) }
            } else {
                throw BenchError(file: path, "the value of \"\(key)\" must be a label or a list of labels")
            }
        }
        return map
    }

    static func column(_ name: String, in header: [String]?, file: String, line: Int) throws(BenchError) -> Int {
        if let header, let index = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == name }) { return index }
        if let number = Int(name), number >= 1 { return number - 1 }
        throw BenchError(file: file, line: line, "no column \"\(name)\"" + (header.map { " (the header has: \($0.joined(separator: ", ")))" } ?? " (the file has no header: give a column number)"))
    }

    static func delimited(_ text: String, _ spec: BenchCorpusSpec, separator: UInt8) throws(BenchError) -> [(line: Int, text: String, label: Any)] {
        let reader = DelimitedTextReader(separator: separator, quoting: spec.quoting ?? (separator == UInt8(ascii: ",")))
        let records: [DelimitedTextReader.Record]
        do { records = try reader.records(text, file: spec.path) } catch { throw BenchError(file: spec.path, line: error.line, error.message) }
        guard let first = records.first else { throw BenchError(file: spec.path, "the corpus is empty") }
        let header = spec.header ? first.fields : nil
        let textIndex = try column(spec.textColumn, in: header, file: spec.path, line: first.line)
        let labelIndex = try column(spec.labelColumn, in: header, file: spec.path, line: first.line)
        var rows: [(Int, String, Any)] = []
        for record in records.dropFirst(spec.header ? 1 : 0) {
            let needed = max(textIndex, labelIndex) + 1
            guard record.fields.count >= needed else {
                throw BenchError(file: spec.path, line: record.line, "expected at least \(needed) fields, found \(record.fields.count)")
            }
            rows.append((record.line, record.fields[textIndex], record.fields[labelIndex]))
        }
        return rows
    }

    static func jsonLines(_ text: String, _ spec: BenchCorpusSpec) throws(BenchError) -> [(line: Int, text: String, label: Any)] {
        var rows: [(Int, String, Any)] = []
        for (number, line) in ImportText.lines(text) where !line.allSatisfy({ $0 == " " || $0 == "\t" }) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw BenchError(file: spec.path, line: number, "expected a JSON object on this line")
            }
            guard let text = object[spec.textColumn] as? String else {
                throw BenchError(file: spec.path, line: number, "expected a string field \"\(spec.textColumn)\" (the text)")
            }
            guard let label = object[spec.labelColumn] else {
                throw BenchError(file: spec.path, line: number, "expected a field \"\(spec.labelColumn)\" (the label)")
            }
            rows.append((number, text, label))
        }
        return rows
    }
}

/// A topic label as read: its name and polarity, if any, before mapping.
struct TopicLabel {
    var name: String
    var polarity: String?
}
