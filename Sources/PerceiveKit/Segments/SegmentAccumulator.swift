/// The dimensions summarized per segment: the three scores and `cx`.
public enum SummaryDimension: Int, Sendable, CaseIterable, Codable {
    case emotion, effort, success, cx
    public var name: String { ["emotion", "effort", "success", "cx"][rawValue] }
}

/// Three values stored inline: an array of three was a heap allocation of its own, several per
/// segment (86,000 segments: issue 15, item 6).
struct Three<Element: Sendable & Equatable>: Sendable, Equatable {
    var a: Element, b: Element, c: Element

    init(_ a: Element, _ b: Element, _ c: Element) { self.a = a; self.b = b; self.c = c }
    init(_ array: [Element]) { self.init(array[0], array[1], array[2]) }

    subscript(k: Int) -> Element {
        get { k == 0 ? a : k == 1 ? b : c }
        _modify {
            if k == 0 { yield &a } else if k == 1 { yield &b } else { yield &c }
        }
    }

    var array: [Element] { [a, b, c] }
}

extension Band {
    /// The side a segment counts the band on: 0 negative, 1 neutral, 2 positive.
    var side: Int { self < .neutral ? 0 : self == .neutral ? 1 : 2 }
}

/// Sufficient statistics of one dimension: count, exact sums of values and squares, and how
/// many values fell in the negative, neutral and positive bands.
public struct DimensionTally: Sendable, Equatable {
    public var n = 0
    /// The sum and the sum of squares, 8 bytes each while they fit (``CompactSums``): a
    /// segment keeps four tallies inline, and a run may keep hundreds of thousands of segments.
    private var sums = CompactSums<2>()
    var bandCounts = Three(0, 0, 0)
    public var sum: ExactSum {
        get { sums.sum(0) }
        set { sums[0] = newValue.units }
    }
    public var sumOfSquares: ExactSum {
        get { sums.sum(1) }
        set { sums[1] = newValue.units }
    }
    /// Negative, neutral, positive.
    public var bands: [Int] {
        get { bandCounts.array }
        set { bandCounts = Three(newValue) }
    }

    public init() {}

    mutating func add(_ x: Double, band: Band) {
        n += 1
        sums.add(0, x)
        sums.add(1, x * x)
        bandCounts[band.side] += 1
    }

    static func + (a: DimensionTally, b: DimensionTally) -> DimensionTally {
        var r = a
        r.n += b.n; r.sum = r.sum + b.sum; r.sumOfSquares = r.sumOfSquares + b.sumOfSquares
        for k in 0..<3 { r.bandCounts[k] += b.bandCounts[k] }
        return r
    }

    static func - (a: DimensionTally, b: DimensionTally) -> DimensionTally {
        var r = a
        r.n -= b.n; r.sum = r.sum - b.sum; r.sumOfSquares = r.sumOfSquares - b.sumOfSquares
        for k in 0..<3 { r.bandCounts[k] -= b.bandCounts[k] }
        return r
    }

    /// Mean, sample variance (n − 1), from the exact sums.
    public var mean: Double? { n > 0 ? sum.value / Double(n) : nil }
    public var variance: Double? {
        guard n > 1 else { return nil }
        let s = sum.value, q = sumOfSquares.value
        return max(0, (q - s * s / Double(n)) / Double(n - 1))
    }
}

/// How much one term drove a segment's scores: in how many comments it appeared, and the sum
/// of its shares (see ``CommentScore/share(of:)``) on the negative and positive side of
/// emotion, effort and success.
public struct DriverTally: Sendable, Equatable {
    public var comments = 0
    /// Sums of |share| of negative contributions (emotion, effort, success: 0…2), then of the
    /// positive ones (3…5), 8 bytes each while they fit (``CompactSums``): a segment keeps one
    /// tally per term its comments name.
    var sums = CompactSums<6>()
    /// Sum of |share| of negative contributions, per emotion, effort, success.
    public var negative: [ExactSum] {
        get { (0..<3).map { sums.sum($0) } }
        set { for k in 0..<3 { sums[k] = newValue[k].units } }
    }
    /// Sum of share of positive contributions, per emotion, effort, success.
    public var positive: [ExactSum] {
        get { (3..<6).map { sums.sum($0) } }
        set { for k in 0..<3 { sums[3 + k] = newValue[k].units } }
    }

