import Foundation

/// Reads a file (or stdin for `-`) into a sliding buffer: memory stays bounded by the longest
/// record, never by the size of the file.
///
/// The buffer is read into directly (no scratch chunk to copy from) and grows by half its size
/// at a time, up to ``InputParameters/maxRecordBytes`` plus one read: a record at the limit
/// costs at most 1.5 times its size here, plus one read. A reader that finds a record longer
/// than the limit drops it with ``skipLine(from:)``, which reads on with the buffer small again.
final class ByteStream {
    let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Bytes read so far and, for a regular file, its size (for progress and ETA).
    private(set) var bytesRead: Int64 = 0
    let totalBytes: Int64?
    let parameters: InputParameters
    /// The bytes read and not dropped yet are `base[0..<count]`; `base[start..<count]` are
    /// not consumed yet.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// First byte of the buffer not consumed yet.
    var start = 0
    private(set) var atEnd = false

    init(path: String, parameters: InputParameters = .standard) throws(InputError) {
        self.parameters = parameters
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
        capacity = Self.smallCapacity(parameters)
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        free(base)
        if ownsDescriptor { _ = close(fd) }
    }

    /// The buffer's size between long records: two reads.
    private static func smallCapacity(_ parameters: InputParameters) -> Int { max(16, 2 * parameters.readSize) }

    /// The bytes in the buffer, `bytes[start...]` not consumed yet. Valid until the next
    /// ``fill()`` or ``skipLine(from:)``.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Bytes not consumed yet.
    var pending: Int { count - start }

    /// Drops the consumed bytes, then reads once more onto the end of the buffer (a pipe gives
    /// what it has, a file up to the free room). Returns false at the end of the input.
    ///
    /// The buffer grows only while what is pending is within ``InputParameters/maxRecordBytes``:
    /// readers look for a record's end after each fill, and drop a record past the limit
    /// (``skipLine(from:)``) rather than read more of it.
    func fill() throws(InputError) -> Bool {
        if atEnd { return false }
        compact()
        if capacity - count < parameters.readSize {
            // By half at a time, and never further than the limit and one read need: the room
            // to see that a record is one byte too long.
            let ceiling = max(parameters.maxRecordBytes, count) + parameters.readSize + 1
            resize(to: min(max(capacity + capacity / 2, count + parameters.readSize), ceiling))
        }
        while true {
            let read = Foundation.read(fd, base + count, capacity - count)
            if read < 0 {
                if errno == EINTR { continue }
                throw InputError(file: name, line: 1, column: 1, "expected readable input (\(String(cString: strerror(errno))))")
            }
            count += read
            if bytesRead == 0, let encoding = Self.foreignByteOrderMark(bytes) {
                throw InputError(file: name, line: 1, column: 1,
                                 "expected UTF-8 text, found a \(encoding) byte-order mark (convert with: iconv -f \(encoding.prefix(6)) -t UTF-8)")
            }
            bytesRead += Int64(read)
            if read == 0 {
                atEnd = true
                return false
            }
            return true
        }
    }

    /// Drops the consumed bytes and, when what is left fits, gives a long record's room back:
    /// readers call it after consuming a long record, so that its bytes are not held while the
    /// caller works on the record (a JSON line is parsed, a comment scored).
    func compact() {
        if start > 0 {
            if count > start { memmove(base, base + start, count - start) }
            count -= start
            start = 0
        }
        let small = Self.smallCapacity(parameters)
        if capacity > small && count < parameters.readSize {
            resize(to: small)  // realloc moves at most one read
        }
    }

    private func resize(to newCapacity: Int) {
        guard newCapacity != capacity, let moved = realloc(base, newCapacity) else { return }
        base = moved.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// Drops the bytes from `index` up to and including the next line end (LF, CRLF or a lone
    /// CR), reading on as needed: the bytes dropped are never kept, so a record of any length
    /// costs one read of memory here. Afterwards ``start`` is the first byte after the line
    /// end. Returns false when the input ended before a line end (everything dropped).
    func skipLine(from index: Int) throws(InputError) -> Bool {
        var k = max(index, start)
        while true {
            k = Self.lineEnd(base, from: k, to: count)
            if k < count {
                if base[k] == 0x0A || k + 1 < count {
                    start = k + 1 + (base[k] == 0x0D && base[k + 1] == 0x0A ? 1 : 0)
                    return true
                }
                // A CR ending the buffer: an LF may come with the next read.
                start = k + 1
                if try fill(), base[start] == 0x0A { start += 1 }
                return true
            }
            start = count
            if try !fill() { return false }
            k = start
        }
    }

    /// The index of the first LF or CR in `bytes[from..<to]`, or `to` (memchr: a skipped record
    /// may be a gigabyte).
    private static func lineEnd(_ bytes: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to else { return to }
        var end = to
        if let lf = memchr(bytes + from, 0x0A, to - from) { end = bytes.distance(to: lf.assumingMemoryBound(to: UInt8.self)) }
        if end > from, let cr = memchr(bytes + from, 0x0D, end - from) { end = bytes.distance(to: cr.assumingMemoryBound(to: UInt8.self)) }
        return end
    }

    /// The encoding whose byte-order mark `bytes` start with, other than UTF-8: "UTF-32LE",
    /// "UTF-32BE", "UTF-16LE" or "UTF-16BE" (FF FE 00 00 is UTF-32LE, not UTF-16LE and a NUL).
    static func foreignByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32LE" }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }
}
