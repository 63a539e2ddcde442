import Foundation

/// A problem in a lexicon, with where it is.
public struct LexiconError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, as compilers print it.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// Where the loader reads a lexicon's files from.
public protocol LexiconFileSource {
    /// A name for messages ("lexicons/en-cx", "embedded:en-cx").
    var displayName: String { get }
    /// The text of the file at `path`, relative to the lexicon's folder.
    func read(_ path: String) throws(LexiconError) -> String
}

/// A lexicon folder on disk.
public struct DirectoryLexiconSource: LexiconFileSource {
    public var directory: String
    public init(directory: String) { self.directory = directory }
    public var displayName: String { directory }

    public func read(_ path: String) throws(LexiconError) -> String {
        let full = (directory as NSString).appendingPathComponent(path)
        if path == "manifest.json", !FileManager.default.fileExists(atPath: full) {
            throw LexiconError(file: full, "no manifest.json in this folder: a lexicon folder names its term, shifter and cue files in a "
                               + "manifest.json (see lexicons/README.md); a third-party lexicon file is given as --lexicon NAME=FORMAT:PATH")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw LexiconError(file: full, "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: full, "is not valid UTF-8")
        }
        return text
    }
}

/// A lexicon whose files are held in memory (the ones embedded in the build, or test fixtures).
public struct InMemoryLexiconSource: LexiconFileSource {
    public var displayName: String
    public var files: [String: String]
    public init(displayName: String, files: [String: String]) {
        self.displayName = displayName
        self.files = files
    }

    public func read(_ path: String) throws(LexiconError) -> String {
        guard let text = files[path] else { throw LexiconError(file: "\(displayName)/\(path)", "no such file in the lexicon") }
        return text
    }
}

/// Reads a lexicon in the native `perceive-lexicon/1` format (see `lexicons/README.md`).
///
/// Every problem is reported as `file:line[:column]: what is wrong`. Duplicate terms, duplicate
/// shifters and terms that are both a shifter and a scored term are refused.
public enum LexiconLoader {
    public static let formatName = "perceive-lexicon/1"
    static let requiredHeaderKeys = ["lexicon", "version", "source", "license"]

    /// Loads the lexicon in `directory`.
    public static func load(directory: String) throws -> Lexicon {
        try load(from: DirectoryLexiconSource(directory: directory))
    }

    /// Loads a lexicon from `source`, tokenizing its terms with `tokenizer` (by default one
    /// for the lexicon's language).
    public static func load(from source: LexiconFileSource, tokenizer: Tokenizer? = nil) throws -> Lexicon {
        try build(from: source, tokenizer: tokenizer, collectingProblems: false).finish()
    }

    /// Every problem of the lexicon at `source`, in file order (empty when it loads): unlike
    /// ``load(from:tokenizer:)``, which stops at the first, a bad row is reported and the rows
    /// after it are still checked (`perceive lexicon validate`). A problem in the manifest, a
    /// missing file or a file's header still ends the check of that file (or, for the
    /// manifest, of the lexicon).
    public static func problems(in source: LexiconFileSource, tokenizer: Tokenizer? = nil) -> [LexiconError] {
        do {
            return try build(from: source, tokenizer: tokenizer, collectingProblems: true).problems
        } catch let error as LexiconError {
            return [error]
        } catch {
            return [LexiconError(file: "\(source.displayName)/manifest.json", "\(error)")]
        }
    }

