import Foundation
import Synchronization

/// Why an ``OutputSink`` could not write: the command line maps ``brokenPipe`` to success (the
/// reader of the output went away, `| head`) and the others to a usage error (exit code 2).
public enum OutputError: Error, CustomStringConvertible {
    /// The reader of the output went away.
    case brokenPipe
    /// The output cannot be opened, written, or moved into place; the message says which and why.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .brokenPipe: "broken pipe"
        case .cannotWrite(let message): message
        }
    }
}

/// Buffered output to stdout or to a file written atomically: the file appears under its
/// name only when everything was written (a temporary file in the same folder, renamed at
/// the end), so an error or Ctrl-C leaves the old file or none, never half of one.
///
/// What `-o` names is respected (issue 15): a symlink is followed and its target replaced
/// (the temporary file goes in the target's folder, the link stays); anything that is not a
/// regular file (a device such as `/dev/null`, a FIFO, `/dev/stdout`) is written straight
/// through, never replaced; a replaced file keeps its permission bits and, where allowed, its
/// owner; the temporary name fits in 255 bytes whatever the file's name.
public final class OutputSink: ByteOutput {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let temporaryPath: String?
    private let finalPath: String?
    /// Written straight through (not stdout, not a temporary file): closed at the end.
    private let ownsDescriptor: Bool

    public init(path: String?) throws {
        buffer.reserveCapacity(1 << 16)
        guard let path, path != "-" else {
            fd = STDOUT_FILENO
            temporaryPath = nil
            finalPath = nil
            ownsDescriptor = false
            return
        }
        var existing = stat()
        if stat(path, &existing) == 0, (existing.st_mode & S_IFMT) != S_IFREG {
            // A device, FIFO or terminal (stat follows symlinks such as /dev/stdout): write to
            // it, as a shell redirection would. Replacing it would destroy it for everyone.
            guard (existing.st_mode & S_IFMT) != S_IFDIR else { throw OutputError.cannotWrite("\(path): is a directory, expected a file") }
            let opened = open(path, O_WRONLY)
            guard opened >= 0 else { throw OutputError.cannotWrite("\(path): cannot write (\(String(cString: strerror(errno))))") }
            fd = opened
            temporaryPath = nil
            finalPath = nil
            ownsDescriptor = true
            return
        }
        let target = Self.resolvingSymlinks(path)
        let directory = (target as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/" + Self.temporaryName(for: (target as NSString).lastPathComponent)
        let opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard opened >= 0 else {
            throw OutputError.cannotWrite("\(path): cannot write (\(String(cString: strerror(errno))))")
        }
        var replaced = stat()
        if stat(target, &replaced) == 0 {
            // Keep what the replaced file allowed: a 600 file of customer comments stays 600.
            _ = fchown(opened, replaced.st_uid, replaced.st_gid)
            _ = fchmod(opened, replaced.st_mode & 0o7777)
        }
        fd = opened
        temporaryPath = temporary
        finalPath = target
        ownsDescriptor = false
        OutputSink.pendingTemporary.withLock { $0 = temporary }
    }

    /// `path` with its symlinks followed (a chain, relative or absolute; a dangling link gives
    /// the path it points to, which is then created). At most 40 links, as the kernel allows.
    public static func resolvingSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        return current
    }

    /// The temporary file's name beside `base`: `.<base>.perceive-<pid>.tmp`, with `base` cut
    /// (at a character boundary) so that the whole name fits in 255 bytes.
    public static func temporaryName(for base: String) -> String {
        let suffix = ".perceive-\(getpid()).tmp"
        var cut = Substring(base)
        while 1 + cut.utf8.count + suffix.utf8.count > 255 { cut.removeLast() }
        return "." + cut + suffix
    }

    /// Refuses (exit 2) an output file that is one of the inputs (the same file, by device and
    /// inode, whatever the path): it would be replaced by the scores of itself, or, written
    /// through, truncated while it is read. Call before reading anything.
    public static func refuseInputAsOutput(_ output: String?, inputs: [String]) throws {
        guard let output, output != "-" else { return }
        var out = stat()
        guard stat(output, &out) == 0, (out.st_mode & S_IFMT) == S_IFREG else { return }
        for input in inputs where input != "-" {
            var info = stat()
            if stat(input, &info) == 0, info.st_dev == out.st_dev, info.st_ino == out.st_ino {
                throw OutputError.cannotWrite("-o \(output): is the input file \(input); write the output to another file")
            }
        }
    }

    /// Writes `text` to `path` (stdout for nil or `-`) and finishes; on a failure, abandons the
    /// output (see ``abandon()``) and rethrows. For commands that print one text.
    public static func write(_ text: String, to path: String? = nil) throws {
        let sink = try OutputSink(path: path)
        do {
            try sink.write(text)
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    /// The temporary file to remove if the process is interrupted.
    public static let pendingTemporary = Mutex<String?>(nil)

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func line(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        guard bytes.count < Self.bufferSize else {
            // A record larger than the buffer (a long comment's evidence) goes out as it is:
            // copied into the buffer, it cost its size once more (issue 15, item 5).
            try flush()
            try writeOut(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Bytes gathered before a write: 64 KiB.
    static let bufferSize = 1 << 16

    public func flush() throws {
        try buffer.withUnsafeBufferPointer { try writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw OutputError.brokenPipe }
                throw OutputError.cannotWrite("cannot write output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Flushes and, for a file, moves it into place.
    public func finish() throws {
        try flush()
        if ownsDescriptor {
            guard close(fd) == 0 else { throw OutputError.cannotWrite("cannot write output: \(String(cString: strerror(errno)))") }
            return
        }
        if let temporaryPath, let finalPath {
            guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0 else {
                throw OutputError.cannotWrite("\(finalPath): cannot write (\(String(cString: strerror(errno))))")
            }
            guard rename(temporaryPath, finalPath) == 0 else {
                unlink(temporaryPath)
                throw OutputError.cannotWrite("\(finalPath): cannot rename into place (\(String(cString: strerror(errno))))")
            }
            OutputSink.pendingTemporary.withLock { $0 = nil }
        }
    }

    /// After a failure: removes the temporary file; on stdout, writes out what is buffered (the
    /// records of the rows before the failure, which a reader of the stream must not lose).
    public func abandon() {
        if temporaryPath == nil { try? flush() }
        if ownsDescriptor { close(fd) }
        if let temporaryPath {
            close(fd)
            unlink(temporaryPath)
            OutputSink.pendingTemporary.withLock { $0 = nil }
        }
    }
}
