/// One record of a CSV or TSV file: its fields, the line it starts on, and what was wrong
/// with it, if anything (the record is still returned, so the caller can report it in place).
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based line on which the record starts (a quoted field can span lines).
    public var line: Int
    /// A malformed record (unterminated quote, text after a closing quote).
    public var error: InputError?
    /// Invalid UTF-8 sequences in the record's fields, each replaced by U+FFFD (the record is kept).
    public var invalidUTF8Sequences = 0
}

/// Streams records from CSV (RFC 4180) or TSV in constant memory: quoted fields with
/// delimiters, line breaks and doubled quotes, a UTF-8 byte-order mark, LF or CRLF line ends.
/// The delimiter is given or sniffed from the first line (the one of `,` `\t` `;` `|` that
/// occurs most often outside quotes). Invalid UTF-8 becomes U+FFFD, counted in
/// ``CSVRecord/invalidUTF8Sequences``.
///
/// **Resynchronization.** A stray quote must not swallow the rows after it. When a quoted field
/// that runs over a line end goes wrong — it is never closed, text follows its closing quote, or
/// it runs over more than ``maxRecordLines`` line ends — the record becomes an error row for the
/// line where it started (that line's fields split at the delimiter, quotes kept as text), and
/// reading resumes at the next physical line. A well-formed quoted field may span lines.
///
/// ```swift
/// let reader = try CSVCommentReader(path: "export.csv")
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
///
/// - Complexity: O(n) in the bytes read; memory is one 64 KiB chunk plus the longest record.
public final class CSVCommentReader {
    private let stream: ByteStream
    /// The field separator (given, or sniffed from the first line).
    public private(set) var delimiter: UInt8
    private var sniffDelimiter: Bool
    private var line = 1
    private var startedUp = false
    private var scratch: [UInt8] = []
    /// Line ends a quoted field may run over before the record is read as its first line alone.
    public let maxRecordLines: Int

    /// ``maxRecordLines`` unless told: far more than any comment has, far fewer than a file.
    public static let defaultMaxRecordLines = 1_000

    public var name: String { stream.name }
    /// Bytes read so far, and the file's size when it is a regular file.
    public var bytesRead: Int64 { stream.bytesRead }
    public var totalBytes: Int64? { stream.totalBytes }

    /// - Parameters:
    ///   - path: a file, or `-` for stdin.
    ///   - delimiter: the separator byte; nil sniffs it from the first line.
    ///   - maxRecordLines: line ends a quoted field may run over (see the type's discussion).
    public init(path: String, delimiter: UInt8? = nil, maxRecordLines: Int = CSVCommentReader.defaultMaxRecordLines) throws(InputError) {
        stream = try ByteStream(path: path)
        self.maxRecordLines = maxRecordLines
        self.delimiter = delimiter ?? UInt8(ascii: ",")
        sniffDelimiter = delimiter == nil
    }

    private func startUp() throws(InputError) {
        startedUp = true
        while stream.buffer.count < 3 || (sniffDelimiter && !stream.buffer.contains(0x0A)) {
            if try !stream.fill() { break }
            if stream.buffer.count > 1 << 20 { break }
        }
        if stream.buffer.count >= 3, stream.buffer[0] == 0xEF, stream.buffer[1] == 0xBB, stream.buffer[2] == 0xBF {
            stream.start = 3
        }
        if sniffDelimiter { delimiter = Self.sniff(stream.buffer[stream.start...]) }
    }

