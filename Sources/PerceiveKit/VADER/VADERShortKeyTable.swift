/// The lexicon's words of up to 16 bytes, keyed by their bytes packed into two `UInt64`s: a
/// word is looked up with two loads, a multiply and (usually) one probe, with no per-byte
/// hashing — VADER's texts are short words, and this lookup is the hot path. Longer words use
/// the general ``ByteHashTable``.
///
/// - Complexity: O(1) expected per lookup (load factor ≤ 0.5).
struct VADERShortKeyTable: Sendable {
    struct Slot: Sendable {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        var length: Int32 = -1   // -1: empty
        var id: Int32 = 0
    }

    private var slots: [Slot]
    private let mask: Int

    /// The longest key this table holds.
    static let maximumLength = 16

    init(keys: [(bytes: [UInt8], id: Int32)]) {
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        for (bytes, id) in keys where bytes.count <= Self.maximumLength {
            let (k0, k1) = Self.pack(bytes)
            var i = Self.index(k0, k1, bytes.count, mask)
            while slots[i].length >= 0 { i = (i + 1) & mask }
            slots[i] = Slot(k0: k0, k1: k1, length: Int32(bytes.count), id: id)
        }
    }

    /// Bytes (at most 16) as two little-endian words, zero-padded.
    static func pack(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var k = (UInt64(0), UInt64(0))
        for (i, b) in bytes.enumerated() {
            if i < 8 { k.0 |= UInt64(b) << (8 * UInt64(i)) } else { k.1 |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
        return k
    }

    @inline(__always)
    static func index(_ k0: UInt64, _ k1: UInt64, _ length: Int, _ mask: Int) -> Int {
        var h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The table's slots for the duration of `body`: lookups through it pay no reference
    /// counting.
    func withLookup<R>(_ body: (Lookup) -> R) -> R {
        slots.withUnsafeBufferPointer { body(Lookup(slots: $0, mask: mask)) }
    }

    struct Lookup {
        let slots: UnsafeBufferPointer<Slot>
        let mask: Int

        /// The word id of the key `k0, k1` (zero-padded) of `length` bytes, or -1.
        @inline(__always)
        func id(_ k0: UInt64, _ k1: UInt64, length: Int) -> Int32 {
            var i = VADERShortKeyTable.index(k0, k1, length, mask)
            while true {
                let slot = slots[i]
                if slot.length < 0 { return -1 }
                if slot.k0 == k0 && slot.k1 == k1 && Int(slot.length) == length { return slot.id }
                i = (i + 1) & mask
            }
        }
    }
}
