import Foundation

/// The lexicon formats `perceive` reads. Each third-party format has its own importer type in
/// `Sources/PerceiveKit/Import/` that documents how its scale maps to −1 … 1.
public enum LexiconFormat: String, Sendable, CaseIterable {
    /// A `perceive-lexicon/1` folder (manifest and TSV files).
    case native
    /// AFINN: `word<TAB>integer` −5 … 5 (``AFINNLexiconFormat``).
    case afinn
    /// Hu & Liu opinion lexicon: `positive-words.txt`, `negative-words.txt` (``HuLiuLexiconFormat``).
    case huliu
    /// NRC Emotion Lexicon, word level: `word<TAB>category<TAB>0|1` (``NRCEmoLexLexiconFormat``).
    case nrcEmolex = "nrc-emolex"
    /// NRC Valence-Arousal-Dominance lexicon: `word<TAB>valence<TAB>arousal<TAB>dominance` (``NRCVADLexiconFormat``).
    case nrcVAD = "nrc-vad"
    /// sentimentr's tables (R package lexicon) as CSV: polarity `x,y`, valence shifters `x,y`
    /// with type codes 1–4, NRC emotions `token,emotion` (``SentimentrCSVLexiconFormat``).
    case sentimentrCSV = "sentimentr-csv"
    /// VADER: `token<TAB>mean<TAB>sd<TAB>[ratings]` (``VADERLexiconFormat``).
    case vader

    /// The duplicate handling of the tool the format comes from.
    public var defaultDuplicatePolicy: DuplicatePolicy {
        switch self {
        case .native, .afinn, .nrcVAD: .refuse
        case .huliu, .sentimentrCSV, .nrcEmolex: .first
        case .vader: .last
        }
    }

    /// One line on how values are mapped to Perceive's −1 … 1 (printed by `perceive lexicon formats`).
    public var mapping: String {
        switch self {
        case .native: "values as written (−1 … 1)"
        case .afinn: AFINNLexiconFormat.mapping
        case .huliu: HuLiuLexiconFormat.mapping
        case .nrcEmolex: NRCEmoLexLexiconFormat.mapping
        case .nrcVAD: NRCVADLexiconFormat.mapping
        case .sentimentrCSV: SentimentrCSVLexiconFormat.mapping
        case .vader: VADERLexiconFormat.mapping
        }
    }

    /// Recognizes the format of a file from its first lines (and, for Hu & Liu, its `;`
    /// comment header); nil when it looks like none of them.
    public static func recognize(text: String, path: String) -> LexiconFormat? {
        var lines: [Substring] = []
        var sawSemicolonComment = false
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if raw.hasPrefix(";") { sawSemicolonComment = true; continue }
            if raw.hasPrefix("#") || raw.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            lines.append(raw)
            if lines.count == 20 { break }
        }
        guard let first = lines.first else { return sawSemicolonComment ? .huliu : nil }
        let lower = first.lowercased()
        if lower == "x,y" || lower == "token,emotion" || lower.hasPrefix("term,anger,") || lower == "\"x\",\"y\"" { return .sentimentrCSV }
        if lower.hasPrefix("word\tvalence\tarousal\tdominance") || lower.hasPrefix("term\tvalence\tarousal\tdominance") { return .nrcVAD }
        let sample = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        if sample.allSatisfy({ $0.count == 4 && $0[3].hasPrefix("[") }) { return .vader }
        if sample.allSatisfy({ $0.count == 3 && NRCEmoLexLexiconFormat.categories.contains(String($0[1]).lowercased()) }) { return .nrcEmolex }
        if sample.allSatisfy({ $0.count == 4 && $0[1...].allSatisfy { Double($0.trimmingCharacters(in: .whitespaces)) != nil } }) { return .nrcVAD }
        if sample.allSatisfy({ $0.count == 2 && Int($0[1].trimmingCharacters(in: .whitespaces)) != nil }) { return .afinn }
        if sawSemicolonComment || sample.allSatisfy({ $0.count == 1 && !$0[0].contains(",") && !$0[0].contains(" ") }) { return .huliu }
        return nil
    }

    /// Reads `paths` as one lexicon of this format (several files: Hu & Liu's two lists,
    /// sentimentr's polarity and shifter tables, VADER's lexicon).
    public func read(paths: [String], name: String, duplicatePolicy: DuplicatePolicy? = nil,
                     options: ImportOptions = ImportOptions()) throws -> ImportedLexicon {
        precondition(self != .native, "native lexicons are loaded with LexiconLoader")
        var lexicon = ImportedLexicon(name: name, format: self, source: paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "),
                                      duplicatePolicy: duplicatePolicy, categories: options.vocabulary.categories)
        lexicon.vocabulary = options.vocabulary
        for path in paths {
            let text = try ImportText.read(path, notes: &lexicon.notes)
            try read(text: text, file: path, into: &lexicon, options: options)
        }
        return lexicon
    }

    /// Reads one file's text into `lexicon`.
    public func read(text: String, file: String, into lexicon: inout ImportedLexicon, options: ImportOptions = ImportOptions()) throws {
        switch self {
        case .native: preconditionFailure("native lexicons are loaded with LexiconLoader")
        case .afinn: try AFINNLexiconFormat.read(text: text, file: file, into: &lexicon)
        case .huliu: try HuLiuLexiconFormat.read(text: text, file: file, into: &lexicon, polarity: options.huLiuPolarity)
        case .nrcEmolex: try NRCEmoLexLexiconFormat.read(text: text, file: file, into: &lexicon, categoryMap: options.nrcCategoryMap)
        case .nrcVAD: try NRCVADLexiconFormat.read(text: text, file: file, into: &lexicon)
        case .sentimentrCSV: try SentimentrCSVLexiconFormat.read(text: text, file: file, into: &lexicon, categoryMap: options.nrcCategoryMap)
        case .vader: try VADERLexiconFormat.importFile(text: text, file: file, into: &lexicon)
        }
    }
}

