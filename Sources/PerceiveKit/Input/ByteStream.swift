import Foundation

/// Reads a file (or stdin for `-`) in chunks into a sliding buffer: memory stays bounded by
/// the longest record, never by the size of the file.
final class ByteStream {
    let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Bytes read so far and, for a regular file, its size (for progress and ETA).
    private(set) var bytesRead: Int64 = 0
    let totalBytes: Int64?
    var buffer: [UInt8] = []
    private var chunk: [UInt8] = []
    /// First byte of `buffer` not consumed yet.
    var start = 0
    private(set) var atEnd = false
    static let chunkSize = 1 << 16
    /// The longest record (line, CSV row) accepted: 16 MiB. No comment is that long, and
    /// scoring one needs about 60 bytes of memory per byte of text.
    public static let maximumRecordBytes = 16 << 20

    init(path: String) throws(InputError) {
        if path == "-" {
            name = "<stdin>"
            fd = 0
            ownsDescriptor = false
            totalBytes = nil
        } else {
            name = path
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw InputError(file: path, line: 1, column: 1, "expected a file, found a directory")
            }
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else {
                throw InputError(file: path, line: 1, column: 1, "expected a readable file (\(String(cString: strerror(errno))))")
            }
            fd = opened
            ownsDescriptor = true
            totalBytes = (info.st_mode & S_IFMT) == S_IFREG ? Int64(info.st_size) : nil
        }
        buffer.reserveCapacity(Self.chunkSize * 2)
    }

    /// Reads at least one more chunk onto the end of the buffer (dropping consumed bytes
    /// first). Returns false at the end of the input.
    ///
    /// A record (the unconsumed bytes) may not grow past ``maximumRecordBytes``: an input
    /// with no line end (a 1 GB stream) is refused at `recordLine` instead of filling memory.
    func fill(minimum: Int = ByteStream.chunkSize, recordLine: Int = 1) throws(InputError) -> Bool {
        if atEnd { return false }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        if buffer.count >= Self.maximumRecordBytes {
            throw InputError(file: name, line: recordLine, column: 1,
                             "expected a record of at most \(Self.maximumRecordBytes >> 20) MiB, found a longer one (no line end?)")
        }
        // Read into a scratch chunk and append only what arrived: a pipe gives at most 64 KiB a
        // read, and zero-filling `minimum` bytes each time made long lines from stdin quadratic.
        // Never read past the limit in one go: a file gives all it is asked for, so reading
        // `minimum` (twice the pending record) let records of up to 32 MiB through from files
        // while stdin stopped at 16 MiB. One byte past the limit is enough to refuse.
        let want = min(max(minimum, Self.chunkSize), max(Self.chunkSize, Self.maximumRecordBytes + 1 - buffer.count))
        if chunk.count < want { chunk = [UInt8](repeating: 0, count: want) }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, want) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: name, line: 1, column: 1, "expected readable input (\(String(cString: strerror(errno))))")
            }
            buffer.append(contentsOf: chunk[0..<count])
            if bytesRead == 0, let encoding = Self.foreignByteOrderMark(buffer) {
                throw InputError(file: name, line: 1, column: 1,
                                 "expected UTF-8 text, found a \(encoding) byte-order mark (convert with: iconv -f \(encoding.prefix(6)) -t UTF-8)")
            }
            bytesRead += Int64(count)
            if count == 0 {
                atEnd = true
                return false
            }
            return true
        }
    }

    /// The encoding whose byte-order mark `bytes` start with, other than UTF-8: "UTF-32LE",
    /// "UTF-32BE", "UTF-16LE" or "UTF-16BE" (FF FE 00 00 is UTF-32LE, not UTF-16LE and a NUL).
    static func foreignByteOrderMark(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32LE" }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }

    deinit {
        if ownsDescriptor { _ = close(fd) }
    }
}
