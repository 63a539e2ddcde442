/// Four values stored inline, one per ``SummaryDimension`` (see ``Three``).
struct Four<Element: Sendable & Equatable>: Sendable, Equatable {
    var a: Element, b: Element, c: Element, d: Element

    init(_ a: Element, _ b: Element, _ c: Element, _ d: Element) { self.a = a; self.b = b; self.c = c; self.d = d }
    init(repeating x: Element) { self.init(x, x, x, x) }
    init(_ array: [Element]) { self.init(array[0], array[1], array[2], array[3]) }

    subscript(k: Int) -> Element {
        get { k == 0 ? a : k == 1 ? b : k == 2 ? c : d }
        _modify {
            if k == 0 { yield &a } else if k == 1 { yield &b } else if k == 2 { yield &c } else { yield &d }
        }
    }

    var array: [Element] { [a, b, c, d] }
}

/// Count, exact sum and exact sum of squares of some values: what a mean, its interval and
/// Welch's test need (a ``DimensionTally`` without band counts, 24 bytes less per value kept).
public struct Moments: Sendable, Equatable {
    public var n = 0
    public var sum = ExactSum()
    public var sumOfSquares = ExactSum()

    public init() {}
    public init(n: Int, sum: ExactSum, sumOfSquares: ExactSum) { self.n = n; self.sum = sum; self.sumOfSquares = sumOfSquares }

    mutating func add(_ x: Double) {
        n += 1
        sum.add(x)
        sumOfSquares.add(x * x)
    }

    static func + (a: Moments, b: Moments) -> Moments { Moments(n: a.n + b.n, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares) }
    static func - (a: Moments, b: Moments) -> Moments { Moments(n: a.n - b.n, sum: a.sum - b.sum, sumOfSquares: a.sumOfSquares - b.sumOfSquares) }

    /// Mean, sample variance (n − 1), from the exact sums, as ``DimensionTally`` computes them.
    public var mean: Double? { n > 0 ? sum.value / Double(n) : nil }
    public var variance: Double? {
        guard n > 1 else { return nil }
        let s = sum.value, q = sumOfSquares.value
        return max(0, (q - s * s / Double(n)) / Double(n - 1))
    }
}

extension DimensionTally {
    /// The count and sums without the band counts.
    var moments: Moments { Moments(n: n, sum: sum, sumOfSquares: sumOfSquares) }
}

/// What one topic adds to a segment for one comment that mentions it: the topic's own scores
/// (``TopicScore``: emotion, effort, success, nil where no evidence is attributed to it) and its
/// cx, made from them as a comment's cx is made from the comment's (``TopicContribution/cx(_:_:_:parameters:)``).
public struct TopicContribution: Sendable, Equatable {
    /// Index of the topic in the taxonomy's ``TopicTaxonomy/topics``.
    public var topic: Int32
    /// Emotion, effort, success, cx (per ``SummaryDimension``), nil where the topic has none.
    var values: Four<Double?>
    /// The band of each value (nil where the value is), as ``CommentContribution`` keeps a
    /// comment's: computed once, added to every segment the comment is in.
    var bands: Four<Band?>

    public init(topic: Int32, emotion: Double?, effort: Double?, success: Double?, parameters p: Parameters) {
        self.topic = topic
        values = Four(emotion, effort, success, Self.cx(emotion, effort, success, parameters: p))
        bands = Four(repeating: nil)
        for k in 0..<4 { bands[k] = values[k].map { Band($0, p) } }
    }

    /// A topic's cx: the weighted mean (``Parameters/cxEmotionWeight``, ``Parameters/cxEffortWeight``,
    /// ``Parameters/cxSuccessWeight``) of those of its emotion, effort and success that are not
    /// nil, as ``Scores/cx`` is made for a comment; nil when all three are (a comment's cx is 0
    /// then, as its emotion is: a topic mentioned without opinion has none).
    public static func cx(_ emotion: Double?, _ effort: Double?, _ success: Double?, parameters p: Parameters) -> Double? {
        var weighted = 0.0, weights = 0.0
        if let emotion { weighted += p.cxEmotionWeight * emotion; weights += p.cxEmotionWeight }
        if let effort { weighted += p.cxEffortWeight * effort; weights += p.cxEffortWeight }
        if let success { weighted += p.cxSuccessWeight * success; weights += p.cxSuccessWeight }
        return weights > 0 ? weighted / weights : nil
    }
}

/// The sufficient statistics of one topic in one segment: the comments that mention it, the
/// moments of the topic's own scores over them (``own``), and the moments of those comments'
/// own scores (``mentioning``), which taken from the segment's give the comments without the
/// topic ("the rest"). Kept only for topics a segment's comments mention.
///
/// It also counts, per dimension, the topic's negative and positive scores (neutral: the rest
/// of its n), for the shares a segment's own dimensions show.
///
/// 280 bytes: the 16 exact sums are held in 64 bits each (``TopicSums``) until one would
/// overflow (a value is at most 2⁵² units, so not before 2,048 comments), then all of them in
/// 128 bits on the heap; the values are the same either way (``ExactSum``'s units).
public struct TopicTally: Sendable, Equatable {
    /// Index of the topic in ``SegmentStatistics/topics``.
    public var topic: Int32
    /// Comments of the segment that mention the topic.
    public var comments = 0
    /// n of the topic's own emotion, effort, success, cx; then of its comments' (per ``SummaryDimension``).
    var ownCounts = Four(repeating: 0)
    var mentioningCounts = Four(repeating: 0)
    /// Sum and sum of squares of each: own 0…7 (dimension k: 2k, 2k + 1), mentioning 8…15.
    var sums = TopicSums()
    /// How many of the topic's own scores of each dimension are negative, and how many positive.
    var ownNegative = Four(repeating: 0)
    var ownPositive = Four(repeating: 0)

