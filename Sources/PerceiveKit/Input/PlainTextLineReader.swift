/// Streams lines from a file or stdin (`-`): one comment per line, `\n`, `\r\n` or `\r` line ends,
/// every line (empty ones included) returned. Invalid UTF-8 becomes U+FFFD.
///
/// - Complexity: O(n) in the bytes read; memory is one chunk plus the longest line.
public final class PlainTextLineReader {
    private let stream: ByteStream
    public private(set) var line = 0

    public var name: String { stream.name }
    public var bytesRead: Int64 { stream.bytesRead }
    public var totalBytes: Int64? { stream.totalBytes }

    public init(path: String) throws(InputError) {
        stream = try ByteStream(path: path)
    }

    /// The next line without its line end, or nil at the end of the input.
    public func next() throws(InputError) -> String? {
        while true {
            let found: String?? = stream.buffer.withUnsafeBufferPointer { buffer in
                let start = stream.start
                // LF, CRLF, or a lone CR (old Mac files) ends a line, as in CSVCommentReader.
                if let lineEnd = buffer[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                    var next = lineEnd + 1
                    if buffer[lineEnd] == 0x0D {
                        if next == buffer.count && !stream.atEnd { return nil }  // is an LF next?
                        if next < buffer.count && buffer[next] == 0x0A { next += 1 }
                    }
                    stream.start = next
                    return .some(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<lineEnd]), as: UTF8.self))
                }
                if stream.atEnd {
                    guard start < buffer.count else { return .some(nil) }
                    var end = buffer.count
                    if buffer[end - 1] == 0x0D { end -= 1 }
                    stream.start = buffer.count
                    return .some(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
                }
                return nil
            }
            if let found {
                if found != nil { line += 1 }
                return found
            }
            _ = try stream.fill(minimum: stream.buffer.count - stream.start, recordLine: line + 1)  // doubles for long lines: O(n) overall
        }
    }
}