    private static func build(from source: LexiconFileSource, tokenizer: Tokenizer?, collectingProblems: Bool) throws -> Builder {
        let manifestText = try source.read("manifest.json")
        let manifestFile = "\(source.displayName)/manifest.json"
        let manifest: LexiconManifest
        do {
            manifest = try JSONDecoder().decode(LexiconManifest.self, from: Data(manifestText.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw LexiconError(file: manifestFile, "missing field \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw LexiconError(file: manifestFile, "field \"\(path)\": \(context.debugDescription)")
        } catch {
            throw LexiconError(file: manifestFile, "is not valid JSON: \(error)")
        }
        guard manifest.format == formatName else {
            throw LexiconError(file: manifestFile, line: line(of: "format", in: manifestText),
                               "format is \"\(manifest.format)\", expected \"\(formatName)\"")
        }
        // The manifest names files inside the lexicon folder: a path may not leave it.
        for (key, paths) in [("terms", manifest.terms), ("shifters", manifest.shifters), ("cues", manifest.cues)] {
            for path in paths where path.isEmpty || path.hasPrefix("/") || path.split(separator: "/").contains("..") || path.contains("\\") {
                throw LexiconError(file: manifestFile, line: manifestText.split(separator: "\n", omittingEmptySubsequences: false)
                                       .firstIndex { $0.contains("\"\(path)\"") }.map { $0 + 1 },
                                   "\(key) path \"\(path)\" is not a relative path inside the lexicon folder (no \"..\", not absolute)")
            }
        }
        guard !manifest.terms.isEmpty else {
            throw LexiconError(file: manifestFile, line: line(of: "terms", in: manifestText), "lists no term files (\"terms\": [])")
        }
        for category in manifest.emotions {
            if !EmotionSpace.plutchikLabels.contains(category.plutchik) {
                throw LexiconError(file: manifestFile, line: line(of: "name", value: category.name, in: manifestText),
                                   "emotion category \"\(category.name)\": unknown Plutchik emotion \"\(category.plutchik)\" (expected one of \(EmotionSpace.plutchikLabels.joined(separator: ", ")))")
            }
            if let ekman = category.ekman, !EmotionSpace.ekmanLabels.contains(ekman) {
                throw LexiconError(file: manifestFile, line: line(of: "name", value: category.name, in: manifestText),
                                   "emotion category \"\(category.name)\": unknown Ekman emotion \"\(ekman)\" (expected one of \(EmotionSpace.ekmanLabels.joined(separator: ", ")), or null)")
            }
        }
        var seenCategories = Set<String>()
        for category in manifest.emotions where !seenCategories.insert(category.name).inserted {
            throw LexiconError(file: manifestFile, line: line(of: "name", value: category.name, occurrence: 2, in: manifestText),
                               "emotion category \"\(category.name)\" is declared twice")
        }
        let tokenizer = try tokenizer ?? Tokenizer(locale: manifest.language)
        var builder = Builder(manifest: manifest, tokenizer: tokenizer, displayName: source.displayName)
        builder.collectsProblems = collectingProblems
        // A file that cannot be read or whose header is wrong is one problem; the next file is
        // still checked when collecting.
        for path in manifest.terms {
            try builder.checked { (b: inout Builder) throws(LexiconError) in try b.readTerms(path, try source.read(path)) }
        }
        for path in manifest.shifters {
            try builder.checked { (b: inout Builder) throws(LexiconError) in try b.readShifters(path, try source.read(path)) }
        }
        for path in manifest.cues {
            try builder.checked { (b: inout Builder) throws(LexiconError) in try b.readCues(path, try source.read(path)) }
        }
        return builder
    }

    /// The 1-based line of the `occurrence`-th `"key": ` (followed by `"value"` when given) in
    /// the manifest's text, for messages; nil when not found.
    static func line(of key: String, value: String? = nil, occurrence: Int = 1, in text: String) -> Int? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let found = rest.range(of: "\"\(key)\"") {
                rest = rest[found.upperBound...]
                let afterColon = rest.drop { $0 == " " || $0 == "\t" }
                guard afterColon.first == ":" else { continue }
                if let value, !afterColon.dropFirst().drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("\"\(value)\"") { continue }
                seen += 1
                if seen == occurrence { return index + 1 }
            }
        }
        return nil
    }

    /// A row of a data file: its 1-based line and its fields.
    struct Row {
        var line: Int
        var fields: [Substring]

        /// The 1-based column (in characters) where field `index` starts, for messages.
        func column(_ index: Int) -> Int {
            var column = 1
            for field in fields.prefix(index) { column += field.count + 1 }
            return column
        }
    }

