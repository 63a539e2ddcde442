/// The kinds of input `perceive` reads.
public enum InputFormat: String, Sendable, CaseIterable {
    /// One comment per line.
    case text
    /// Comma- (or sniffed-) separated values with a header row.
    case csv
    /// Tab-separated values with a header row.
    case tsv
    /// One JSON object per line.
    case jsonl

    /// The format a file name suggests: `.csv`, `.tsv`/`.tab`, `.jsonl`/`.ndjson`; otherwise
    /// (and for stdin) text.
    public static func detect(path: String) -> InputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        return .text
    }
}

/// A column chosen by name, or by 1-based position (`3`) when no column has that name.
/// For JSON Lines, a dotted path (`answers.comment`).
public struct ColumnSelector: Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public init(_ text: String) { self.text = text }
    public var description: String { text }
}

/// The survey tool an export comes from, recognized by its extra header rows.
public enum SurveyExportKind: String, Sendable {
    /// Qualtrics: a row of question texts and a row of `{"ImportId":…}` under the header.
    case qualtrics
    /// SurveyMonkey: a second header row ("Response", "Open-Ended Response", answer options).
    case surveyMonkey = "surveymonkey"
}

/// What to read and which columns matter.
public struct TabularInputOptions: Sendable {
    public var format: InputFormat
    /// CSV separator; nil sniffs it (TSV is always a tab).
    public var delimiter: UInt8?
    public var textColumns: [ColumnSelector]
    public var idColumn: ColumnSelector?
    public var byColumns: [ColumnSelector]
    /// The readers' limits (``InputParameters/maxRecordBytes``…).
    public var parameters: InputParameters

    public init(format: InputFormat, delimiter: UInt8? = nil, textColumns: [ColumnSelector] = [],
                idColumn: ColumnSelector? = nil, byColumns: [ColumnSelector] = [], parameters: InputParameters = .standard) {
        self.format = format
        self.delimiter = delimiter
        self.textColumns = textColumns
        self.idColumn = idColumn
        self.byColumns = byColumns
        self.parameters = parameters
    }
}

/// One input row with the columns that matter picked out. A malformed row is still a row:
/// it carries its `error`, and callers write it out marked, never drop it.
public struct InputRow: Sendable {
    /// 1-based number of the data row (header rows not counted).
    public var number: Int
    /// 1-based line where the row starts in the file.
    public var line: Int
    /// The row's original fields (CSV/TSV; for text, the line; for JSON Lines, empty).
    public var cells: [String]
    /// The id column's value, or the row number.
    public var id: String
    /// One text per text column ("" when missing).
    public var texts: [String]
    /// One value per `by` column ("" when missing).
    public var segments: [String]
    /// What was wrong with the row, if anything.
    public var error: InputError?
    /// For JSON Lines, the line as read (to write the object back).
    public var json: String?
}

/// Reads rows of a survey export (CSV, TSV, JSON Lines) or a text file in constant memory,
/// recognizes the extra header rows of Qualtrics and SurveyMonkey exports and skips them,
/// and resolves columns by name (or question text) or 1-based position.
///
/// A missing column or an unreadable file throws ``InputError`` (a usage error); a bad row
/// is returned with its ``InputRow/error`` set.
public final class TabularInput {
    public let options: TabularInputOptions
    public let name: String
    /// The header row (CSV/TSV); empty for text and JSON Lines.
    public private(set) var header: [String] = []
    /// Labels of the text columns and `by` columns, as given or as named in the header.
    public private(set) var textLabels: [String] = []
    public private(set) var byLabels: [String] = []
    public private(set) var idLabel: String?
    /// The survey tool recognized, and how many extra header rows were skipped.
    public private(set) var exportKind: SurveyExportKind?
    public private(set) var skippedHeaderRows = 0
    /// Empty lines skipped in CSV/TSV input with more than one column.
    public private(set) var blankLinesSkipped = 0
    /// The CSV separator in use.
    public var delimiter: UInt8? { csv?.delimiter }
    /// The data rows read so far that held invalid UTF-8 (replaced by U+FFFD; the rows are
    /// kept and scored). Header rows are not counted here: see ``headerInvalidUTF8Sequences``.
    public var invalidUTF8: InvalidUTF8Count { jsonl?.invalidUTF8 ?? text?.invalidUTF8 ?? csvInvalidUTF8 }
    /// Invalid UTF-8 sequences in the header row (CSV/TSV), replaced by U+FFFD.
    public private(set) var headerInvalidUTF8Sequences = 0

    private var csv: CSVCommentReader?
    private var jsonl: JSONLinesReader?
    private var text: PlainTextLineReader?
    private var pending: [CSVRecord] = []
    private var textIndexes: [Int] = []
    private var byIndexes: [Int] = []
    private var idIndex: Int?
    private var textPaths: [[String]] = []
    private var byPaths: [[String]] = []
    private var idPath: [String]?
    private var rowNumber = 0
    private var csvInvalidUTF8 = InvalidUTF8Count()

