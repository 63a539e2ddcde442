/// The limits of the input readers (plain text, CSV/TSV, JSON Lines; files and stdin alike),
/// defined once and printed by `perceive params --group input`.
///
/// ```swift
/// var limits = InputParameters()
/// limits.maxRecordBytes = 4096          // a test's small limit
/// let reader = try PlainTextLineReader(path: "comments.txt", parameters: limits)
/// ```
public struct InputParameters: Sendable, Equatable {
    /// The longest record (a line; a CSV row, its quoted line ends included) a reader accepts,
    /// in bytes without its line end: 16 MiB. No comment is that long. A longer record is an
    /// error row for the line where it starts, its bytes dropped as they are read (memory stays
    /// bounded), and reading resumes after it: at the next line end (plain text, JSON Lines,
    /// a CSV row on one line) or, for a CSV row whose quoted field ran over line ends, at the
    /// next physical line, as ``CSVCommentReader`` resynchronizes.
    public var maxRecordBytes = 16 << 20
    /// Line ends a quoted CSV field may run over before the record is read as its first line
    /// alone (see ``CSVCommentReader``): far more than any comment has, far fewer than a file.
    public var maxRecordLines = 1_000
    /// Bytes a reader asks for at a time (a pipe gives at most 64 KiB a read).
    public var readSize = 1 << 16

    public init() {}
    public static let standard = InputParameters()

    public var descriptors: [ParameterDescriptor] {
        [
            .init(name: "maxRecordBytes", value: maxRecordBytes.description,
                  summary: "bytes a record (line, CSV row) may have; a longer one is an error row and reading resumes after it"),
            .init(name: "maxRecordLines", value: maxRecordLines.description,
                  summary: "line ends a quoted CSV field may run over before its row is read as its first line alone"),
            .init(name: "readSize", value: readSize.description, summary: "bytes read from the input at a time"),
        ]
    }

    /// `maxRecordBytes` for a message: "16 MiB", or "4096 bytes" when not a whole number of MiB.
    var maxRecordSize: String {
        maxRecordBytes > 0 && maxRecordBytes % (1 << 20) == 0 ? "\(maxRecordBytes >> 20) MiB" : "\(maxRecordBytes) bytes"
    }

    /// The error of a record longer than ``maxRecordBytes`` starting at `line` of `file`, and
    /// what became of it (`consequence`; none for a refusal).
    func recordTooLong(file: String, line: Int, _ consequence: String? = nil) -> InputError {
        InputError(file: file, line: line, column: 1, "expected a record of at most \(maxRecordSize) (maxRecordBytes), found a longer one"
                   + (consequence.map { "; " + $0 } ?? ""))
    }
}