    public init() {}

    /// Adds one contribution's share of dimension `d` (emotion, effort, success: 0…2).
    mutating func add(share: Double, dimension d: Int) {
        if share < 0 { sums.add(d, -share) } else { sums.add(3 + d, share) }
    }

    static func + (a: DriverTally, b: DriverTally) -> DriverTally {
        var r = a
        r.merge(b)
        return r
    }

    /// Adds `other` in place.
    mutating func merge(_ other: DriverTally) {
        comments += other.comments
        sums.merge(other.sums)
    }

    public var negativeTotal: Double { ExactSum(units: sums[0] + sums[1] + sums[2]).value }
    public var positiveTotal: Double { ExactSum(units: sums[3] + sums[4] + sums[5]).value }
}

/// A named emotion's tally: comments in which it appeared, and the sum of its intensities.
public struct EmotionTally: Sendable, Equatable {
    public var comments = 0
    private var sums = CompactSums<1>()
    /// The sum of the emotion's intensities (8 bytes while it fits, as ``DimensionTally``'s sums).
    public var intensity: ExactSum {
        get { sums.sum(0) }
        set { sums[0] = newValue.units }
    }
    public init() {}
    mutating func add(intensity x: Double) {
        comments += 1
        sums.add(0, x)
    }
    static func + (a: EmotionTally, b: EmotionTally) -> EmotionTally {
        var r = a
        r.comments += b.comments
        r.intensity = r.intensity + b.intensity
        return r
    }
}

/// What one scored comment adds to every segment it belongs to, computed once.
public struct CommentContribution: Sendable {
    var values: [Double?]
    var bands: [Band?]
    var cues: [Bool]
    var emotions: [(String, Double)]
    var drivers: [String: DriverTally]
    /// The topics the comment mentions, with their scores (empty when the scorer matches none).
    var topics: [TopicContribution]

    /// - Parameters:
    ///   - score: the comment's scores and evidence.
    ///   - lexicon: names the terms of lexicon evidence; rule-made evidence is named by its rule.
    public init(_ score: CommentScore, lexicon: Lexicon, parameters p: Parameters) {
        let s = score.scores
        values = [s.emotion, s.effort, s.success, s.cx]
        bands = [Band(s.emotion, p), s.effort.map { Band($0, p) }, s.success.map { Band($0, p) }, Band(s.cx, p)]
        cues = [s.emotionCount > 0, s.effortCount > 0, s.successCount > 0]
        emotions = s.emotions.map { ($0.name, $0.intensity) }
        var totals = [0.0, 0.0, 0.0]
        for e in score.evidence where e.dimension != .emotions { totals[e.dimension.order] += abs(e.contribution) }
        var drivers: [String: DriverTally] = [:]
        for e in score.evidence where e.dimension != .emotions {
            let d = e.dimension.order
            guard totals[d] > 0, e.contribution != 0 else { continue }
            let share = e.contribution * abs(e.contribution) / totals[d]
            let term = e.entry >= 0 ? lexicon.entries[Int(e.entry)].term : Self.ruleLabel(e.source)
            var tally = drivers[term] ?? { var t = DriverTally(); t.comments = 1; return t }()
            tally.add(share: share, dimension: d)
            drivers[term] = tally
        }
        self.drivers = drivers
        topics = (score.topics ?? []).map {
            TopicContribution(topic: $0.topic, emotion: $0.emotion, effort: $0.effort, success: $0.success, parameters: p)
        }
    }

    /// A contribution from given values (emotion, effort, success, cx), for tests and tools.
    init(values: [Double?], cues: [Bool], emotions: [(String, Double)] = [], drivers: [String: DriverTally] = [:],
         topics: [TopicContribution] = [], parameters p: Parameters) {
        self.values = values
        self.bands = values.map { $0.map { Band($0, p) } }
        self.cues = cues
        self.emotions = emotions
        self.drivers = drivers
        self.topics = topics
    }

