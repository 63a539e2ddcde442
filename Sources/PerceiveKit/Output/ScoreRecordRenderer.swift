/// Renders scored records as bytes, in one of the ``ScoreRecordFormat``s: the one place that
/// knows what a record of `score` (and `explain --format json`) looks like. A
/// ``ScoreRecordWriter`` writes what it renders; the scoring threads of a ``ScorerPool``
/// render rows with it in parallel (``render(_:scorer:)``), and the writer writes them in
/// input order.
///
/// A record is a comment's scores (``ScoreFormatter``'s fields) with optional parts:
/// - its context: the comment's id (comments given as arguments or as lines of text), or the
///   export row it came from (row number, line, id, text column, and the original fields);
/// - its sentence number (`--sentences`);
/// - VADER's four values (`--ruleset vader`);
/// - the tokens and lexicon matches (`explain --format json`).
///
/// In a JSON array every record is rendered with a leading `,\n`: the writer drops the comma
/// of the first. Every other record ends with a line end.
///
/// A final class: the scoring threads share one renderer, and reading its fields borrows them.
/// A struct captured by the rendering closure was copied for every row, retaining and
/// releasing its twenty-odd references (header, keys, the formatter's lexicon) from both
/// threads: about 7% of the work, on cache lines the two threads shared (callgrind).
public final class ScoreRecordRenderer: @unchecked Sendable {
    public let format: ScoreRecordFormat
    public let formatter: ScoreFormatter
    /// One record per sentence instead of per comment.
    public let sentences: Bool
    /// Whether records carry VADER's four values (`--ruleset vader`).
    public let vader: Bool
    /// The export the records come from, or nil for comments with an id only.
    private let export: ExportColumns?

    /// What a record of an export row repeats of the export: copied once, because the
    /// scoring threads read them for every row, and reading them from the ``TabularInput``
    /// object, which the main thread keeps updating as it reads, made the threads share its
    /// cache lines.
    private struct ExportColumns {
        let header: [String]
        let textLabels: [String]
        let inputName: String
        /// JSON keys of the `fields` object: the header names, a repeated one suffixed with `#`
        /// and its 1-based column from its second occurrence on (`comment`, `comment#4`), so
        /// that no JSON reader drops a column.
        let fieldKeys: [String]
        /// The score columns of CSV output (without id and text).
        let scoreColumns: [String]
    }

    /// - Parameters:
    ///   - export: the survey export the rows come from; nil for comments given as arguments
    ///     or as lines of a text file (records then carry an id only).
    public init(format: ScoreRecordFormat, formatter: ScoreFormatter, sentences: Bool = false, vader: Bool = false,
                export: TabularInput? = nil) {
        self.format = format
        self.formatter = formatter
        self.sentences = sentences
        self.vader = vader
        self.export = export.map { input in
            var seen = Set<String>()
            let keys = input.header.enumerated().map { k, name in
                var key = name
                if seen.contains(key) { key = "\(name)#\(k + 1)" }
                while seen.contains(key) { key += "#" }
                seen.insert(key)
                return key
            }
            return ExportColumns(header: input.header, textLabels: input.textLabels, inputName: input.name, fieldKeys: keys,
                                 scoreColumns: Array(Self.csvHeader(vader: vader, topics: formatter.includeTopics).dropFirst(2)))
        }
    }

    /// The CSV columns of a comment's record: id, text, the scores, the topics (with
    /// ``ScoreFormatter/includeTopics``), and VADER's four values.
    public static func csvHeader(vader: Bool, topics: Bool = false) -> [String] {
        ScoreFormatter.csvHeader + (topics ? [ScoreFormatter.csvTopicsColumn] : []) + (vader ? VADERScoreFormatter.csvColumns : [])
    }

    /// ``csvHeader(vader:topics:)`` of this renderer's records.
    private var csvColumns: [String] { Self.csvHeader(vader: vader, topics: formatter.includeTopics) }

    // MARK: Begin and end

    /// What the output starts with: the CSV header, the table's header, or `[`.
    public func begin() -> String {
        switch format {
        case .csv:
            guard let export else {
                var header = csvColumns
                if sentences { header.insert("sentence", at: 1) }
                return CSVText.row(header) + "\n"
            }
            var header = (export.header.isEmpty ? ["id", "text"] : export.header).map(guarded)  // the input's names are cells too
            if export.textLabels.count > 1 { header.append("text_column") }
            if sentences { header += ["sentence", "sentence_text"] }
            return CSVText.row(header + export.scoreColumns + ["error"]) + "\n"
        case .table: return (vader ? VADERScoreFormatter(base: formatter).tableHeader() : formatter.tableHeader()) + "\n"
        case .json: return "["
        case .ndjson: return ""
        }
    }

