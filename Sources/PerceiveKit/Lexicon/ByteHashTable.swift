/// An open-addressing hash table from byte strings to `Int32` values, built once and then
/// read concurrently. Lookups hash the bytes in place: no `String` is made per token.
///
/// - Complexity: lookup O(k) in the key length, expected O(1) probes (load factor ≤ 0.5).
struct ByteHashTable: Sendable {
    /// A slot: a key of up to 8 bytes held in it, so that finding a short word (most words)
    /// reads one slot and nothing else. Matching looks up every token, and the reads of a
    /// 24-byte slot and then of the key's bytes elsewhere were cache misses, the most
    /// expensive instructions of matching.
    private struct Slot: Sendable {
        /// The key's first 8 bytes, zero-padded (little-endian).
        var prefix: UInt64 = 0
        /// The key's length (255 for 255 or more) in the top byte, 24 bits of its hash below.
        var lengthAndTag: UInt32 = 0
        /// The key's index in ``items``, -1 for an empty slot.
        var item: Int32 = -1
    }

    /// A key: where its bytes are in ``keys``.
    private struct Item: Sendable {
        var keyStart: Int32
        var keyLength: Int32
    }

    private var slots: [Slot]
    /// The value of each item.
    private var values: [Int32] = []
    private var items: [Item] = []
    private var keys: [UInt8] = []
    private var mask: Int
    var count: Int { items.count }

    init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    /// The same table with arrays of its own (see ``Lexicon/detachedCopy()``).
    func detachedCopy() -> ByteHashTable {
        var copy = self
        copy.slots = slots.detachedCopy()
        copy.values = values.detachedCopy()
        copy.items = items.detachedCopy()
        copy.keys = keys.detachedCopy()
        return copy
    }

    /// FNV-1a, 64 bit, with a final avalanche so the low bits used for slots mix well.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    /// The first 8 bytes of `key`, zero-padded, little-endian.
    @inline(__always)
    private static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<min(key.count, 8) { value |= UInt64(key[k]) &<< UInt64(8 * k) }
        return value
    }

    @inline(__always)
    private static func lengthAndTag(_ hash: UInt64, _ length: Int) -> UInt32 {
        UInt32(min(length, 255)) << 24 | UInt32(truncatingIfNeeded: hash >> 40)
    }

    /// The value for `key`, or nil.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(key)
        let lengthAndTag = Self.lengthAndTag(h, key.count), prefix = Self.prefix(key)
        let mask = self.mask
        // `i` lives inside the closures: a mutable variable captured from outside was boxed on
        // the heap, one allocation per lookup (callgrind).
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[i]
                if slot.item < 0 { return nil }
                if slot.lengthAndTag == lengthAndTag && slot.prefix == prefix {
                    // Up to 8 bytes, the slot holds the whole key.
                    if key.count <= 8 { return values[Int(slot.item)] }
                    let item = items[Int(slot.item)]
                    if Int(item.keyLength) == key.count
                        && keys.withUnsafeBufferPointer({ memcmp($0.baseAddress! + Int(item.keyStart), key.baseAddress!, key.count) }) == 0 {
                        return values[Int(slot.item)]
                    }
                }
                i = (i + 1) & mask
            }
        }
    }

    func value(for key: [UInt8]) -> Int32? {
        key.withUnsafeBufferPointer { value(for: $0) }
    }

    /// Inserts `key` with `value` unless present; returns the value stored for the key.
    @discardableResult
    mutating func insert(_ key: [UInt8], value: Int32) -> Int32 {
        if let existing = self.value(for: key) { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        items.append(Item(keyStart: Int32(keys.count), keyLength: Int32(key.count)))
        values.append(value)
        keys.append(contentsOf: key)
        place(item: items.count - 1)
        return value
    }

    /// Puts item `index` in the first free slot from its hash's.
    private mutating func place(item index: Int) {
        let item = items[index]
        let (h, prefix) = keys.withUnsafeBufferPointer { keys in
            let key = UnsafeBufferPointer(rebasing: keys[Int(item.keyStart)..<Int(item.keyStart + item.keyLength)])
            return (Self.hash(key), Self.prefix(key))
        }
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].item >= 0 { i = (i + 1) & mask }
        slots[i] = Slot(prefix: prefix, lengthAndTag: Self.lengthAndTag(h, Int(item.keyLength)), item: Int32(index))
    }

    private mutating func grow() {
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        mask = slots.count - 1
        for index in items.indices { place(item: index) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
