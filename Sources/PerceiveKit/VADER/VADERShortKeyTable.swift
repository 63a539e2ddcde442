/// The lexicon's words of up to 16 bytes, keyed by their bytes packed into two `UInt64`s: a
/// word is looked up with two loads, two multiplies and (usually) one probe, with no per-byte
/// hashing — VADER's texts are short words, and this lookup is the hot path. Longer words use
/// the general ``ByteHashTable``. Each slot also carries the word's ``Flags``, so the
/// tokenizer reads what it needs without a second look-up.
///
/// Most words of a text are not in the lexicon, and the table (hundreds of kilobytes) is
/// larger than the fastest cache: a 16 KB bit filter, set for every key, answers most misses
/// without touching the table (a cache miss there costs more than the rest of the word).
///
/// - Complexity: O(1) expected per lookup (load factor ≤ 0.5).
struct VADERShortKeyTable: Sendable {
    /// 16 bytes, four to a cache line; the second key word (bytes 9–16, zero for shorter
    /// keys) is in ``highKeys`` at the same index, read only for keys that long.
    struct Slot: Sendable {
        var k0: UInt64 = 0
        var id: Int32 = -1
        var length: Int8 = -1   // -1: empty
        var flags: Flags = []
    }

    /// What the tokenizer needs to know about a word at once.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// In `NEGATE`.
        static let negation = Flags(rawValue: 1)
        /// Can have a valence: a lexicon term that is no booster (``VADERLexicon/Word/isTerm``).
        static let term = Flags(rawValue: 2)
    }

    private let slots: VADERFrozenBuffer<Slot>
    private let highKeys: VADERFrozenBuffer<UInt64>
    private let shift: UInt64
    /// One bit per ``filterBits``-bit hash value (``filterIndex(_:)``), set for every key.
    private let filter: VADERFrozenBuffer<UInt64>
    private static let filterBits = 17

    /// The longest key this table holds.
    static let maximumLength = 16

    init(keys: [(bytes: [UInt8], id: Int32, flags: Flags)]) {
        var bits = 4
        while 1 << bits < keys.count * 2 { bits += 1 }
        let size = 1 << bits
        var slots = [Slot](repeating: Slot(), count: size)
        var highKeys = [UInt64](repeating: 0, count: size)
        shift = UInt64(64 - bits)
        let mask = size - 1
        var filter = [UInt64](repeating: 0, count: 1 << (Self.filterBits - 6))
        for (bytes, id, flags) in keys where bytes.count <= Self.maximumLength {
            let (k0, k1) = Self.pack(bytes)
            let h = Self.hash(k0, k1, bytes.count)
            let f = Self.filterIndex(h)
            filter[f >> 6] |= 1 << UInt64(f & 63)
            var i = Int(truncatingIfNeeded: h &>> shift)
            while slots[i].length >= 0 { i = (i + 1) & mask }
            slots[i] = Slot(k0: k0, id: id, length: Int8(bytes.count), flags: flags)
            highKeys[i] = k1
        }
        self.slots = VADERFrozenBuffer(slots)
        self.highKeys = VADERFrozenBuffer(highKeys)
        self.filter = VADERFrozenBuffer(filter)
    }

    /// Bytes (at most 16) as two little-endian words, zero-padded.
    static func pack(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var k = (UInt64(0), UInt64(0))
        for (i, b) in bytes.enumerated() {
            if i < 8 { k.0 |= UInt64(b) << (8 * UInt64(i)) } else { k.1 |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
        return k
    }

    /// Multiplicative (Fibonacci) hashing: the top bits of the product pick the slot, bits
    /// 24–40 the filter's bit.
    @inline(__always)
    static func hash(_ k0: UInt64, _ k1: UInt64, _ length: Int) -> UInt64 {
        (k0 ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always)
    static func filterIndex(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: h &>> 24) & ((1 << filterBits) - 1)
    }

    /// The table's slots through a plain pointer: lookups through it pay no reference
    /// counting. Valid while this table (its lexicon) lives.
    var lookup: Lookup {
        Lookup(slots: slots.buffer.baseAddress!, highKeys: highKeys.buffer.baseAddress!, mask: slots.buffer.count - 1, shift: shift,
               filter: filter.buffer.baseAddress!)
    }

    struct Lookup {
        let slots: UnsafePointer<Slot>
        let highKeys: UnsafePointer<UInt64>
        let mask: Int
        let shift: UInt64
        let filter: UnsafePointer<UInt64>

        /// The slot of the key `k0, k1` (zero-padded) of `length` bytes, or nil.
        @inline(__always)
        func slot(_ k0: UInt64, _ k1: UInt64, length: Int) -> UnsafePointer<Slot>? {
            let h = VADERShortKeyTable.hash(k0, k1, length)
            let f = VADERShortKeyTable.filterIndex(h)
            guard filter[f &>> 6] &>> UInt64(truncatingIfNeeded: f & 63) & 1 != 0 else { return nil }
            var i = Int(truncatingIfNeeded: h &>> shift)
            while true {
                let slot = slots + i
                if slot.pointee.length < 0 { return nil }
                if slot.pointee.k0 == k0 && Int(slot.pointee.length) == length && (length <= 8 || highKeys[i] == k1) {
                    return slot
                }
                i = (i &+ 1) & mask
            }
        }
    }
}