    /// What the output ends with after `records` records: the JSON array's closing.
    public func end(records: Int) -> String {
        format == .json ? (records == 0 ? "]\n" : "\n]\n") : ""
    }

    // MARK: Comments with an id

    /// Renders the records of one comment with an id: one, or one per sentence (`0` for a
    /// comment without sentences). Returns how many.
    @discardableResult
    public func render(_ comment: CommentScore, id: String, polarity: VADERPolarity? = nil, analysis: Analysis? = nil,
                       lexicon: Lexicon? = nil, to out: inout ByteWriter) -> Int {
        guard sentences else {
            record(to: &out) { commentRecord(comment, id: id, sentence: nil, polarity, analysis, lexicon, to: &$0) }
            return 1
        }
        let parts = comment.sentenceComments()
        if parts.isEmpty { record(to: &out) { commentRecord(comment, id: id, sentence: 0, nil, nil, nil, to: &$0) } }
        for (k, part) in parts.enumerated() { record(to: &out) { commentRecord(part, id: id, sentence: k + 1, nil, nil, nil, to: &$0) } }
        return max(1, parts.count)
    }

    /// Renders the record of a comment that could not be scored.
    public func renderError(id: String, text: String, message: String, to out: inout ByteWriter) {
        record(to: &out) { out in
            switch format {
            case .json, .ndjson:
                out.appendUTF8("{\"id\":")
                JSONText.append(id, to: &out)
                out.appendUTF8(",\"error\":")
                JSONText.append(message, to: &out)
                out.append(0x7D)
            case .csv:
                // No error column here: the message takes the last score column's place.
                let guarded = formatter.guardFormulas
                let cells = [CSVText.guardFormula(id, enabled: guarded), CSVText.guardFormula(text, enabled: guarded)]
                    + Array(repeating: "", count: csvColumns.count - 3) + ["error: \(message)"]
                out.append(utf8: CSVText.row(cells))
            case .table:
                out.append(utf8: TerminalText.visible("\(id)  error: \(message)", keepingTabAndLineFeed: false))
            }
        }
    }

    private func record(to out: inout ByteWriter, _ body: (inout ByteWriter) -> Void) {
        if format == .json { out.appendUTF8(",\n") }
        body(&out)
        if format != .json { out.append(0x0A) }
    }

    private func commentRecord(_ result: CommentScore, id: String, sentence: Int?, _ polarity: VADERPolarity?,
                               _ analysis: Analysis?, _ lexicon: Lexicon?, to out: inout ByteWriter) {
        switch format {
        case .json, .ndjson:
            out.append(0x7B)
            if let sentence {  // {"sentence":k,"id":…,…}
                out.appendUTF8("\"sentence\":")
                JSONText.appendInteger(sentence, to: &out)
                out.append(0x2C)
            }
            out.appendUTF8("\"id\":")
            JSONText.append(id, to: &out)
            out.append(0x2C)
            appendJSONFields(result, polarity, formatter, to: &out)
            if let analysis, let lexicon { appendExplanation(analysis, of: result, lexicon: lexicon, to: &out) }
            out.append(0x7D)
        case .csv:
            formatter.appendCSVRow(result, id: id, sentence: sentence, to: &out)
            if let polarity { VADERScoreFormatter.appendCSVFields(polarity, to: &out) }
        case .table:
            appendTableRow(result, polarity, id: sentence.map { "\(id).\($0)" } ?? id, formatter, to: &out)
        }
    }

    private func appendJSONFields(_ result: CommentScore, _ polarity: VADERPolarity?, _ formatter: ScoreFormatter,
                                  to out: inout ByteWriter) {
        if let polarity {
            formatter.appendJSONFields(result, to: &out) { VADERScoreFormatter.appendJSONFields(polarity, to: &$0) }
        } else {
            formatter.appendJSONFields(result, to: &out)
        }
    }

    private func appendTableRow(_ result: CommentScore, _ polarity: VADERPolarity?, id: String, _ formatter: ScoreFormatter,
                                to out: inout ByteWriter) {
        if let polarity {
            out.append(utf8: VADERScoreFormatter(base: formatter).tableRow(result, polarity, id: id))
        } else {
            out.append(utf8: formatter.tableRow(result, id: id))
        }
    }

