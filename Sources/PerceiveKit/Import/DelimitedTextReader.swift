/// Splits CSV or TSV text into records (RFC 4180 quoting: a field in double quotes may hold
/// the separator, line ends and `""` for a quote), keeping the line each record starts on.
///
/// Lines end at `\n` or `\r\n` only: U+0085 and U+2028 inside a field are text.
///
/// - Complexity: O(n) in the length of the text.
public struct DelimitedTextReader: Sendable {
    public struct Record: Sendable {
        /// 1-based line where the record starts.
        public var line: Int
        public var fields: [String]
    }

    public var separator: UInt8
    /// Whether `"` starts a quoted field (TSV files such as UCI's contain bare quotes: off).
    public var quoting: Bool

    public init(separator: UInt8, quoting: Bool = true) {
        self.separator = separator
        self.quoting = quoting
    }

    /// The records of `text`; blank lines are skipped. Throws on an unterminated quote.
    public func records(_ text: String, file: String) throws(LexiconError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedField = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\"") where quoting && field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
            case separator:
                endField()
            case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw LexiconError(file: file, line: recordLine, "a quoted field that starts here never ends (missing closing \")") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