/// Choices an import may need beyond the files themselves.
public struct ImportOptions: Sendable {
    /// For a Hu & Liu list whose name says neither "positive" nor "negative".
    public var huLiuPolarity: HuLiuLexiconFormat.Polarity?
    /// NRC category → category of the target lexicon (nil: dropped). Default:
    /// ``NRCEmoLexLexiconFormat/defaultCategoryMap``.
    public var nrcCategoryMap: [String: String?]
    /// The shifters, cues and emotion categories the imported lexicon borrows.
    public var vocabulary: ImportVocabulary

    public init(huLiuPolarity: HuLiuLexiconFormat.Polarity? = nil,
                nrcCategoryMap: [String: String?] = NRCEmoLexLexiconFormat.defaultCategoryMap,
                vocabulary: ImportVocabulary = .enCX) {
        self.huLiuPolarity = huLiuPolarity
        self.nrcCategoryMap = nrcCategoryMap
        self.vocabulary = vocabulary
    }
}

extension ImportOptions {
    /// The default options, with the NRC category map of `--category-map FILE` when `path` is
    /// given: a JSON object `{"nrc category": "our category" or null}` whose entries replace
    /// those of ``NRCEmoLexLexiconFormat/defaultCategoryMap`` (keys are lowercased).
    ///
    /// ```
    /// // map.json: {"anticipation": "joy", "fear": null}
    /// try ImportOptions(categoryMapFile: "map.json").nrcCategoryMap["fear"]   // .some(nil): dropped
    /// ```
    public init(categoryMapFile path: String?) throws(LexiconError) {
        self.init()
        guard let path else { return }
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LexiconError(file: path, "expected a JSON object {\"nrc category\": \"our category\" or null}")
        }
        for (key, value) in object { nrcCategoryMap[key.lowercased()] = .some(value as? String) }
    }
}

extension LexiconFormat {
    /// The format's line in `perceive lexicon formats`: its name, its default duplicate policy
    /// and how its values map to −1 … 1, in columns.
    ///
    /// ```
    /// LexiconFormat.afinn.overviewLine
    /// // "afinn           duplicates: refuse  valence = score / 5 (integers −5 … 5)"
    /// ```
    public var overviewLine: String {
        rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
            + "duplicates: \(defaultDuplicatePolicy.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))" + mapping
    }
}

/// Reading third-party files: UTF-8 (a BOM is dropped), else ISO-8859-1 (Latin-1), noted.
enum ImportText {
    static func read(_ path: String, notes: inout [ImportNote]) throws(LexiconError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, "cannot read the file (missing or unreadable)")
        }
        return decode(data, file: path, notes: &notes)
    }

    static func decode(_ data: Data, file: String, notes: inout [ImportNote]) -> String {
        if var text = String(data: data, encoding: .utf8) {
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        }
        notes.append(ImportNote(location: SourceLocation(file: file, line: 1), message: "not valid UTF-8: read as ISO-8859-1 (Latin-1)"))
        return String(data: data, encoding: .isoLatin1) ?? String(decoding: data, as: UTF8.self)
    }

    /// The lines of `text` with their 1-based numbers; `\r\n` and `\n` end lines, nothing
    /// else does (U+0085 and U+2028 inside a line stay in it).
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var result: [(Int, Substring)] = []
        var number = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            var s = Substring(line)
            if s.hasSuffix("\r") { s.removeLast() }
            result.append((number, s))
        }
        if let last = result.last, last.1.isEmpty { result.removeLast() }
        return result
    }
}
