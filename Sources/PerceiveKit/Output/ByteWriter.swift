import Foundation

/// Where the JSON and CSV byte writers append: a `[UInt8]`, or a ``ByteWriter``.
///
/// The writers are generic over this protocol and specialized for each of the two, so they
/// are written once.
public protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteSink where Self: ~Copyable {
    /// Appends the UTF-8 bytes of a literal.
    @inline(__always)
    public mutating func appendUTF8(_ literal: StaticString) {
        append(bytes: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends the UTF-8 bytes of `text` as they are (no escaping).
    @inline(__always)
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }
}

extension Array: ByteSink where Element == UInt8 {
    @inline(__always)
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// A growable byte buffer for writing output records: an append is a capacity check and a
/// copy. A JSON record is built from hundreds of small appends (keys, numbers, short strings);
/// on a `[UInt8]` each of them also paid a uniqueness check and a generic copy (about 100
/// instructions per append, a third of the cost of writing a record; callgrind, issue 5).
///
/// ```swift
/// var out = ByteWriter()
/// out.appendUTF8("{\"cx\":")
/// JSONText.appendNumber(0.25, to: &out)
/// out.append(0x7D)
/// let bytes = out.array   // [UInt8] of {"cx":0.25}
/// ```
public struct ByteWriter: ~Copyable, ByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    public private(set) var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        if capacity - count < n { grow(toAtLeast: count + n) }
        (base + count).update(from: source, count: n)
        count += n
    }

    /// Doubles the room, with `realloc`: a large buffer (a long comment's record, hundreds of
    /// MB with evidence) is then moved by the page table, not copied, so growing it does not
    /// hold the old and the new buffer at once.
    @inline(never)
    private mutating func grow(toAtLeast minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        base = realloc(base, newCapacity)!.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// Gives back the room beyond the bytes written (`realloc`, which shrinks a small block in
    /// place), for a buffer kept after it is written.
    public mutating func shrinkToFit() {
        let newCapacity = max(count, 16)
        guard newCapacity < capacity else { return }
        base = realloc(base, newCapacity)!.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// Forgets the bytes written, keeping the memory.
    public mutating func removeAll() { count = 0 }

    /// Calls `body` with the bytes written so far.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes written so far.
    public var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
