/// One line of a text input: its text (without its line end), its 1-based number, and what was
/// wrong with it: a line longer than ``InputParameters/maxRecordBytes`` has an error and no
/// text (the caller reports it in place, as an error row).
public struct PlainTextLine: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var error: InputError?

    public init(text: String, line: Int, error: InputError? = nil) {
        self.text = text
        self.line = line
        self.error = error
    }

    /// The line's number as text: a comment's id when each line is a comment.
    public var id: String { String(line) }
}

/// Streams lines from a file or stdin (`-`): one comment per line, `\n`, `\r\n` or `\r` line ends,
/// every line (empty ones included) returned. Invalid UTF-8 becomes U+FFFD, counted in
/// ``invalidUTF8``.
///
/// A line longer than ``InputParameters/maxRecordBytes`` is returned by ``nextLine()`` as an
/// error, its bytes dropped as they are read, and reading resumes after its line end; the last
/// line of an input without a final line end ends at the end of the input, so every line
/// gets its row. (An endless stream without a line end is read on, in bounded memory, until it
/// ends, as `wc -l` would.)
///
/// - Complexity: O(n) in the bytes read; memory is one read plus the longest line accepted
///   (at most 1.5 times it while it is read, then once as the returned `String`: the buffer
///   gives a long line's room back once it is decoded).
public final class PlainTextLineReader {
    private let stream: ByteStream
    public private(set) var line = 0
    /// The lines read so far that held invalid UTF-8 (replaced by U+FFFD, the line kept).
    public private(set) var invalidUTF8 = InvalidUTF8Count()
    /// Bytes after `stream.start` known to hold no line end.
    private var scanned = 0

    public var name: String { stream.name }
    public var bytesRead: Int64 { stream.bytesRead }
    public var totalBytes: Int64? { stream.totalBytes }
    public var parameters: InputParameters { stream.parameters }

    /// Opens `path` and reads its first chunk, so that a refused input (a UTF-16 byte-order
    /// mark) is refused here, before the caller writes anything.
    public init(path: String, parameters: InputParameters = .standard) throws(InputError) {
        stream = try ByteStream(path: path, parameters: parameters)
        _ = try stream.fill()
    }

    /// The next line without its line end, or nil at the end of the input. A line longer than
    /// ``InputParameters/maxRecordBytes`` is thrown as an error (for inputs that are not rows
    /// of comments, such as partials); ``nextLine()`` returns it as an error row instead.
    public func next() throws(InputError) -> String? {
        guard let found = try nextLine() else { return nil }
        if let error = found.error { throw stream.parameters.recordTooLong(file: error.file, line: error.line) }
        return found.text
    }

    /// The next line, or nil at the end of the input: its text, or for a line longer than
    /// ``InputParameters/maxRecordBytes`` an error naming the limit (the line is skipped up
    /// to its line end).
    public func nextLine() throws(InputError) -> PlainTextLine? {
        let limit = stream.parameters.maxRecordBytes
        while true {
            let buffer = stream.bytes
            let start = stream.start
            // LF, CRLF, or a lone CR (old Mac files) ends a line, as in CSVCommentReader.
            // Bytes already scanned are not scanned again when more arrive (a long line
            // from a pipe comes 64 KiB at a time: rescanning it was quadratic).
            var k = start + scanned
            while k < buffer.count && buffer[k] != 0x0A && buffer[k] != 0x0D { k += 1 }
            var end: Int
            var next: Int
            if k < buffer.count {
                if k - start > limit { return try skipLongLine(from: k) }
                end = k
                next = k + 1
                if buffer[k] == 0x0D {
                    if next == buffer.count && !stream.atEnd {  // is an LF next?
                        scanned = k - start
                        _ = try stream.fill()
                        continue
                    }
                    if next < buffer.count && buffer[next] == 0x0A { next += 1 }
                }
            } else if stream.atEnd {
                guard start < buffer.count else { return nil }
                end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                if end - start > limit { return try skipLongLine(from: buffer.count) }
                next = buffer.count
            } else {
                scanned = buffer.count - start
                // Past the limit with no line end yet: the line is too long, whatever follows.
                if scanned > limit { return try skipLongLine(from: buffer.count) }
                _ = try stream.fill()
                continue
            }
            var replaced = 0
            var text = InvalidUTF8Count.decode(UnsafeBufferPointer(rebasing: buffer[start..<end]), replaced: &replaced)
            scanned = 0
            stream.start = next
            if end - start > stream.parameters.readSize { stream.compact() }  // the line is in `text` now
            // A UTF-8 byte-order mark starting the input is not text (the CSV and JSON
            // Lines readers drop it too; it stayed in the first comment: issue 15).
            if line == 0, text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            line += 1
            invalidUTF8.add(sequences: replaced, line: line)
            return PlainTextLine(text: text, line: line, error: nil)
        }
    }

    /// The error row of a line longer than the limit, after dropping it up to and including its
    /// line end (searched from `index`). Its invalid UTF-8, if any, is not counted: it is never
    /// decoded.
    private func skipLongLine(from index: Int) throws(InputError) -> PlainTextLine {
        let ended = try stream.skipLine(from: index)
        scanned = 0
        line += 1
        return PlainTextLine(text: "", line: line, error: stream.parameters.recordTooLong(
            file: name, line: line, ended ? "it is skipped and reading resumes at the next line" : "it is skipped (it ran to the end of the input)"))
    }
}