    public init(topic: Int32) { self.topic = topic }

    /// The topic's scores of ``SummaryDimension`` `k`, over the comments that mention it and have that score.
    func ownMoments(_ k: Int) -> Moments {
        Moments(n: ownCounts[k], sum: ExactSum(units: sums[2 * k]), sumOfSquares: ExactSum(units: sums[2 * k + 1]))
    }
    /// The comment scores of ``SummaryDimension`` `k` of the comments that mention it.
    func mentioningMoments(_ k: Int) -> Moments {
        Moments(n: mentioningCounts[k], sum: ExactSum(units: sums[8 + 2 * k]), sumOfSquares: ExactSum(units: sums[9 + 2 * k]))
    }

    /// The topic's own scores of ``SummaryDimension`` `k` by band: negative, neutral, positive
    /// (they add up to its n).
    func ownBands(_ k: Int) -> [Int] { [ownNegative[k], ownCounts[k] - ownNegative[k] - ownPositive[k], ownPositive[k]] }

    /// Negative, neutral and positive counts per dimension (``ownBands(_:)``); set checks nothing
    /// (the partials reader does).
    public var bands: [[Int]] {
        get { (0..<4).map(ownBands) }
        set {
            for (k, b) in newValue.enumerated() { ownNegative[k] = b[0]; ownPositive[k] = b[2] }
        }
    }

    public var own: [Moments] {
        get { (0..<4).map(ownMoments) }
        set { set(newValue, counts: \.ownCounts, first: 0) }
    }
    public var mentioning: [Moments] {
        get { (0..<4).map(mentioningMoments) }
        set { set(newValue, counts: \.mentioningCounts, first: 8) }
    }

    private mutating func set(_ moments: [Moments], counts: WritableKeyPath<TopicTally, Four<Int>>, first: Int) {
        for (k, m) in moments.enumerated() {
            self[keyPath: counts][k] = m.n
            sums.set(first + 2 * k, m.sum.units)
            sums.set(first + 2 * k + 1, m.sumOfSquares.units)
        }
    }

    /// Adds one comment that mentions the topic: the topic's values and the comment's.
    mutating func add(_ t: TopicContribution, comment: [Double?]) {
        comments += 1
        for k in 0..<4 {
            if let x = t.values[k] {
                ownCounts[k] += 1
                switch t.bands[k]?.side {
                case 0: ownNegative[k] += 1
                case 2: ownPositive[k] += 1
                default: break
                }
                sums.add(2 * k, x)
                sums.add(2 * k + 1, x * x)
            }
            if let x = comment[k] {
                mentioningCounts[k] += 1
                sums.add(8 + 2 * k, x)
                sums.add(9 + 2 * k, x * x)
            }
        }
    }

    mutating func merge(_ other: TopicTally) {
        comments += other.comments
        for k in 0..<4 {
            ownCounts[k] += other.ownCounts[k]
            ownNegative[k] += other.ownNegative[k]
            ownPositive[k] += other.ownPositive[k]
            mentioningCounts[k] += other.mentioningCounts[k]
        }
        sums.merge(other.sums)
    }
}

/// The 16 exact sums of a ``TopicTally``, in units of 2⁻⁵² (``ExactSum``): inline as 64-bit
/// integers, or, once one would overflow, all on the heap as 128-bit ones. Equal when the
/// values are, whichever way they are held.
struct TopicSums: Sendable, Equatable {
    typealias Narrow = (Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64,
                        Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64)
    private var narrow: Narrow = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    /// The sums once they outgrew 64 bits (then `narrow` is unused).
    private var wide: [Int128]?

    static let count = 16

    subscript(k: Int) -> Int128 {
        if let wide { return wide[k] }
        return Int128(withUnsafeBytes(of: narrow) { $0.load(fromByteOffset: k * 8, as: Int64.self) })
    }

    private mutating func setNarrow(_ k: Int, _ value: Int64) {
        withUnsafeMutableBytes(of: &narrow) { $0.storeBytes(of: value, toByteOffset: k * 8, as: Int64.self) }
    }

    /// Holds every sum in 128 bits from now on.
    private mutating func widen() {
        guard wide == nil else { return }
        wide = (0..<Self.count).map { self[$0] }
    }

    mutating func set(_ k: Int, _ units: Int128) {
        if wide == nil, let small = Int64(exactly: units) { return setNarrow(k, small) }
        widen()
        wide![k] = units
    }

    /// Adds `x` as ``ExactSum/add(_:)`` does: rounded to a whole number of units.
    mutating func add(_ k: Int, _ x: Double) {
        let units = Int64((x * ExactSum.scale).rounded())  // |x| ≤ 1: at most 2⁵² units
        if wide == nil {
            let (sum, overflow) = Int64(truncatingIfNeeded: self[k]).addingReportingOverflow(units)
            if !overflow { return setNarrow(k, sum) }
            widen()
        }
        wide![k] += Int128(units)
    }

    mutating func merge(_ other: TopicSums) {
        for k in 0..<Self.count { set(k, self[k] + other[k]) }
    }

    static func == (a: TopicSums, b: TopicSums) -> Bool { (0..<count).allSatisfy { a[$0] == b[$0] } }
}

extension [TopicTally] {
    /// The tally of `topic`, made (in topic order) when missing: a segment keeps its topics in
    /// an array sorted by topic, a few entries mostly, with no hash table of its own.
    mutating func withTally(_ topic: Int32, _ body: (inout TopicTally) -> Void) {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].topic < topic { low = mid + 1 } else { high = mid }
        }
        if low == count || self[low].topic != topic { insert(TopicTally(topic: topic), at: low) }
        body(&self[low])
    }
}
