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
/// **Long records.** A record that must be read further than ``InputParameters/maxRecordBytes``
/// to find where it ends (its quoted line ends count, its final line end does not; after a
/// stray quote, to where the problem shows) is read the same way, as its first physical line
/// alone: an error row naming the limit for the line where it starts (that line's fields split
/// at the delimiter when the line itself is within the limit; no fields when it is longer, its
/// bytes dropped as they are read), and reading resumes at the next physical line. A record on
/// one line is thus skipped whole; one whose quoted field ran over line ends resumes inside it,
/// as after a stray quote. The outcome depends on the bytes only, never on how they were read.
///
/// ```swift
/// let reader = try CSVCommentReader(path: "export.csv")
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
///
/// - Complexity: O(n) in the bytes read; memory is one read plus the longest record accepted
///   (at most 1.5 times it while it is read), plus its fields.
public final class CSVCommentReader {
    private let stream: ByteStream
    /// The field separator (given, or sniffed from the first line).
    public private(set) var delimiter: UInt8
    private var sniffDelimiter: Bool
    private var line = 1
    private var startedUp = false
    private var scratch: [UInt8] = []
    /// Line ends a quoted field may run over before the record is read as its first line alone
    /// (``InputParameters/maxRecordLines``).
    public var maxRecordLines: Int { stream.parameters.maxRecordLines }
    public var parameters: InputParameters { stream.parameters }

    /// ``maxRecordLines`` unless told (``InputParameters/maxRecordLines``).
    public static var defaultMaxRecordLines: Int { InputParameters.standard.maxRecordLines }

    public var name: String { stream.name }
    /// Bytes read so far, and the file's size when it is a regular file.
    public var bytesRead: Int64 { stream.bytesRead }
    public var totalBytes: Int64? { stream.totalBytes }

    /// - Parameters:
    ///   - path: a file, or `-` for stdin.
    ///   - delimiter: the separator byte; nil sniffs it from the first line.
    ///   - parameters: the limits: ``InputParameters/maxRecordBytes`` and
    ///     ``InputParameters/maxRecordLines`` (see the type's discussion).
    public init(path: String, delimiter: UInt8? = nil, parameters: InputParameters = .standard) throws(InputError) {
        stream = try ByteStream(path: path, parameters: parameters)
        self.delimiter = delimiter ?? UInt8(ascii: ",")
        sniffDelimiter = delimiter == nil
    }

