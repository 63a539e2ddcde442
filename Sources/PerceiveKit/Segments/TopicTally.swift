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

    public init(topic: Int32, emotion: Double?, effort: Double?, success: Double?, parameters p: Parameters) {
        self.topic = topic
        values = Four(emotion, effort, success, Self.cx(emotion, effort, success, parameters: p))
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
/// topic ("the rest"). 400 bytes, kept only for topics a segment's comments mention.
public struct TopicTally: Sendable, Equatable {
    /// Index of the topic in ``SegmentStatistics/topics``.
    public var topic: Int32
    /// Comments of the segment that mention the topic.
    public var comments = 0
    /// The topic's scores, per ``SummaryDimension``, over the comments that mention it and
    /// have that score.
    var ownMoments = Four(repeating: Moments())
    /// The comment scores of the comments that mention it, per ``SummaryDimension``.
    var mentioningMoments = Four(repeating: Moments())

    public init(topic: Int32) { self.topic = topic }

    public var own: [Moments] {
        get { ownMoments.array }
        set { ownMoments = Four(newValue) }
    }
    public var mentioning: [Moments] {
        get { mentioningMoments.array }
        set { mentioningMoments = Four(newValue) }
    }

    /// Adds one comment that mentions the topic: the topic's values and the comment's.
    mutating func add(_ topicValues: Four<Double?>, comment: [Double?]) {
        comments += 1
        for k in 0..<4 {
            if let x = topicValues[k] { ownMoments[k].add(x) }
            if let x = comment[k] { mentioningMoments[k].add(x) }
        }
    }

    mutating func merge(_ other: TopicTally) {
        comments += other.comments
        for k in 0..<4 {
            ownMoments[k] = ownMoments[k] + other.ownMoments[k]
            mentioningMoments[k] = mentioningMoments[k] + other.mentioningMoments[k]
        }
    }
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