    /// Splits a data file into rows after checking its header lines and column header.
    /// Lines and fields are split on their UTF-8 bytes (LF, TAB), which is also where
    /// Characters would split them, but for CRLF: a CR before the LF is dropped.
    static func rows(of text: String, file: String, columns expected: [String]) throws(LexiconError) -> [Row] {
        var header: [String: String] = [:]
        var sawColumns = false
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Substring(rawLine.last == 0x0D ? rawLine.dropLast() : rawLine)
            if line.utf8.first == UInt8(ascii: "#") {
                if !sawColumns, let colon = line.firstIndex(of: ":") {
                    let key = line[line.index(after: line.startIndex)..<colon].trimmingWhitespace
                    header[key] = line[line.index(after: colon)...].trimmingWhitespace
                }
                continue
            }
            if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let fields = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            if !sawColumns {
                for key in requiredHeaderKeys where (header[key] ?? "").isEmpty {
                    throw LexiconError(file: file, line: lineNumber, "missing header line \"# \(key): …\" before the column header")
                }
                let names = fields.map { $0.trimmingWhitespace }
                guard names == expected else {
                    throw LexiconError(file: file, line: lineNumber, column: 1,
                        "expected the column header \"\(expected.joined(separator: "<TAB>"))\", found \"\(names.joined(separator: "<TAB>"))\"")
                }
                sawColumns = true
                continue
            }
            guard fields.count <= expected.count else {
                throw LexiconError(file: file, line: lineNumber,
                    "expected at most \(expected.count) TAB-separated fields (\(expected.joined(separator: ", "))), found \(fields.count)")
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        if !sawColumns {
            throw LexiconError(file: file, line: lineNumber, "no column header \"\(expected.joined(separator: "<TAB>"))\" found")
        }
        return rows
    }

    struct Builder {
        var manifest: LexiconManifest
        let tokenizer: Tokenizer
        let displayName: String
        var vocabulary = ByteHashTable(minimumCapacity: 8192)
        var entries: [LexiconEntry] = []
        var entryTokens: [[Int32]] = []
        var entryByTokens: [[Int32]: Int] = [:]
        /// Whether a problem is recorded in ``problems`` and the check goes on (validation), or
        /// thrown at once (loading).
        var collectsProblems = false
        var problems: [LexiconError] = []

        /// Runs `body`; a problem it throws is recorded when collecting, else rethrown.
        mutating func checked(_ body: (inout Builder) throws(LexiconError) -> Void) throws(LexiconError) {
            do {
                try body(&self)
            } catch {
                guard collectsProblems else { throw error }
                problems.append(error)
            }
        }

        init(manifest: LexiconManifest, tokenizer: Tokenizer, displayName: String) {
            self.manifest = manifest
            self.tokenizer = tokenizer
            self.displayName = displayName
        }

        func finish() -> Lexicon {
            Lexicon(manifest: manifest, entries: entries, vocabulary: vocabulary, entryTokens: entryTokens)
        }

        /// The entry index for `term`, creating an empty entry when new.
        mutating func entryIndex(for term: Substring, file: String, line: Int) throws(LexiconError) -> Int {
            let text = term.trimmingWhitespace
            guard !text.isEmpty else { throw LexiconError(file: file, line: line, column: 1, "empty term") }
            var ids: [Int32] = []
            if let words = Tokenizer.simpleWords(text) {
                // Lower-case a-z words and single spaces (most terms) are their own tokens: a
                // call of the tokenizer per term was most of the time to load a lexicon.
                for word in words { ids.append(vocabulary.insert(word, value: Int32(vocabulary.count))) }
            } else {
                let tokenized: TokenizedText
                do { tokenized = try tokenizer.tokenize(text) } catch {
                    throw LexiconError(file: file, line: line, column: 1, "cannot tokenize \"\(text)\": \(error)")
                }
                guard !tokenized.tokens.isEmpty else {
                    throw LexiconError(file: file, line: line, column: 1, "term \"\(text)\" has no tokens")
                }
                for index in tokenized.tokens.indices where !tokenized.isJoinerHyphen(index) {
                    let token = tokenized.tokens[index]
                    let bytes = Array(tokenized.folded[Int(token.foldStart)..<Int(token.foldEnd)])
                    ids.append(vocabulary.insert(bytes, value: Int32(vocabulary.count)))
                }
            }
            if let existing = entryByTokens[ids] { return existing }
            entries.append(LexiconEntry(term: text, tokenCount: ids.count))
            entryTokens.append(ids)
            entryByTokens[ids] = entries.count - 1
            return entries.count - 1
        }

        static func number(_ field: Substring, _ row: Row, _ index: Int, file: String, name: String,
                           range: ClosedRange<Double>) throws(LexiconError) -> Double? {
            let text = field.trimmingWhitespace
            if text.isEmpty { return nil }
            guard let value = Double(text), value.isFinite else {
                throw LexiconError(file: file, line: row.line, column: row.column(index), "\(name) \"\(text)\" is not a number")
            }
            guard range.contains(value) else {
                throw LexiconError(file: file, line: row.line, column: row.column(index),
                    "\(name) \(text) is outside \(range.lowerBound)…\(range.upperBound)")
            }
            return value
        }

        mutating func readTerms(_ path: String, _ text: String) throws(LexiconError) {
            let file = "\(displayName)/\(path)"
            for row in try LexiconLoader.rows(of: text, file: file, columns: ["term", "valence", "effort", "success", "emotions"]) {
                try checked { (builder: inout Builder) throws(LexiconError) in try builder.readTermsRow(row, file: file) }
            }
        }

        private mutating func readTermsRow(_ row: Row, file: String) throws(LexiconError) {
            func field(_ i: Int) -> Substring { i < row.fields.count ? row.fields[i] : "" }
            let valence = try Self.number(field(1), row, 1, file: file, name: "valence", range: -1...1)
            let effort = try Self.number(field(2), row, 2, file: file, name: "effort", range: -1...1)
            let success = try Self.number(field(3), row, 3, file: file, name: "success", range: -1...1)
            let emotions = try parseEmotions(field(4), row, file: file)
            guard valence != nil || effort != nil || success != nil || !emotions.isEmpty else {
                throw LexiconError(file: file, line: row.line, "term \"\(field(0))\" has no valence, effort, success or emotions")
            }
            let location = SourceLocation(file: file, line: row.line)
            let index = try entryIndex(for: field(0), file: file, line: row.line)
            if let earlier = entries[index].termLocation {
                throw LexiconError(file: file, line: row.line, column: 1,
                    "duplicate term \"\(entries[index].term)\" (first defined at \(earlier))")
            }
            entries[index].valence = valence
            entries[index].effort = effort
            entries[index].success = success
            entries[index].emotions = emotions
            entries[index].termLocation = location
        }

        func parseEmotions(_ field: Substring, _ row: Row, file: String) throws(LexiconError) -> [EmotionWeight] {
            var column: Int? { row.fields.count > 4 ? row.column(4) : nil }  // for messages only
            var weights: [EmotionWeight] = []
            // Items split at commas (empty ones skipped), each at its one colon, by bytes and
            // without arrays of parts: most terms have emotions, and this ran for every one.
            var rest = field[...]
            while !rest.isEmpty {
                let comma = rest.utf8.firstIndex(of: UInt8(ascii: ",")) ?? rest.endIndex
                let item = rest[..<comma]
                rest = comma == rest.endIndex ? rest[comma...] : rest[rest.utf8.index(after: comma)...]
                if item.isEmpty { continue }
                var pair: (name: String, value: String)?
                if let colon = item.utf8.firstIndex(of: UInt8(ascii: ":")) {
                    let value = item[item.utf8.index(after: colon)...]
                    if !value.utf8.contains(UInt8(ascii: ":")) { pair = (item[..<colon].trimmingWhitespace, value.trimmingWhitespace) }
                }
                guard let (name, value) = pair else {
                    throw LexiconError(file: file, line: row.line, column: column,
                        "emotion \"\(item)\" is not of the form name:intensity")
                }
                guard let category = manifest.emotions.firstIndex(where: { $0.name == name }) else {
                    throw LexiconError(file: file, line: row.line, column: column,
                        "unknown emotion \"\(name)\" (the manifest declares \(manifest.emotions.map(\.name).joined(separator: ", ")))")
                }
                guard let intensity = Double(value), intensity > 0, intensity <= 1 else {
                    throw LexiconError(file: file, line: row.line, column: column,
                        "intensity \"\(value)\" of \(name) must be a number in (0, 1]")
                }
                guard !weights.contains(where: { $0.category == category }) else {
                    throw LexiconError(file: file, line: row.line, column: column, "emotion \"\(name)\" is listed twice")
                }
                weights.append(EmotionWeight(category: category, intensity: intensity))
            }
            return weights
        }

        mutating func readShifters(_ path: String, _ text: String) throws(LexiconError) {
            let file = "\(displayName)/\(path)"
            for row in try LexiconLoader.rows(of: text, file: file, columns: ["term", "kind", "weight"]) {
                try checked { (builder: inout Builder) throws(LexiconError) in try builder.readShiftersRow(row, file: file) }
            }
        }

        private mutating func readShiftersRow(_ row: Row, file: String) throws(LexiconError) {
            guard row.fields.count >= 2, let kind = ShifterKind(rawValue: row.fields[1].trimmingWhitespace) else {
                throw LexiconError(file: file, line: row.line, column: row.fields.count > 1 ? row.column(1) : nil,
                    "expected a shifter kind (\(ShifterKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let weight = row.fields.count > 2
                ? try Self.number(row.fields[2], row, 2, file: file, name: "weight", range: 0...2) : nil
            if (kind == .intensifier || kind == .diminisher) && weight == nil {
                throw LexiconError(file: file, line: row.line, "\(kind == .intensifier ? "an" : "a") \(kind.rawValue) needs a weight")
            }
            let index = try entryIndex(for: row.fields[0], file: file, line: row.line)
            if let earlier = entries[index].shifterLocation {
                throw LexiconError(file: file, line: row.line, column: 1,
                    "duplicate shifter \"\(entries[index].term)\" (first defined at \(earlier))")
            }
            if let scored = entries[index].termLocation {
                throw LexiconError(file: file, line: row.line, column: 1,
                    "\"\(entries[index].term)\" is a scored term at \(scored) and may not also be a shifter")
            }
            entries[index].shifter = kind
            entries[index].shifterWeight = weight
            entries[index].shifterLocation = SourceLocation(file: file, line: row.line)
        }

        mutating func readCues(_ path: String, _ text: String) throws(LexiconError) {
            let file = "\(displayName)/\(path)"
            for row in try LexiconLoader.rows(of: text, file: file, columns: ["term", "kind", "value"]) {
                try checked { (builder: inout Builder) throws(LexiconError) in try builder.readCuesRow(row, file: file) }
            }
        }

        private mutating func readCuesRow(_ row: Row, file: String) throws(LexiconError) {
            guard row.fields.count >= 2, let kind = CueKind(rawValue: row.fields[1].trimmingWhitespace) else {
                throw LexiconError(file: file, line: row.line, column: row.fields.count > 1 ? row.column(1) : nil,
                    "expected a cue kind (\(CueKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let value = row.fields.count > 2
                ? try Self.number(row.fields[2], row, 2, file: file, name: "value", range: 0...1_000_000) : nil
            let needsValue: Set<CueKind> = [.durationUnit, .number, .count, .ordinal]
            if needsValue.contains(kind) && value == nil {
                throw LexiconError(file: file, line: row.line, "\(kind == .ordinal ? "an" : "a") \(kind.rawValue) cue needs a value")
            }
            let index = try entryIndex(for: row.fields[0], file: file, line: row.line)
            if entries[index].cues.contains(kind) {
                throw LexiconError(file: file, line: row.line, column: 1,
                    "duplicate \(kind.rawValue) cue \"\(entries[index].term)\"")
            }
            entries[index].cues.insert(kind)
            if let value { entries[index].cueValues[kind] = value }
        }
    }
}