    public var bytesRead: Int64 { csv?.bytesRead ?? jsonl?.bytesRead ?? text?.bytesRead ?? 0 }
    public var totalBytes: Int64? { csv?.totalBytes ?? jsonl?.totalBytes ?? text?.totalBytes }

    public init(path: String, options: TabularInputOptions) throws(InputError) {
        self.options = options
        switch options.format {
        case .text:
            let reader = try PlainTextLineReader(path: path, parameters: options.parameters)
            name = reader.name
            text = reader
            if let column = options.byColumns.first ?? options.idColumn {
                throw InputError(file: name, line: 1, column: 1, "expected a CSV, TSV or JSON Lines input to use the column \"\(column)\" (give --input-format)")
            }
            textLabels = options.textColumns.isEmpty ? ["text"] : options.textColumns.map(\.text)
            if textLabels.count > 1 {
                throw InputError(file: name, line: 1, column: 1, "expected one text column for text input (one comment per line)")
            }
        case .jsonl:
            let reader = try JSONLinesReader(path: path, parameters: options.parameters)
            name = reader.name
            jsonl = reader
            let texts = options.textColumns.isEmpty ? [ColumnSelector("text")] : options.textColumns
            textLabels = texts.map(\.text)
            textPaths = texts.map { Self.path($0.text) }
            byLabels = options.byColumns.map(\.text)
            byPaths = options.byColumns.map { Self.path($0.text) }
            idLabel = options.idColumn?.text
            idPath = options.idColumn.map { Self.path($0.text) }
        case .csv, .tsv:
            let reader = try CSVCommentReader(path: path, delimiter: options.format == .tsv ? 0x09 : options.delimiter,
                                              parameters: options.parameters)
            name = reader.name
            csv = reader
            try readHeader(reader)
        }
    }

    /// The header's column names for a message, at a readable length: each name quoted and cut
    /// to ``listedNameLength`` characters, and of more than ``listedColumns`` columns the first
    /// and last few with the count (a 100,000-column header made a 1 MB message: issue 15). A
    /// header holding NUL bytes gets a hint: such a file is most likely UTF-16 without a
    /// byte-order mark.
    static func columnList(_ header: [String]) -> String {
        func quoted(_ k: Int) -> String {
            let name = header[k]
            if name.isEmpty { return "#\(k + 1)" }
            return "\"" + (name.count > listedNameLength ? name.prefix(listedNameLength - 1) + "…" : name) + "\""
        }
        var list: String
        if header.count > listedColumns {
            let ends = listedColumns / 2
            list = (0..<ends).map(quoted).joined(separator: ", ") + ", …, "
                + (header.count - ends..<header.count).map(quoted).joined(separator: ", ") + " (\(header.count) columns)"
        } else {
            list = header.indices.map(quoted).joined(separator: ", ")
        }
        if header.contains(where: { $0.utf8.contains(0) }) {
            list += "; the header holds NUL bytes: UTF-16 without a byte-order mark? (convert with: iconv -f UTF-16LE -t UTF-8)"
        }
        return list
    }

    /// Columns named in full in a message; past this, the first and last half of them.
    static let listedColumns = 12
    /// Characters of a column name shown in a message.
    static let listedNameLength = 40

