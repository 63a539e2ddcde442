import Foundation

/// Reads `perceive-topics/1` files with the lexicon loader's standards: every problem is
/// reported as `file:line:column: what is wrong`, a bad row does not stop the check of the rows
/// after it, and duplicates are refused with the first definition's location.
extension TopicTaxonomy {
    public static let formatName = "perceive-topics/1"
    static let requiredHeaderKeys = ["topics", "version", "source", "license"]
    static let columns = ["topic", "term", "exclude"]

    /// Loads the taxonomy in `text`, named `file` in messages, tokenizing its terms with
    /// `tokenizer` (default: an English one, as for the en-cx lexicon's terms). Throws every
    /// problem of the file.
    public init(parsing text: String, file: String, tokenizer: Tokenizer? = nil) throws(TopicTaxonomyError) {
        let english: Tokenizer
        do { english = try tokenizer ?? Tokenizer(locale: "en") } catch {
            throw TopicTaxonomyError(file: file, problems: [LexiconError(file: file, "cannot open the tokenizer: \(error)")])
        }
        var reader = Reader(file: file, tokenizer: english)
        reader.read(text)
        guard reader.problems.isEmpty else { throw TopicTaxonomyError(file: file, problems: reader.problems) }
        self.init(name: reader.header["topics"] ?? "", version: reader.header["version"] ?? "", topics: reader.topics, terms: reader.terms)
    }

    /// Loads the taxonomy file at `path`.
    public init(contentsOfFile path: String, tokenizer: Tokenizer? = nil) throws(TopicTaxonomyError) {
        try self.init(parsing: try Self.read(path), file: path, tokenizer: tokenizer)
    }

    /// Every problem of the taxonomy in `text` (empty when it loads), in file order.
    public static func problems(in text: String, file: String, tokenizer: Tokenizer? = nil) -> [LexiconError] {
        do {
            _ = try TopicTaxonomy(parsing: text, file: file, tokenizer: tokenizer)
            return []
        } catch {
            return error.problems
        }
    }

    /// Every problem of the taxonomy file at `path` (`perceive topics validate`).
    public static func problems(inFile path: String) -> [LexiconError] {
        do { return problems(in: try read(path), file: path) } catch { return error.problems }
    }

