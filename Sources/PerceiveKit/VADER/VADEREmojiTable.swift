/// The emoji lexicon as VADER uses it: one code point → its description's UTF-8 bytes, in an
/// open-addressing table read through plain pointers (a `[UInt32: [UInt8]]` look-up hashes
/// with SipHash and retains the description array).
///
/// vaderSentiment replaces emoji one code point at a time, so entries of several code points
/// (with a variation selector or ZWJ) are never put here.
///
/// - Complexity: O(1) expected per lookup (load factor ≤ 0.5).
struct VADEREmojiTable: Sendable {
    struct Slot: Sendable {
        var scalar: UInt32 = 0
        var start: UInt32 = 0
        var length: Int32 = -1   // -1: empty
    }

    private let slots: VADERFrozenBuffer<Slot>
    private let bytes: VADERFrozenBuffer<UInt8>
    private let mask: Int
    let count: Int
    var isEmpty: Bool { count == 0 }

    init(_ entries: [(scalar: UInt32, description: [UInt8])]) {
        // The last entry for a code point wins, as in a dictionary filled in order.
        var last: [UInt32: [UInt8]] = [:]
        var order: [UInt32] = []
        for (scalar, description) in entries {
            if last.updateValue(description, forKey: scalar) == nil { order.append(scalar) }
        }
        var size = 16
        while size < order.count * 2 { size <<= 1 }
        var slots = [Slot](repeating: Slot(), count: size)
        var bytes: [UInt8] = []
        let mask = size - 1
        for scalar in order {
            let description = last[scalar]!
            var i = Self.index(scalar, mask)
            while slots[i].length >= 0 { i = (i + 1) & mask }
            slots[i] = Slot(scalar: scalar, start: UInt32(bytes.count), length: Int32(description.count))
            bytes += description
        }
        self.slots = VADERFrozenBuffer(slots)
        self.bytes = VADERFrozenBuffer(bytes)
        self.mask = mask
        self.count = order.count
    }

    @inline(__always)
    static func index(_ scalar: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(scalar) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The description of code point `scalar`, or nil. Valid while this table (its lexicon) lives.
    @inline(__always)
    func description(_ scalar: UInt32) -> UnsafeBufferPointer<UInt8>? {
        let slots = self.slots.buffer
        var i = Self.index(scalar, mask)
        while true {
            let slot = slots[i]
            if slot.length < 0 { return nil }
            if slot.scalar == scalar {
                return UnsafeBufferPointer(start: bytes.buffer.baseAddress.map { $0 + Int(slot.start) }, count: Int(slot.length))
            }
            i = (i + 1) & mask
        }
    }
}