    private static func path(_ dotted: String) -> [String] {
        dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    private func readHeader(_ reader: CSVCommentReader) throws(InputError) {
        guard let first = try reader.next() else {
            throw InputError(file: name, line: 1, column: 1, "expected a header row naming the columns, found an empty file")
        }
        if let error = first.error { throw error }
        header = first.fields
        headerInvalidUTF8Sequences = first.invalidUTF8Sequences
        // Look at up to two rows under the header for a survey tool's extra header rows.
        while pending.count < 2, let record = try reader.next() { pending.append(record) }
        var alternates: [[String]] = Array(repeating: [], count: header.count)
        func isImportRow(_ r: CSVRecord) -> Bool { r.fields.contains { $0.hasPrefix("{\"ImportId\"") } }
        if pending.count == 2, isImportRow(pending[1]) {
            exportKind = .qualtrics
            for (k, question) in pending[0].fields.enumerated() where k < header.count && !question.isEmpty { alternates[k].append(question) }
            pending.removeFirst(2)
            skippedHeaderRows = 2
        } else if let row = pending.first, isImportRow(row) {
            exportKind = .qualtrics
            pending.removeFirst()
            skippedHeaderRows = 1
        } else if let row = pending.first, header.contains(where: { $0.caseInsensitiveCompare("Respondent ID") }),
                  row.fields.contains(where: { $0 == "Response" || $0 == "Open-Ended Response" }) {
            exportKind = .surveyMonkey
            // A question spanning several columns names only its first; the second row names each.
            var question = ""
            for k in header.indices {
                if !header[k].isEmpty { question = header[k] }
                let sub = k < row.fields.count ? row.fields[k] : ""
                if !sub.isEmpty {
                    alternates[k].append(question.isEmpty ? sub : "\(question) - \(sub)")
                    if header[k].isEmpty { alternates[k].append(sub) }
                }
                if header[k].isEmpty && !question.isEmpty { alternates[k].append(question) }
            }
            pending.removeFirst()
            skippedHeaderRows = 1
        }
        func label(_ k: Int) -> String { header[k].isEmpty ? (alternates[k].first ?? "#\(k + 1)") : header[k] }
        // A name is matched exactly, then as a survey tool's question text, then ignoring case
        // and surrounding spaces; the first way that finds columns decides. When it finds more
        // than one (a header with duplicate names), the selection is refused: which column was
        // meant cannot be known, and positions always tell them apart.
        func resolve(_ selector: ColumnSelector) throws(InputError) -> Int {
            let wanted = selector.text
            let folded = wanted.surveyTrimmed.lowercased()
            let header = self.header
            let ways: [(Int) -> Bool] = [
                { header[$0] == wanted },
                { alternates[$0].contains(wanted) },
                { header[$0].surveyTrimmed.lowercased() == folded },
            ]
            for matches in ways {
                let found = header.indices.filter(matches)
                if found.count == 1 { return found[0] }
                if found.count > 1 {
                    let columns = found.map { "column \($0 + 1) (\"\(label($0))\")" }
                    let positions = found.map { String($0 + 1) }
                    throw InputError(file: name, line: first.line, column: 1,
                                     "expected one column named \"\(wanted)\", found \(found.count): "
                                     + columns.dropLast().joined(separator: ", ") + " and " + columns.last!
                                     + "; select one by its 1-based position instead ("
                                     + positions.dropLast().joined(separator: ", ") + " or " + positions.last! + ")")
                }
            }
            if let position = Int(wanted), position >= 1, position <= header.count { return position - 1 }
            throw InputError(file: name, line: first.line, column: 1,
                             "expected a column named \"\(wanted)\" or a position 1…\(header.count); the columns are \(Self.columnList(header))")
        }
        if options.textColumns.isEmpty {
            throw InputError(file: name, line: first.line, column: 1, "expected --text-column naming the comment column (columns: \(Self.columnList(header)))")
        }
        for selector in options.textColumns { textIndexes.append(try resolve(selector)) }
        for selector in options.byColumns { byIndexes.append(try resolve(selector)) }
        if let selector = options.idColumn { idIndex = try resolve(selector) }
        textLabels = textIndexes.map(label)
        byLabels = byIndexes.map(label)
        idLabel = idIndex.map(label)
    }

    /// The next row, or nil at the end of the input.
    public func next() throws(InputError) -> InputRow? {
        if let text {
            guard let line = try text.nextLine() else { return nil }
            rowNumber += 1
            return InputRow(number: rowNumber, line: line.line, cells: [line.text], id: String(rowNumber), texts: [line.text],
                            segments: [], error: line.error)
        }
        if let jsonl {
            guard let record = try jsonl.next() else { return nil }
            rowNumber += 1
            var row = InputRow(number: rowNumber, line: record.line, cells: [], id: String(rowNumber), texts: [], segments: [], error: record.error)
            guard record.error == nil else {
                row.texts = Array(repeating: "", count: textPaths.count)
                row.segments = Array(repeating: "", count: byPaths.count)
                return row
            }
            row.json = record.text
            if let idPath, let id = record.value(at: idPath) { row.id = id }
            for (k, path) in textPaths.enumerated() {
                let problem: String
                switch record.textField(at: path) {
                case .text(let text):
                    row.texts.append(text)
                    continue
                case .missing: problem = "expected a field \"\(textLabels[k])\""
                case .null: problem = "field \"\(textLabels[k])\" is null; expected text"
                case .notText(let kind): problem = "field \"\(textLabels[k])\" is \(kind); expected text (a JSON string)"
                }
                if row.error == nil { row.error = InputError(file: name, line: record.line, column: 1, problem) }
                row.texts.append("")
            }
            row.segments = byPaths.map { record.value(at: $0) ?? "" }
            return row
        }
        guard let csv else { return nil }
        var record: CSVRecord
        repeat {
            if !pending.isEmpty {
                record = pending.removeFirst()
            } else {
                guard let read = try csv.next() else { return nil }
                record = read
            }
            if header.count > 1 && record.fields.count == 1 && record.fields[0].isEmpty && record.error == nil {
                blankLinesSkipped += 1
                continue
            }
            break
        } while true
        rowNumber += 1
        csvInvalidUTF8.add(sequences: record.invalidUTF8Sequences, line: record.line)
        var error = record.error
        if error == nil && record.fields.count != header.count {
            error = InputError(file: name, line: record.line, column: 1,
                               "expected \(header.count) fields as in the header, found \(record.fields.count)")
        }
        func cell(_ k: Int) -> String { k < record.fields.count ? record.fields[k] : "" }
        return InputRow(number: rowNumber, line: record.line, cells: record.fields,
                        id: idIndex.map(cell) ?? String(rowNumber),
                        texts: textIndexes.map(cell), segments: byIndexes.map(cell), error: error)
    }
}

extension String {
    fileprivate var surveyTrimmed: Substring {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}

extension String {
    fileprivate func caseInsensitiveCompare(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
