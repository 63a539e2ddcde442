/// Streams lines from a file or stdin (`-`): one comment per line, `\n`, `\r\n` or `\r` line ends,
/// every line (empty ones included) returned. Invalid UTF-8 becomes U+FFFD, counted in
/// ``invalidUTF8``.
///
/// - Complexity: O(n) in the bytes read; memory is one chunk plus the longest line.
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

    /// Opens `path` and reads its first chunk, so that a refused input (a UTF-16 byte-order
    /// mark) is refused here, before the caller writes anything.
    public init(path: String) throws(InputError) {
        stream = try ByteStream(path: path)
        _ = try stream.fill()
    }

    /// The next line without its line end, or nil at the end of the input.
    public func next() throws(InputError) -> String? {
        var replaced = 0
        while true {
            let found: String?? = stream.buffer.withUnsafeBufferPointer { buffer in
                let start = stream.start
                // LF, CRLF, or a lone CR (old Mac files) ends a line, as in CSVCommentReader.
                // Bytes already scanned are not scanned again when more arrive (a long line
                // from a pipe comes 64 KiB at a time: rescanning it was quadratic).
                var k = start + scanned
                while k < buffer.count && buffer[k] != 0x0A && buffer[k] != 0x0D { k += 1 }
                if k < buffer.count {
                    let lineEnd = k
                    var next = lineEnd + 1
                    if buffer[lineEnd] == 0x0D {
                        if next == buffer.count && !stream.atEnd { scanned = lineEnd - start; return nil }  // is an LF next?
                        if next < buffer.count && buffer[next] == 0x0A { next += 1 }
                    }
                    scanned = 0
                    stream.start = next
                    return .some(InvalidUTF8Count.decode(UnsafeBufferPointer(rebasing: buffer[start..<lineEnd]), replaced: &replaced))
                }
                if stream.atEnd {
                    guard start < buffer.count else { return .some(nil) }
                    var end = buffer.count
                    if buffer[end - 1] == 0x0D { end -= 1 }
                    stream.start = buffer.count
                    scanned = 0
                    return .some(InvalidUTF8Count.decode(UnsafeBufferPointer(rebasing: buffer[start..<end]), replaced: &replaced))
                }
                scanned = buffer.count - start
                return nil
            }
            if var found {
                if found != nil {
                    // A UTF-8 byte-order mark starting the input is not text (the CSV and JSON
                    // Lines readers drop it too; it stayed in the first comment: issue 15).
                    if line == 0, found!.unicodeScalars.first == "\u{FEFF}" { found!.unicodeScalars.removeFirst() }
                    line += 1
                    invalidUTF8.add(sequences: replaced, line: line)
                }
                return found
            }
            _ = try stream.fill(minimum: stream.buffer.count - stream.start, recordLine: line + 1)  // doubles for long lines: O(n) overall
        }
    }
}
