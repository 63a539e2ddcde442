/// An open-addressing hash table from byte strings to `Int32` values, built once and then
/// read concurrently. Lookups hash the bytes in place: no `String` is made per token.
///
/// - Complexity: lookup O(k) in the key length, expected O(1) probes (load factor ≤ 0.5).
struct ByteHashTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var keyStart: Int32 = 0
        var keyLength: Int32 = -1   // -1: empty
        var value: Int32 = 0
    }

    private var slots: [Slot]
    private var keys: [UInt8] = []
    private var mask: Int
    private(set) var count = 0

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

    /// The value for `key`, or nil.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(key)
        let mask = self.mask
        // `i` lives inside the closures: a mutable variable captured from outside was boxed on
        // the heap, one allocation per lookup (callgrind).
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let slot = slots[i]
                    if slot.keyLength < 0 { return nil }
                    if slot.hash == h && Int(slot.keyLength) == key.count
                        && (key.count == 0 || memcmp(keys.baseAddress! + Int(slot.keyStart), key.baseAddress!, key.count) == 0) {
                        return slot.value
                    }
                    i = (i + 1) & mask
                }
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
        let h = key.withUnsafeBufferPointer { Self.hash($0) }
        let start = Int32(keys.count)
        keys.append(contentsOf: key)
        place(Slot(hash: h, keyStart: start, keyLength: Int32(key.count), value: value))
        count += 1
        return value
    }

    private mutating func place(_ slot: Slot) {
        var i = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[i].keyLength >= 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.keyLength >= 0 { place(slot) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