    /// `,"tokens":[…],"matches":[…]`: how `explain` saw the comment.
    private func appendExplanation(_ analysis: Analysis, of result: CommentScore, lexicon: Lexicon, to out: inout ByteWriter) {
        out.appendUTF8(",\"tokens\":[")
        for i in analysis.tokens.indices {
            let token = analysis.tokens[i]
            if i > 0 { out.append(0x2C) }
            out.appendUTF8("{\"text\":")
            JSONText.append(result.text(token.start, token.end), to: &out)
            out.appendUTF8(",\"start\":")
            JSONText.appendInteger(token.start, to: &out)
            out.appendUTF8(",\"end\":")
            JSONText.appendInteger(token.end, to: &out)
            out.appendUTF8(",\"kind\":\"")
            out.append(utf8: "\(token.kind)")
            out.appendUTF8("\",\"folded\":")
            JSONText.append(analysis.tokenized.foldedText(of: i), to: &out)
            out.appendUTF8(",\"sentence\":")
            JSONText.appendInteger(token.sentence, to: &out)
            out.append(0x7D)
        }
        out.appendUTF8("],\"matches\":[")
        for (k, match) in analysis.matches.enumerated() {
            let entry = lexicon.entries[Int(match.entry)]
            if k > 0 { out.append(0x2C) }
            out.appendUTF8("{\"term\":")
            JSONText.append(entry.term, to: &out)
            out.appendUTF8(",\"firstToken\":")
            JSONText.appendInteger(match.first, to: &out)
            out.appendUTF8(",\"endToken\":")
            JSONText.appendInteger(match.end, to: &out)
            if let shifter = entry.shifter {
                out.appendUTF8(",\"shifter\":\"")
                out.append(utf8: shifter.rawValue)
                out.append(0x22)
            }
            out.append(0x7D)
        }
        out.append(0x5D)
    }

    // MARK: Export rows

    /// One export row rendered: its records (one per text column, or per sentence), and how
    /// many comments were scored.
    public struct RenderedRow: Sendable {
        /// The records' bytes, copied out of the rendering buffer when they are few (the usual
        /// row, a few kB)...
        var small: [UInt8] = []
        /// ...or, past ``largeRecord`` bytes, kept in the buffer they were rendered into: a copy
        /// held a long comment's record twice (hundreds of MB with evidence: issue 15).
        var large: RenderedBytes?
        public var records = 0
        public var scored = 0

        /// Bytes of records past which they are not copied.
        static let largeRecord = 1 << 16

        /// The records' bytes.
        public var bytes: [UInt8] { large?.withUnsafeBytes { Array($0) } ?? small }

