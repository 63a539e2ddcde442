/// `count` integers held inline in the narrow type `Narrow`, or, once one would leave its
/// range, all on the heap in the wide type `Wide`: the same values either way, and equal when
/// the values are, whichever way they are held. A segment keeps many of these (its drivers',
/// its topics' and its dimensions' sums and counts), so half the bytes a value is what makes
/// very many segments fit (issue 15, item 6; issue 16).
struct CompactIntegers<let count: Int, Narrow: FixedWidthInteger & SignedInteger & Sendable,
                       Wide: FixedWidthInteger & SignedInteger & Sendable>: Sendable, Equatable {
    // `wide` first: a field narrower than 8 bytes after the struct can fill the end of its
    // alignment (``TopicTally``'s counts).
    /// The values once one outgrew `Narrow` (then `narrow` is unused).
    private var wide: [Wide]?
    private var narrow = InlineArray<count, Narrow>(repeating: 0)

    init() {}

    subscript(k: Int) -> Wide {
        @inline(__always) get {
            if let wide { return wide[k] }
            return Wide(narrow[k])
        }
        set {
            if wide == nil, let small = Narrow(exactly: newValue) { narrow[k] = small; return }
            widen()
            wide![k] = newValue
        }
    }

    /// Holds every value in `Wide` from now on.
    private mutating func widen() {
        guard wide == nil else { return }
        wide = (0..<count).map { Wide(narrow[$0]) }
    }

    /// Adds `delta` to value `k`, in `Narrow` while the sum fits.
    @inline(__always)
    mutating func add(_ k: Int, _ delta: Narrow) {
        if wide == nil {
            let (sum, overflow) = narrow[k].addingReportingOverflow(delta)
            if !overflow { narrow[k] = sum; return }
        }
        widen()
        wide![k] += Wide(delta)
    }

    mutating func merge(_ other: Self) {
        for k in 0..<count { self[k] = self[k] + other[k] }
    }

    static func == (a: Self, b: Self) -> Bool { (0..<count).allSatisfy { a[$0] == b[$0] } }
}

/// `count` exact sums in units of 2⁻⁵² (``ExactSum``): 64 bits each while they fit, else 128.
typealias CompactSums<let count: Int> = CompactIntegers<count, Int64, Int128>

/// `count` whole counts: 32 bits each while they fit, else `Int` (a ``TopicTally``'s counts).
typealias CompactCounts<let count: Int> = CompactIntegers<count, Int32, Int>

extension CompactIntegers where Narrow == Int64, Wide == Int128 {
    /// The sum `k` as an ``ExactSum``.
    func sum(_ k: Int) -> ExactSum { ExactSum(units: self[k]) }

    /// Adds `x` as ``ExactSum/add(_:)`` does: rounded to a whole number of units.
    @inline(__always)
    mutating func add(_ k: Int, _ x: Double) {
        let scaled = (x * ExactSum.scale).rounded()
        // |x| < 1024: a whole Int64 of units.
        if abs(scaled) < 0x1p62 { add(k, Int64(scaled)) } else { self[k] = self[k] + Int128(scaled) }
    }
}