    private static func read(_ path: String) throws(TopicTaxonomyError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw TopicTaxonomyError(file: path, problems: [LexiconError(file: path,
                isDirectory.boolValue ? "is a folder, expected a topic taxonomy file (perceive-topics/1, see lexicons/README.md)"
                                      : "cannot read the file (missing or unreadable)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TopicTaxonomyError(file: path, problems: [LexiconError(file: path, "is not valid UTF-8")])
        }
        return text
    }

    /// The state of one file's reading.
    private struct Reader {
        let file: String
        let tokenizer: Tokenizer
        var header: [String: String] = [:]
        var topics: [String] = []
        var topicIndex: [String: Int32] = [:]
        var terms: [TopicTerm] = []
        var termByTokens: [[[UInt8]]: Int] = [:]
        var problems: [LexiconError] = []

        init(file: String, tokenizer: Tokenizer) {
            self.file = file
            self.tokenizer = tokenizer
        }

        /// Splits lines and fields on their UTF-8 bytes (LF, TAB; a CR before the LF dropped),
        /// as the lexicon loader does, scanning the bytes: `split` on the string views cost more
        /// than all the rest of the loading (callgrind).
        mutating func read(_ text: String) {
            var text = text
            var lineNumber = 0
            text.withUTF8 { bytes in
                var start = 0
                for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x0A {
                    lineNumber += 1
                    let end = k > start && bytes[k - 1] == 0x0D ? k - 1 : k
                    readLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), lineNumber)
                    start = k + 1
                }
            }
            if columnLine == 0 {
                problems.append(LexiconError(file: file, line: lineNumber,
                    "no column header \"\(TopicTaxonomy.columns.joined(separator: "<TAB>"))\" found (is this a \(TopicTaxonomy.formatName) file?)"))
            } else if terms.isEmpty && problems.isEmpty {
                problems.append(LexiconError(file: file, line: columnLine, "no topics: the file has no term rows after the column header"))
            }
        }

        /// The line of the column header (0 before it, -1 after a wrong one).
        var columnLine = 0

        mutating func readLine(_ line: UnsafeBufferPointer<UInt8>, _ lineNumber: Int) {
            if line.first == UInt8(ascii: "#") {
                let text = String(decoding: line, as: UTF8.self)
                if columnLine == 0, let colon = text.firstIndex(of: ":") {
                    let key = text[text.index(after: text.startIndex)..<colon].trimmingWhitespace
                    header[key] = text[text.index(after: colon)...].trimmingWhitespace
                }
                return
            }
            if columnLine < 0 || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            var fields: [String] = []
            var fieldStart = 0
            for k in 0...line.count where k == line.count || line[k] == 0x09 {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[fieldStart..<k]), as: UTF8.self))
                fieldStart = k + 1
            }
            if columnLine > 0 {
                readRow(fields, line: lineNumber)
                return
            }
            for key in TopicTaxonomy.requiredHeaderKeys where (header[key] ?? "").isEmpty {
                problems.append(LexiconError(file: file, line: lineNumber, column: 1, "missing header line \"# \(key): …\" before the column header"))
            }
            let names = fields.map { $0.trimmingWhitespace }
            guard names == TopicTaxonomy.columns else {
                problems.append(LexiconError(file: file, line: lineNumber, column: 1,
                    "expected the column header \"\(TopicTaxonomy.columns.joined(separator: "<TAB>"))\", found \"\(names.joined(separator: "<TAB>"))\""))
                columnLine = -1  // no rows are read after a wrong column header
                return
            }
            columnLine = lineNumber
        }

        /// The 1-based column (in characters) where field `index` of `fields` starts.
        static func column(_ fields: [String], _ index: Int) -> Int {
            var column = 1
            for field in fields.prefix(index) {
                column += (field.utf8.allSatisfy { $0 < 0x80 } ? field.utf8.count : field.count) + 1
            }
            return column
        }

        mutating func readRow(_ fields: [String], line: Int) {
            guard fields.count >= 2, fields.count <= 3 else {
                problems.append(LexiconError(file: file, line: line, column: fields.count > 3 ? Self.column(fields, 3) : 1,
                    "expected 2 or 3 TAB-separated fields (topic, term, exclude), found \(fields.count)"))
                return
            }
            let path = fields[0].trimmingWhitespace
            let pathIsValid = TopicTaxonomy.isValidPath(path)
            if !pathIsValid {
                problems.append(LexiconError(file: file, line: line, column: 1,
                    "topic path \"\(path)\" is not one or two levels of lower-case letters, digits and \"-\" separated by \"/\" (e.g. service/contact-centre)"))
            }
            let text = fields[1].trimmingWhitespace
            let column = Self.column(fields, 1)
            guard let tokens = tokens(of: text, what: "term", line: line, column: column) else { return }
            var exclusions: [TopicExclusion] = []
            if fields.count == 3, !fields[2].trimmingWhitespace.isEmpty {
                var pieceColumn = Self.column(fields, 2)
                var pieces: [String] = []
                var field = fields[2]
                field.withUTF8 { bytes in
                    var start = 0
                    for k in 0...bytes.count where k == bytes.count || bytes[k] == UInt8(ascii: "|") {
                        pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self))
                        start = k + 1
                    }
                }
                for piece in pieces {
                    defer { pieceColumn += piece.count + 1 }
                    if let exclusion = exclusion(piece, of: text, tokens, line: line, column: pieceColumn) {
                        if exclusions.contains(where: { $0.tokens == exclusion.tokens }) {
                            problems.append(LexiconError(file: file, line: line, column: pieceColumn, "exclusion \"\(exclusion.text)\" is listed twice"))
                        } else {
                            exclusions.append(exclusion)
                        }
                    }
                }
            }
            if let first = termByTokens[tokens] {
                let earlier = terms[first]
                let spelling = earlier.text == text ? "" : " as \"\(earlier.text)\", which tokenizes alike"
                problems.append(LexiconError(file: file, line: line, column: column,
                    "duplicate term \"\(text)\" (first defined at \(earlier.location)\(spelling), under \(topics[Int(earlier.topic)]))"))
                return
            }
            guard pathIsValid else { return }
            let topic: Int32
            if let known = topicIndex[path] {
                topic = known
            } else {
                topic = Int32(topics.count)
                topics.append(path)
                topicIndex[path] = topic
            }
            termByTokens[tokens] = terms.count
            terms.append(TopicTerm(text: text, topic: topic, location: SourceLocation(file: file, line: line), column: column,
                                   exclusions: exclusions, tokens: tokens))
        }

        /// An exclusion of `term`, or nil after recording why it is refused.
        mutating func exclusion(_ raw: String, of term: String, _ termTokens: [[UInt8]], line: Int, column: Int) -> TopicExclusion? {
            let text = raw.trimmingWhitespace
            guard !text.isEmpty else {
                problems.append(LexiconError(file: file, line: line, column: column, "empty exclusion (two \"|\" in a row, or one at an end)"))
                return nil
            }
            guard let tokens = tokens(of: text, what: "exclusion", line: line, column: column) else { return nil }
            guard tokens != termTokens else {
                problems.append(LexiconError(file: file, line: line, column: column, "exclusion \"\(text)\" is the term itself"))
                return nil
            }
            var offsets: [Int] = []
            if tokens.count > termTokens.count {
                for offset in 0...(tokens.count - termTokens.count) where Array(tokens[offset..<offset + termTokens.count]) == termTokens {
                    offsets.append(offset)
                }
            }
            guard !offsets.isEmpty else {
                problems.append(LexiconError(file: file, line: line, column: column,
                    "exclusion \"\(text)\" does not contain the term \"\(term)\" (an exclusion is a longer phrase around its term)"))
                return nil
            }
            return TopicExclusion(text: text, tokens: tokens, offsets: offsets)
        }

        /// The folded tokens of a term or exclusion (joiner hyphens left out), or nil after
        /// recording why there are none.
        mutating func tokens(of text: String, what: String, line: Int, column: Int) -> [[UInt8]]? {
            guard !text.isEmpty else {
                problems.append(LexiconError(file: file, line: line, column: column, "empty \(what)"))
                return nil
            }
            let hasUpper = text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.contains { $0 &- 0x41 < 26 }
                : text.unicodeScalars.contains { $0.properties.changesWhenLowercased }
            if hasUpper {
                problems.append(LexiconError(file: file, line: line, column: column,
                    "\(what) \"\(text)\" has upper-case letters: write it in lower case (matching ignores case)"))
                return nil
            }
            if let words = Tokenizer.simpleWords(text) { return words }
            let tokenized: TokenizedText
            do { tokenized = try tokenizer.tokenize(text) } catch {
                problems.append(LexiconError(file: file, line: line, column: column, "cannot tokenize \"\(text)\": \(error)"))
                return nil
            }
            var tokens: [[UInt8]] = []
            for index in tokenized.tokens.indices where !tokenized.isJoinerHyphen(index) {
                let token = tokenized.tokens[index]
                tokens.append(Array(tokenized.folded[Int(token.foldStart)..<Int(token.foldEnd)]))
            }
            guard !tokens.isEmpty else {
                problems.append(LexiconError(file: file, line: line, column: column, "\(what) \"\(text)\" has no tokens"))
                return nil
            }
            return tokens
        }
    }

    /// Whether `path` is one or two levels of `[a-z0-9-]+` separated by `/`.
    static func isValidPath(_ path: String) -> Bool {
        var levels = 1, levelLength = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard levelLength > 0 else { return false }
                levels += 1
                levelLength = 0
            } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") {
                levelLength += 1
            } else {
                return false
            }
        }
        return levels <= 2 && levelLength > 0
    }
}