        /// Calls `body` with the records' bytes.
        public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            if let large { return try large.withUnsafeBytes(body) }
            return try small.withUnsafeBufferPointer(body)
        }
    }

    /// A rendered row's buffer, handed from the scoring thread that filled it to the writer.
    final class RenderedBytes: @unchecked Sendable {
        private var writer: ByteWriter

        init(_ writer: consuming ByteWriter) {
            self.writer = writer
            self.writer.shrinkToFit()
        }

        func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try writer.withUnsafeBytes { try body($0) }
        }
    }

    /// Scores an export row with `scorer` and renders its records (on a scoring thread).
    public func render(_ row: InputRow, scorer: Scorer) -> RenderedRow {
        // A formatter on the thread's own lexicon (see the CLI's makeScorerPool), made afresh
        // rather than copied from `self.formatter`: copying that one retained and released the
        // first scorer's lexicon arrays from every thread, per row.
        var formatter = ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        formatter.includeEvidence = self.formatter.includeEvidence
        formatter.includeText = self.formatter.includeText
        formatter.guardFormulas = self.formatter.guardFormulas
        formatter.includeTopics = self.formatter.includeTopics
        return render(row, formatter: formatter) { (try scorer.score($0), nil) }
    }

    /// Renders an export row with any scorer: Perceive's, or VADER's (which adds its four values).
    public func render(_ row: InputRow, formatter: ScoreFormatter,
                       score: (String) throws -> (CommentScore, VADERPolarity?)) -> RenderedRow {
        var bytes = ByteWriter(capacity: formatter.includeEvidence ? 4096 : 1024)
        var rendered = render(row, formatter: formatter, score: score, into: &bytes)
        if bytes.count <= RenderedRow.largeRecord {
            rendered.small = bytes.array
        } else {
            rendered.large = RenderedBytes(bytes)
        }
        return rendered
    }

    /// ``render(_:formatter:score:)`` into `bytes`; the row's counts.
    private func render(_ row: InputRow, formatter: ScoreFormatter, score: (String) throws -> (CommentScore, VADERPolarity?),
                        into bytes: inout ByteWriter) -> RenderedRow {
        guard let export else { preconditionFailure("ScoreRecordRenderer: rows need an export (init's export:)") }
        var rendered = RenderedRow()
        func record(_ body: (inout ByteWriter) -> Void) {
            self.record(to: &bytes, body)
            rendered.records += 1
        }
        for column in row.texts.indices {
            if let error = row.error {
                record { rowError(row, column: column, message: error.description, export, to: &$0) }
                continue
            }
            let result: CommentScore
            let polarity: VADERPolarity?
            do {
                (result, polarity) = try score(row.texts[column])
            } catch {
                record { rowError(row, column: column, message: "\(export.inputName):\(row.line):1: \(error)", export, to: &$0) }
                continue
            }
            rendered.scored += 1
            if sentences {
                let parts = result.sentenceComments()
                if parts.isEmpty { record { rowRecord(row, column: column, sentence: 0, result, nil, formatter, export, to: &$0) } }
                for (k, part) in parts.enumerated() {
                    record { rowRecord(row, column: column, sentence: k + 1, part, nil, formatter, export, to: &$0) }
                }
            } else {
                record { rowRecord(row, column: column, sentence: nil, result, polarity, formatter, export, to: &$0) }
            }
        }
        return rendered
    }

    /// A cell written back: formula-guarded unless it is a number.
    private func guarded(_ cell: String) -> String {
        guard formatter.guardFormulas, Double(cell) == nil else { return cell }
        return CSVText.guardFormula(cell)
    }

    private func leadingCells(_ row: InputRow, column: Int, _ export: ExportColumns) -> [String] {
        var cells: [String]
        if export.header.isEmpty {
            cells = [guarded(row.id), guarded(row.texts[column])]
        } else {
            cells = row.cells.map(guarded)
            if cells.count < export.header.count { cells += Array(repeating: "", count: export.header.count - cells.count) }
            if cells.count > export.header.count { cells.removeLast(cells.count - export.header.count) }
        }
        if export.textLabels.count > 1 { cells.append(guarded(export.textLabels[column])) }
        return cells
    }

    private func appendJSONPrefix(_ row: InputRow, column: Int, sentence: Int?, _ export: ExportColumns, to out: inout ByteWriter) {
        out.appendUTF8("{\"row\":")
        JSONText.appendInteger(row.number, to: &out)
        out.appendUTF8(",\"line\":")
        JSONText.appendInteger(row.line, to: &out)
        out.appendUTF8(",\"id\":")
        JSONText.append(row.id, to: &out)
        out.appendUTF8(",\"column\":")
        JSONText.append(export.textLabels[column], to: &out)
        if let sentence {
            out.appendUTF8(",\"sentence\":")
            JSONText.appendInteger(sentence, to: &out)
        }
        if let json = row.json {
            out.appendUTF8(",\"fields\":")
            out.append(utf8: json)
        } else if !export.header.isEmpty {
            out.appendUTF8(",\"fields\":{")
            for (k, name) in export.fieldKeys.enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONText.append(name, to: &out)
                out.append(0x3A)
                JSONText.append(k < row.cells.count ? row.cells[k] : "", to: &out)
            }
            out.append(0x7D)
        }
    }

    private func rowRecord(_ row: InputRow, column: Int, sentence: Int?, _ result: CommentScore, _ polarity: VADERPolarity?,
                           _ formatter: ScoreFormatter, _ export: ExportColumns, to out: inout ByteWriter) {
        switch format {
        case .csv:
            var cells = leadingCells(row, column: column, export)
            if let sentence { cells += [String(sentence), guarded(result.text)] }
            out.append(utf8: CSVText.row(cells))
            formatter.appendCSVScoreFields(result, to: &out)
            if let polarity { VADERScoreFormatter.appendCSVFields(polarity, to: &out) }
            out.append(0x2C)  // the error column, empty
        case .table:
            var id = export.textLabels.count > 1 ? "\(row.id)/\(export.textLabels[column])" : row.id
            if let sentence { id += ".\(sentence)" }
            appendTableRow(result, polarity, id: id, formatter, to: &out)
        case .json, .ndjson:
            appendJSONPrefix(row, column: column, sentence: sentence, export, to: &out)
            out.append(0x2C)
            appendJSONFields(result, polarity, formatter, to: &out)
            out.append(0x7D)
        }
    }

    private func rowError(_ row: InputRow, column: Int, message: String, _ export: ExportColumns, to out: inout ByteWriter) {
        switch format {
        case .csv:
            var cells = leadingCells(row, column: column, export)
            if sentences { cells += ["", ""] }
            out.append(utf8: CSVText.row(cells + Array(repeating: "", count: export.scoreColumns.count) + ["error: " + message]))
        case .table:
            out.append(utf8: TerminalText.visible("\(row.id)  error: \(message)", keepingTabAndLineFeed: false))
        case .json, .ndjson:
            appendJSONPrefix(row, column: column, sentence: nil, export, to: &out)
            out.appendUTF8(",\"error\":")
            JSONText.append(message, to: &out)
            out.append(0x7D)
        }
    }
}
