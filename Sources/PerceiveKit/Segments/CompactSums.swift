/// `count` exact sums in units of 2⁻⁵² (``ExactSum``), held inline as 64-bit integers, or,
/// once one would overflow, all on the heap as 128-bit ones. Equal when the values are,
/// whichever way they are held. A segment keeps many of these (its drivers' and its topics'
/// sums), so 8 bytes a sum instead of 16 is what makes very many segments fit (issue 15,
/// item 6; issue 16).
struct CompactSums<let count: Int>: Sendable, Equatable {
    private var narrow = InlineArray<count, Int64>(repeating: 0)
    /// The sums once they outgrew 64 bits (then `narrow` is unused).
    private var wide: [Int128]?

    init() {}

    subscript(k: Int) -> Int128 {
        if let wide { return wide[k] }
        return Int128(narrow[k])
    }

    /// The sum `k` as an ``ExactSum``.
    func sum(_ k: Int) -> ExactSum { ExactSum(units: self[k]) }

    /// Holds every sum in 128 bits from now on.
    private mutating func widen() {
        guard wide == nil else { return }
        wide = (0..<count).map { self[$0] }
    }

    mutating func set(_ k: Int, _ units: Int128) {
        if wide == nil, let small = Int64(exactly: units) { narrow[k] = small; return }
        widen()
        wide![k] = units
    }

    /// Adds `x` as ``ExactSum/add(_:)`` does: rounded to a whole number of units.
    @inline(__always)
    mutating func add(_ k: Int, _ x: Double) {
        let scaled = (x * ExactSum.scale).rounded()
        if wide == nil, abs(scaled) < 0x1p62 {   // |x| < 1024: a whole Int64 of units
            let (sum, overflow) = narrow[k].addingReportingOverflow(Int64(scaled))
            if !overflow { narrow[k] = sum; return }
        }
        widen()
        wide![k] += Int128(scaled)
    }

    mutating func merge(_ other: CompactSums) {
        for k in 0..<count { set(k, self[k] + other[k]) }
    }

    static func == (a: CompactSums, b: CompactSums) -> Bool { (0..<count).allSatisfy { a[$0] == b[$0] } }
}

/// `count` whole counts held inline in 32 bits each, or, once one would leave that range, all
/// on the heap as `Int`: the same values either way (counts of a ``TopicTally``).
struct CompactCounts<let count: Int>: Sendable, Equatable {
    // `wide` first: a 4-byte field after the struct can fill the end of its 8-byte alignment.
    /// The counts once one outgrew 32 bits (then `narrow` is unused).
    private var wide: [Int]?
    private var narrow = InlineArray<count, Int32>(repeating: 0)

    init() {}

    subscript(k: Int) -> Int {
        get {
            if let wide { return wide[k] }
            return Int(narrow[k])
        }
        set {
            if wide == nil, let small = Int32(exactly: newValue) { narrow[k] = small; return }
            if wide == nil { wide = (0..<count).map { Int(narrow[$0]) } }
            wide![k] = newValue
        }
    }

    static func == (a: CompactCounts, b: CompactCounts) -> Bool { (0..<count).allSatisfy { a[$0] == b[$0] } }
}
