/// The shapes `score` writes its records in: a JSON array, JSON Lines, CSV, or a terminal table.
public enum ScoreRecordFormat: String, CaseIterable, Sendable {
    case json, ndjson, csv, table
}

/// Where a ``ScoreRecordWriter`` writes its bytes: a buffered file or stdout (the command
/// line's output sink), or a test's buffer.
public protocol ByteOutput: AnyObject {
    func write(bytes: UnsafeBufferPointer<UInt8>) throws
}

/// A ``ByteOutput`` that keeps everything written, for tests and for callers that want the
/// whole output as one value.
public final class ByteBuffer: ByteOutput {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(bytes: UnsafeBufferPointer<UInt8>) throws { self.bytes.append(contentsOf: bytes) }
    /// The bytes written, as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