    /// The driver name of a contribution a rule made up (not a lexicon term).
    static func ruleLabel(_ rule: RuleID) -> String {
        switch rule {
        case .duration: "waiting time"
        case .repeatedContact: "repeated contact"
        case .transfer: "transfers"
        case .resolution: "first-contact resolution"
        case .outcome: "goal outcome"
        case .verdict: "product verdict"
        case .blockedAction: "blocked actions"
        case .burden: "extra work"
        case .tone: "tone of outcome comments"
        case .serviceAction: "service actions done"
        case .unrealized: "outcomes not done yet"
        case .counterfactual: "what did not happen"
        default: rule.rawValue
        }
    }
}

/// The sufficient statistics of one segment: everything a summary needs, and nothing that
/// grows with the number of rows (counts, exact sums, sums of squares, emotion and driver
/// tallies, and the tallies of the topics its comments mention). Two accumulators merge by
/// adding, in any order, with identical results.
public struct SegmentAccumulator: Sendable, Equatable {
    /// Comments scored.
    public var n = 0
    var coverageCounts = Three(0, 0, 0)
    /// Per ``SummaryDimension``, inline (see ``Three``).
    var tallies = (Three(DimensionTally(), DimensionTally(), DimensionTally()), DimensionTally())
    /// Comments with at least one emotion, effort, success cue.
    public var coverage: [Int] {
        get { coverageCounts.array }
        set { coverageCounts = Three(newValue) }
    }
    /// Per ``SummaryDimension``.
    public var dimensions: [DimensionTally] {
        get { (0..<4).map(dimension) }
        set { for k in 0..<4 { setDimension(k, newValue[k]) } }
    }
    public var emotions: [String: EmotionTally] = [:]
    public var drivers: [String: DriverTally] = [:]
    /// The topics the segment's comments mention, sorted by topic (empty without topics).
    public var topics: [TopicTally] = []

    public init() {}

    /// The tally of ``SummaryDimension`` `k`, without making the array of ``dimensions``.
    func dimension(_ k: Int) -> DimensionTally { k < 3 ? tallies.0[k] : tallies.1 }

    private mutating func setDimension(_ k: Int, _ tally: DimensionTally) {
        if k < 3 { tallies.0[k] = tally } else { tallies.1 = tally }
    }

    public static func == (a: SegmentAccumulator, b: SegmentAccumulator) -> Bool {
        a.n == b.n && a.coverageCounts == b.coverageCounts && a.tallies.0 == b.tallies.0 && a.tallies.1 == b.tallies.1
            && a.emotions == b.emotions && a.drivers == b.drivers && a.topics == b.topics
    }

    /// Adds one comment; its topics too unless `includingTopics` is false (statistics without
    /// topics, ``SegmentStatistics/topics`` empty).
    public mutating func add(_ c: CommentContribution, includingTopics: Bool = true) {
        n += 1
        for k in 0..<3 where c.cues[k] { coverageCounts[k] += 1 }
        for k in 0..<4 {
            if let x = c.values[k], let band = c.bands[k] {
                if k < 3 { tallies.0[k].add(x, band: band) } else { tallies.1.add(x, band: band) }
            }
        }
        for (name, intensity) in c.emotions {
            emotions[name, default: EmotionTally()].add(intensity: intensity)
        }
        for (term, tally) in c.drivers { drivers[term, default: DriverTally()].merge(tally) }
        if includingTopics {
            for t in c.topics { topics.withTally(t.topic) { $0.add(t, comment: c.values) } }
        }
    }

    public mutating func merge(_ other: SegmentAccumulator) {
        n += other.n
        for k in 0..<3 { coverageCounts[k] += other.coverageCounts[k] }
        for k in 0..<4 { setDimension(k, dimension(k) + other.dimension(k)) }
        for (name, t) in other.emotions { emotions[name] = (emotions[name] ?? EmotionTally()) + t }
        for (term, t) in other.drivers { drivers[term, default: DriverTally()].merge(t) }
        for t in other.topics { topics.withTally(t.topic) { $0.merge(t) } }
    }
}