    /// The candidate (`,` `\t` `;` `|`) found most often outside quotes on the first line;
    /// `,` when none is.
    static func sniff(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [0x2C, 0x09, 0x3B, 0x7C]
        var counts = [0, 0, 0, 0]
        var quoted = false
        for b in bytes {
            if b == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A || b == 0x0D { break }
            if let k = candidates.firstIndex(of: b) { counts[k] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        return counts[best] > 0 ? candidates[best] : 0x2C
    }

    private enum Step {
        case record(CSVRecord, next: Int, lines: Int)
        case needMore
        case end
    }

    /// The next record, or nil at the end of the input.
    public func next() throws(InputError) -> CSVRecord? {
        if !startedUp { try startUp() }
        while true {
            switch parse() {
            case .record(let record, let next, let lines):
                stream.start = next
                line += lines
                return record
            case .end:
                return nil
            case .needMore:
                let pending = stream.buffer.count - stream.start
                _ = try stream.fill(minimum: pending, recordLine: line)
            }
        }
    }

    /// Parses one record at `stream.start` without consuming it.
    private func parse() -> Step {
        let atEnd = stream.atEnd
        let delimiter = self.delimiter
        let firstLine = line
        let name = stream.name
        return stream.buffer.withUnsafeBufferPointer { b -> Step in
            let end = b.count
            var i = stream.start
            if i >= end { return atEnd ? .end : .needMore }
            var fields: [String] = []
            var lines = 0
            var lineStart = i  // index of the first byte of the current line
            var error: InputError?
            var replaced = 0  // invalid UTF-8 sequences in this record's fields
            func column(_ k: Int) -> Int { k - lineStart + 1 }
            func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String { InvalidUTF8Count.decode(bytes, replaced: &replaced) }
            func record(next: Int, lines: Int) -> Step {
                .record(CSVRecord(fields: fields, line: firstLine, error: error, invalidUTF8Sequences: replaced), next: next, lines: lines)
            }
            let maxRecordLines = self.maxRecordLines
            /// The record as its first physical line alone, an error row, and reading resumes at
            /// the next line: a quoted field that spanned lines went wrong.
            func resynchronize(openLine: Int, openColumn: Int, problem: String) -> Step {
                var k = stream.start
                while k < end && b[k] != 0x0A && b[k] != 0x0D { k += 1 }
                var next = k
                if k < end { next += (b[k] == 0x0D && k + 1 < end && b[k + 1] == 0x0A) ? 2 : 1 }
                var lineFields: [String] = []
                var replacedInLine = 0
                var f = stream.start
                while true {
                    var g = f
                    while g < k && b[g] != delimiter { g += 1 }
                    lineFields.append(InvalidUTF8Count.decode(UnsafeBufferPointer(rebasing: b[f..<g]), replaced: &replacedInLine))
                    if g >= k { break }
                    f = g + 1
                }
                let error = InputError(file: name, line: openLine, column: openColumn,
                    "expected the quoted field opened here to close before a delimiter or a line end (\(problem)); this row is read as its own line and reading resumes at the next line")
                return .record(CSVRecord(fields: lineFields, line: firstLine, error: error, invalidUTF8Sequences: replacedInLine),
                               next: next, lines: 1)
            }
            while true {
                // One field starting at i.
                if i < end && b[i] == 0x22 {
                    let openLine = firstLine + lines, openColumn = column(i)
                    i += 1
                    var segment = i
                    scratch.removeAll(keepingCapacity: true)
                    var usedScratch = false
                    while true {
                        var q = segment
                        while q < end && b[q] != 0x22 {
                            if b[q] == 0x0A {
                                lines += 1
                                lineStart = q + 1
                                if lines > maxRecordLines {
                                    return resynchronize(openLine: openLine, openColumn: openColumn,
                                                         problem: "it ran over more than \(maxRecordLines) line ends")
                                }
                            }
                            q += 1
                        }
                        if q == end {
                            if !atEnd { return .needMore }
                            if lines > 0 {
                                return resynchronize(openLine: openLine, openColumn: openColumn,
                                                     problem: "it was never closed")
                            }
                            // Unterminated quote: the field runs to the end of the input.
                            error = error ?? InputError(file: name, line: openLine, column: openColumn,
                                                        "expected a closing quote for the field opened here")
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segment..<q]))
                            fields.append(scratch.withUnsafeBufferPointer(decode))
                            return record(next: end, lines: lines)
                        }
                        if q + 1 == end && !atEnd { return .needMore }
                        if q + 1 < end && b[q + 1] == 0x22 {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segment...q]))
                            usedScratch = true
                            segment = q + 2
                            continue
                        }
                        if usedScratch {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segment..<q]))
                        }
                        i = q + 1
                        break
                    }
                    // Text between the closing quote and the next delimiter is kept, and reported.
                    var tail = i
                    while tail < end && b[tail] != delimiter && b[tail] != 0x0A && b[tail] != 0x0D { tail += 1 }
                    if tail == end && !atEnd { return .needMore }
                    if tail > i && lines > 0 {
                        return resynchronize(openLine: openLine, openColumn: openColumn,
                                             problem: "text follows its closing quote on line \(firstLine + lines)")
                    }
                    if tail > i {
                        error = error ?? InputError(file: name, line: firstLine + lines, column: column(i),
                                                    "expected a delimiter or a line end after the closing quote")
                        if !usedScratch { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segment..<(i - 1)])) }
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<tail]))
                        usedScratch = true
                    }
                    fields.append(usedScratch ? scratch.withUnsafeBufferPointer(decode)
                                              : decode(UnsafeBufferPointer(rebasing: b[segment..<(i - 1)])))
                    i = tail
                } else {
                    var k = i
                    while k < end && b[k] != delimiter && b[k] != 0x0A && b[k] != 0x0D { k += 1 }
                    if k == end && !atEnd { return .needMore }
                    fields.append(decode(UnsafeBufferPointer(rebasing: b[i..<k])))
                    i = k
                }
                // After a field: a delimiter, a line end, or the end of the input.
                if i == end {
                    return record(next: end, lines: lines)
                }
                if b[i] == delimiter {
                    i += 1
                    continue
                }
                if b[i] == 0x0D {
                    if i + 1 == end && !atEnd { return .needMore }
                    i += (i + 1 < end && b[i + 1] == 0x0A) ? 2 : 1
                } else {
                    i += 1
                }
                return record(next: i, lines: lines + 1)
            }
        }
    }
}
