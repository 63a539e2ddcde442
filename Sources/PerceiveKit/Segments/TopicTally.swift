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
/// 216 bytes: the 16 exact sums are held in 64 bits each (``TopicSums``) until one would
/// overflow (a value is at most 2⁵² units, so not before 2,048 comments), then all of them in
/// 128 bits on the heap, and the 17 counts in 32 bits each until one would not fit (then all in
/// 64 bits on the heap); the values are the same either way.
public struct TopicTally: Sendable, Equatable {
    /// The comments that mention the topic (0); n of the topic's own emotion, effort, success,
    /// cx (1…4); n of its comments' (5…8); how many of the topic's own scores are negative
    /// (9…12) and positive (13…16), per ``SummaryDimension``.
    private var counts = CompactCounts<17>()
    /// Index of the topic in ``SegmentStatistics/topics`` (after `counts`, in the 4 bytes its
    /// alignment would leave unused).
    public var topic: Int32
    /// Sum and sum of squares of each: own 0…7 (dimension k: 2k, 2k + 1), mentioning 8…15.
    var sums = TopicSums()

    /// Comments of the segment that mention the topic.
    public var comments: Int {
        get { counts[0] }
        set { counts[0] = newValue }
    }
    private func ownCount(_ k: Int) -> Int { counts[1 + k] }
    private func mentioningCount(_ k: Int) -> Int { counts[5 + k] }
    private func ownNegative(_ k: Int) -> Int { counts[9 + k] }
    private func ownPositive(_ k: Int) -> Int { counts[13 + k] }

    public init(topic: Int32) { self.topic = topic }

    /// The topic's scores of ``SummaryDimension`` `k`, over the comments that mention it and have that score.
    func ownMoments(_ k: Int) -> Moments {
        Moments(n: ownCount(k), sum: ExactSum(units: sums[2 * k]), sumOfSquares: ExactSum(units: sums[2 * k + 1]))
    }
    /// The comment scores of ``SummaryDimension`` `k` of the comments that mention it.
    func mentioningMoments(_ k: Int) -> Moments {
        Moments(n: mentioningCount(k), sum: ExactSum(units: sums[8 + 2 * k]), sumOfSquares: ExactSum(units: sums[9 + 2 * k]))
    }

    /// The topic's own scores of ``SummaryDimension`` `k` by band: negative, neutral, positive
    /// (they add up to its n).
    func ownBands(_ k: Int) -> [Int] { [ownNegative(k), ownCount(k) - ownNegative(k) - ownPositive(k), ownPositive(k)] }

    /// Negative, neutral and positive counts per dimension (``ownBands(_:)``); set checks nothing
    /// (the partials reader does).
    public var bands: [[Int]] {
        get { (0..<4).map(ownBands) }
        set {
            for (k, b) in newValue.enumerated() { counts[9 + k] = b[0]; counts[13 + k] = b[2] }
        }
    }

    public var own: [Moments] {
        get { (0..<4).map(ownMoments) }
        set { set(newValue, firstCount: 1, firstSum: 0) }
    }
    public var mentioning: [Moments] {
        get { (0..<4).map(mentioningMoments) }
        set { set(newValue, firstCount: 5, firstSum: 8) }
    }

    private mutating func set(_ moments: [Moments], firstCount: Int, firstSum: Int) {
        for (k, m) in moments.enumerated() {
            counts[firstCount + k] = m.n
            sums[firstSum + 2 * k] = m.sum.units
            sums[firstSum + 2 * k + 1] = m.sumOfSquares.units
        }
    }

    /// Adds one comment that mentions the topic: the topic's values and the comment's.
    mutating func add(_ t: TopicContribution, comment: [Double?]) {
        counts[0] += 1
        for k in 0..<4 {
            if let x = t.values[k] {
                counts[1 + k] += 1
                switch t.bands[k]?.side {
                case 0: counts[9 + k] += 1
                case 2: counts[13 + k] += 1
                default: break
                }
                sums.add(2 * k, x)
                sums.add(2 * k + 1, x * x)
            }
            if let x = comment[k] {
                counts[5 + k] += 1
                sums.add(8 + 2 * k, x)
                sums.add(9 + 2 * k, x * x)
            }
        }
    }

    mutating func merge(_ other: TopicTally) {
        for k in 0..<17 { counts[k] += other.counts[k] }
        sums.merge(other.sums)
    }
}

/// The 16 exact sums of a ``TopicTally``: own 0…7 (dimension k: 2k, 2k + 1), mentioning 8…15.
typealias TopicSums = CompactSums<16>

extension [TopicTally] {
    /// The tally of `topic`, made (in topic order) when missing: a segment keeps its topics in
    /// an array sorted by topic, a few entries mostly, with no hash table of its own.
    mutating func withTally(_ topic: Int32, _ body: (inout TopicTally) -> Void) {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].topic < topic { low = mid + 1 } else { high = mid }
        }
        if low == count || self[low].topic != topic {
            // Grown one at a time, not doubled: most segments mention a few topics, and a
            // doubled array's unused half was a third of the topics' memory.
            if count == capacity { reserveCapacity(count + 1) }
            insert(TopicTally(topic: topic), at: low)
        }
        body(&self[low])
    }
}
