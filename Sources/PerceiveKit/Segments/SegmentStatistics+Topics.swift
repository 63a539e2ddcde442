/// One topic in one segment: how many of the segment's comments mention it, the topic's own
/// scores over them, how they differ from the comments without it, and its impact.
///
/// Per ``SummaryDimension``, `dimensions` holds the mean (with its interval) of the topic's
/// scores (``TopicScore``; cx from them as ``TopicContribution/cx(_:_:_:parameters:)`` makes
/// it) over the comments that mention it and have that score, and Welch's test of those
/// against the comment scores of the segment's comments that do not mention it ("the rest");
/// `shares` are those of the topic's scores that are negative, neutral and positive (of its n,
/// all 0 when n is 0). `difference` is there whenever both sides have a
/// mean; t, degrees of freedom and p when both have two values or more and some variance.
public struct TopicSummary: Sendable, Equatable {
    /// The topic's path ("delivery/shipping").
    public var topic: String
    /// Comments of the segment that mention the topic.
    public var n: Int
    /// n over the segment's comments (0 … 1).
    public var share: Double
    public var dimensions: [DimensionSummary]
    /// `share × (topic's mean cx − mean cx of the comments without it)`: how much the topic
    /// moves the segment's cx, negative where it pulls it down; nil when either side has no cx.
    public var impact: Double?
    /// The interval of the impact: share × the confidence interval of cx's difference from
    /// Welch's test (its degrees of freedom rounded down: a little wider), the share taken as
    /// fixed; nil without a test.
    public var impactLow: Double?
    public var impactHigh: Double?
    /// Fewer than ``SegmentParameters/smallSegmentSize`` comments mention it.
    public var smallN: Bool

    /// The order topics are listed in: by impact, the most negative first (what to fix first),
    /// those without an impact last; then by n, the most mentioned first; then by path.
    public static func byImpact(_ a: TopicSummary, _ b: TopicSummary) -> Bool {
        switch (a.impact, b.impact) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.n != b.n ? a.n > b.n : a.topic < b.topic
        }
    }
}

extension SegmentStatistics {
    /// One dimension of the topic of `tally` in the segment `cell`: the topic's scores against
    /// the comment scores of the segment's comments without the topic. Passes as in
    /// ``dimensionSummary(_:of:_:_:_:pass:)``.
    func topicDimensionSummary(_ d: SummaryDimension, _ tally: TopicTally, _ cell: SegmentAccumulator,
                               _ quantiles: inout TQuantiles, pass: SummaryPass) -> DimensionSummary {
        let own = tally.ownMoments(d.rawValue)
        let rest = cell.dimension(d.rawValue).moments - tally.mentioningMoments(d.rawValue)
        let shares = tally.ownBands(d.rawValue).map { own.n > 0 ? Double($0) / Double(own.n) : 0 }
        var s = DimensionSummary(dimension: d, n: own.n, mean: own.mean, standardDeviation: own.variance.map { $0.squareRoot() }, shares: shares)
        if pass == .summary, let mean = own.mean, let v = own.variance {
            let half = quantiles(own.n - 1) * (v / Double(own.n)).squareRoot()
            // Every score is in −1…1, so its mean is: a t-interval of a few values can reach
            // past that (n = 2 multiplies the spread by 12.7) and is cut to it.
            s.low = max(-1, mean - half)
            s.high = min(1, mean + half)
        }
        if let m1 = own.mean, rest.n > 0, let m2 = rest.mean {
            s.difference = m1 - m2
            if let v1 = own.variance, let v2 = rest.variance {
                let a = v1 / Double(own.n), b = v2 / Double(rest.n)
                if a + b > 0 {
                    let (t, df) = Self.welch(difference: m1 - m2, a, b, own.n, rest.n)
                    s.t = t
                    s.degreesOfFreedom = df
                    if pass == .tests { s.p = StudentT.twoSidedP(t, degreesOfFreedom: df) }
                }
            }
        }
        return s
    }

    /// The topics of `cell`, in topic order (``forEachSummary(_:_:)`` adds the p-values and
    /// sorts them by impact).
    func topicSummaries(_ cell: SegmentAccumulator, _ sp: SegmentParameters, _ quantiles: inout TQuantiles) -> [TopicSummary] {
        cell.topics.map { tally in
            let dimensions = SummaryDimension.allCases.map { topicDimensionSummary($0, tally, cell, &quantiles, pass: .summary) }
            let share = cell.n > 0 ? Double(tally.comments) / Double(cell.n) : 0
            let path = topics.indices.contains(Int(tally.topic)) ? topics[Int(tally.topic)] : "\(tally.topic)"
            let k = SummaryDimension.cx.rawValue, cx = dimensions[k]
            var summary = TopicSummary(topic: path, n: tally.comments, share: share, dimensions: dimensions,
                                       impact: cx.difference.map { share * $0 }, smallN: tally.comments < sp.smallSegmentSize)
            let own = tally.ownMoments(k), rest = cell.dimension(k).moments - tally.mentioningMoments(k)
            if let difference = cx.difference, let df = cx.degreesOfFreedom, let v1 = own.variance, let v2 = rest.variance {
                let half = quantiles(max(1, Int(df))) * (v1 / Double(own.n) + v2 / Double(rest.n)).squareRoot()
                summary.impactLow = share * (difference - half)
                summary.impactHigh = share * (difference + half)
            }
            return summary
        }
    }
}