    private func startUp() throws(InputError) {
        startedUp = true
        while stream.count < 3 || (sniffDelimiter && !stream.bytes.contains(0x0A)) {
            if try !stream.fill() { break }
            if stream.count > 1 << 20 { break }
        }
        let bytes = stream.bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            stream.start = 3
        }
        if sniffDelimiter { delimiter = Self.sniff(bytes[stream.start...]) }
    }

    /// The candidate (`,` `\t` `;` `|`) found most often outside quotes on the first line;
    /// `,` when none is.
    static func sniff(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt8 {
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
        /// A record, where the next one starts, the line ends it took, and how far the parser
        /// read to decide on it: where its bytes end (before its final line end), or for a
        /// resynchronized record, where the problem was found. Past the limit, the record is
        /// too long; so the outcome depends on the bytes only, not on how much was read.
        case record(CSVRecord, next: Int, lines: Int, extent: Int)
        case needMore
        case end
    }

    /// The next record, or nil at the end of the input.
    public func next() throws(InputError) -> CSVRecord? {
        if !startedUp { try startUp() }
        let limit = stream.parameters.maxRecordBytes
        while true {
            switch parse() {
            case .record(let record, let next, let lines, let extent):
                if extent - stream.start > limit { return try longRecord() }
                let long = next - stream.start > stream.parameters.readSize
                stream.start = next
                if long { stream.compact() }  // the record is in its fields now
                line += lines
                return record
            case .end:
                return nil
            case .needMore:
                // Past the limit (and the one byte a CR or a quote may wait for) without its end:
                // the record is too long, whatever follows.
                if stream.pending > limit + 1 { return try longRecord() }
                _ = try stream.fill()
            }
        }
    }

    /// A record at `stream.start` longer than ``InputParameters/maxRecordBytes``, read as its
    /// first physical line alone (see the type's discussion): the line's fields when it is within
    /// the limit, none when it is longer; afterwards `stream.start` is the next line's start.
    private func longRecord() throws(InputError) -> CSVRecord {
        let parameters = stream.parameters
        let bytes = stream.bytes
        let start = stream.start
        let scanEnd = min(bytes.count, start + parameters.maxRecordBytes + 1)
        var k = start
        while k < scanEnd && bytes[k] != 0x0A && bytes[k] != 0x0D { k += 1 }
        var fields: [String] = []
        var replaced = 0
        let consequence: String
        if k < scanEnd {
            fields = Self.split(UnsafeBufferPointer(rebasing: bytes[start..<k]), at: delimiter, replaced: &replaced)
            consequence = "this row is read as its first line alone and reading resumes at the next line"
        } else {
            consequence = "it is skipped up to its first line end and reading resumes at the next line"
        }
        let ended = try stream.skipLine(from: k)
        let record = CSVRecord(fields: fields, line: line, error: parameters.recordTooLong(
            file: stream.name, line: line, ended ? consequence : "it is skipped (its first line ran to the end of the input)"),
            invalidUTF8Sequences: replaced)
        line += 1
        return record
    }

    /// `line` split at `delimiter`, quotes kept as text: the fields of a line read alone.
    private static func split(_ line: UnsafeBufferPointer<UInt8>, at delimiter: UInt8, replaced: inout Int) -> [String] {
        var fields: [String] = []
        var f = 0
        while true {
            var g = f
            while g < line.count && line[g] != delimiter { g += 1 }
            fields.append(InvalidUTF8Count.decode(UnsafeBufferPointer(rebasing: line[f..<g]), replaced: &replaced))
            if g >= line.count { return fields }
            f = g + 1
        }
    }

    /// Parses one record at `stream.start` without consuming it.
    private func parse() -> Step {
        let atEnd = stream.atEnd
        let delimiter = self.delimiter
        let firstLine = line
        let name = stream.name
        let b = stream.bytes
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
        func record(next: Int, lines: Int, extent: Int) -> Step {
            .record(CSVRecord(fields: fields, line: firstLine, error: error, invalidUTF8Sequences: replaced),
                    next: next, lines: lines, extent: extent)
        }
        let maxRecordLines = self.maxRecordLines
        /// The record as its first physical line alone, an error row, and reading resumes at
        /// the next line: a quoted field that spanned lines went wrong.
        func resynchronize(openLine: Int, openColumn: Int, problem: String, foundAt extent: Int) -> Step {
            var k = stream.start
            while k < end && b[k] != 0x0A && b[k] != 0x0D { k += 1 }
            var next = k
            if k < end { next += (b[k] == 0x0D && k + 1 < end && b[k + 1] == 0x0A) ? 2 : 1 }
            var replacedInLine = 0
            let lineFields = Self.split(UnsafeBufferPointer(rebasing: b[stream.start..<k]), at: delimiter, replaced: &replacedInLine)
            let error = InputError(file: name, line: openLine, column: openColumn,
                "expected the quoted field opened here to close before a delimiter or a line end (\(problem)); this row is read as its own line and reading resumes at the next line")
            return .record(CSVRecord(fields: lineFields, line: firstLine, error: error, invalidUTF8Sequences: replacedInLine),
                           next: next, lines: 1, extent: extent)
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
                                                     problem: "it ran over more than \(maxRecordLines) line ends", foundAt: q)
                            }
                        }
                        q += 1
                    }
                    if q == end {
                        if !atEnd { return .needMore }
                        if lines > 0 {
                            return resynchronize(openLine: openLine, openColumn: openColumn,
                                                 problem: "it was never closed", foundAt: end)
                        }
                        // Unterminated quote: the field runs to the end of the input.
                        error = error ?? InputError(file: name, line: openLine, column: openColumn,
                                                    "expected a closing quote for the field opened here")
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segment..<q]))
                        fields.append(scratch.withUnsafeBufferPointer(decode))
                        return record(next: end, lines: lines, extent: end)
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
                                         problem: "text follows its closing quote on line \(firstLine + lines)", foundAt: tail)
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
                return record(next: end, lines: lines, extent: end)
            }
            if b[i] == delimiter {
                i += 1
                continue
            }
            let lineEnd = i
            if b[i] == 0x0D {
                if i + 1 == end && !atEnd { return .needMore }
                i += (i + 1 < end && b[i + 1] == 0x0A) ? 2 : 1
            } else {
                i += 1
            }
            return record(next: i, lines: lines + 1, extent: lineEnd)
        }
    }
}
