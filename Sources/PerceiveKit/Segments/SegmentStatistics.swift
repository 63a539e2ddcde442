import Foundation

/// Identifies one segment: the text column, the grouping (which `by` columns) and their values.
public struct SegmentKey: Sendable, Hashable, Comparable {
    public var column: Int
    public var grouping: Int
    public var values: [String]

    public static func < (a: SegmentKey, b: SegmentKey) -> Bool {
        if a.column != b.column { return a.column < b.column }
        if a.grouping != b.grouping { return a.grouping < b.grouping }
        return a.values.lexicographicallyPrecedes(b.values)
    }
}

/// Per-segment statistics of scored comments, accumulated in one pass and mergeable.
///
/// Groupings: overall, each `by` column alone, and (with two or more) all of them combined.
/// With several text columns, every text column has its own set. With ``topics``, every
/// segment also keeps the statistics of each topic its comments mention. Sums are exact
/// (``ExactSum``), so accumulating rows in any order or merging partials gives identical
/// results.
public struct SegmentStatistics: Sendable, Equatable {
    public var textColumns: [String]
    public var byColumns: [String]
    /// Indexes into `byColumns` of each grouping; the first is overall (empty).
    public var groupings: [[Int]]
    public var lexicon: String
    public var neutralBand: Double
    /// Rows read and rows with errors (not scored).
    public var rowsRead = 0
    public var rowErrors = 0
    public var cells: [SegmentKey: SegmentAccumulator] = [:]
    /// The paths of the topics whose statistics each segment keeps (the taxonomy's
    /// ``TopicTaxonomy/topics``, in its order); empty: no topic statistics.
    public var topics: [String] = []
    /// The taxonomy's name and version ("en-cx 1.0.0"); nil without topics.
    public var taxonomy: String?

    /// - Parameter topics: the taxonomy of the scorer whose comments are added, to keep topic
    ///   statistics per segment; nil: none (a comment's topics are then left out).
    public init(textColumns: [String], byColumns: [String], lexicon: String, parameters: Parameters, topics: TopicTaxonomy? = nil) {
        self.textColumns = textColumns
        self.byColumns = byColumns
        self.lexicon = lexicon
        self.neutralBand = parameters.neutralBand
        if let topics {
            self.topics = topics.topics
            self.taxonomy = "\(topics.name) \(topics.version)"
        }
        var groupings: [[Int]] = [[]]
        for k in byColumns.indices { groupings.append([k]) }
        if byColumns.count > 1 { groupings.append(Array(byColumns.indices)) }
        self.groupings = groupings
    }

    /// Adds one scored comment of text column `column` with the row's `by` values.
    public mutating func add(_ contribution: CommentContribution, column: Int, segments: [String]) {
        for (g, grouping) in groupings.enumerated() {
            let key = SegmentKey(column: column, grouping: g, values: grouping.map { segments[$0] })
            cells[key, default: SegmentAccumulator()].add(contribution, includingTopics: !topics.isEmpty)
        }
    }

    /// Adds another run's statistics (same columns and groupings).
    public mutating func merge(_ other: SegmentStatistics) {
        rowsRead += other.rowsRead
        rowErrors += other.rowErrors
        for (key, accumulator) in other.cells { cells[key, default: SegmentAccumulator()].merge(accumulator) }
    }

    /// Whether `other` can be merged into this (same columns, groupings, lexicon, bands and
    /// topics).
    public func isCompatible(with other: SegmentStatistics) -> Bool {
        textColumns == other.textColumns && byColumns == other.byColumns && groupings == other.groupings
            && lexicon == other.lexicon && neutralBand == other.neutralBand && hasTheTopics(of: other)
    }

    /// Whether `other` keeps the same topics of the same taxonomy (or, like this, none).
    public func hasTheTopics(of other: SegmentStatistics) -> Bool { topics == other.topics && taxonomy == other.taxonomy }
}

// MARK: - Summary

/// One dimension of one segment: n, mean with its confidence interval, band shares, and
/// Welch's test against the rest of the data.
public struct DimensionSummary: Sendable, Equatable {
    public var dimension: SummaryDimension
    public var n: Int
    public var mean: Double?
    public var standardDeviation: Double?
    /// Confidence interval (t-based, ``SegmentParameters/confidence``, cut to −1…1); nil below n = 2.
    public var low: Double?
    public var high: Double?
    /// Shares of negative, neutral and positive values (0 … 1).
    public var shares: [Double]
    /// Segment mean minus the rest's mean, Welch's t, its degrees of freedom, the two-sided
    /// p-value and the Benjamini–Hochberg adjusted p-value; nil for "overall" or when either
    /// side has fewer than 2 values.
    public var difference: Double?
    public var t: Double?
    public var degreesOfFreedom: Double?
    public var p: Double?
    public var adjustedP: Double?
}

public struct DriverSummary: Sendable, Equatable {
    public var term: String
    public var comments: Int
    /// Total share per emotion, effort, success (negative side: as negative numbers).
    public var byDimension: [Double]
    public var total: Double
}

public struct EmotionSummary: Sendable, Equatable {
    public var name: String
    public var comments: Int
    /// Share of the segment's comments in which it appears.
    public var share: Double
    public var meanIntensity: Double
}

/// Everything said about one segment.
public struct SegmentSummary: Sendable, Equatable {
    public var column: String
    /// Names of the `by` columns of this segment's grouping (empty: overall) and their values.
    public var by: [String]
    public var values: [String]
    public var n: Int
    /// Comments with an emotion, effort, success cue.
    public var coverage: [Int]
    public var dimensions: [DimensionSummary]
    public var emotions: [EmotionSummary]
    public var negativeDrivers: [DriverSummary]
    public var positiveDrivers: [DriverSummary]
    public var smallN: Bool
    /// The topics the segment's comments mention, by impact (see ``TopicSummary``); empty
    /// without topic statistics.
    public var topics: [TopicSummary] = []

    /// "Region=North, Channel=phone", or "overall".
    public var label: String {
        by.isEmpty ? "overall" : zip(by, values).map { "\($0)=\($1.isEmpty ? "(blank)" : $1)" }.joined(separator: ", ")
    }
}

/// The summary of a whole run.
public struct SegmentReport: Sendable, Equatable {
    public var textColumns: [String]
    public var byColumns: [String]
    public var rowsRead: Int
    public var rowErrors: Int
    public var parameters: SegmentParameters
    public var segments: [SegmentSummary]
    /// The topics of ``SegmentStatistics/topics`` (empty: no topic statistics) and their taxonomy.
    public var topics: [String] = []
    public var taxonomy: String?
}

extension SegmentStatistics {
    /// Computes the summary: means, intervals, shares, emotions, drivers, and Welch's test of
    /// each segment against the rest of its text column, with Benjamini–Hochberg adjustment
    /// over all the tests reported.
    public func summary(_ sp: SegmentParameters = .standard) -> SegmentReport {
        var report = reportHeader(sp)
        forEachSummary(sp) { report.segments.append($0) }
        return report
    }

    /// The report without its segments: the columns, rows and parameters a formatter writes
    /// around them.
    public func reportHeader(_ sp: SegmentParameters = .standard) -> SegmentReport {
        SegmentReport(textColumns: textColumns, byColumns: byColumns, rowsRead: rowsRead, rowErrors: rowErrors,
                      parameters: sp, segments: [], topics: topics, taxonomy: taxonomy)
    }

    /// Hands each segment's summary to `body`, in the order of ``summary(_:)``, making one at a
    /// time: memory for one summary, not for all of them (86,000 segments held as a report and
    /// written as one string took `segments` past 1 GB: issue 15, item 6). Two passes over the
    /// segments: the first finds every test's p-value for the Benjamini–Hochberg adjustment,
    /// the second makes the summaries. The tests of topics against the rest of their segment
    /// are adjusted as a family of their own, so that the segments' adjusted p-values are the
    /// same with topics and without.
    ///
    /// - Complexity: O(s log s) for s segments; memory O(s) for the p-values and the order.
    public func forEachSummary(_ sp: SegmentParameters = .standard, _ body: (SegmentSummary) throws -> Void) rethrows {
        try forEachSummary(summaryOrder(sp), sp, body)
    }

    /// The first pass of ``forEachSummary(_:_:)``, made once for a writer that goes over the
    /// segments more than once: the segments in summary order, and every test's p-value and
    /// adjusted p-value, in that order.
    func summaryOrder(_ sp: SegmentParameters) -> SummaryOrder {
        let keys = cells.keys.sorted()
        var quantiles = TQuantiles(confidence: sp.confidence)
        var pValues: [Double] = []
        var topicP: [Double] = []
        for key in keys {
            let (cell, overall) = cellAndOverall(key)
            for d in SummaryDimension.allCases {
                if let p = dimensionSummary(d, of: key, cell, overall, &quantiles, pass: .tests).p { pValues.append(p) }
            }
            for tally in cell.topics {
                for d in SummaryDimension.allCases {
                    if let p = topicDimensionSummary(d, tally, cell, &quantiles, pass: .tests).p { topicP.append(p) }
                }
            }
        }
        return SummaryOrder(keys: keys, p: pValues, adjustedP: benjaminiHochbergAdjusted(pValues),
                            topicP: topicP, topicAdjustedP: benjaminiHochbergAdjusted(topicP))
    }

    struct SummaryOrder {
        var keys: [SegmentKey]
        var p: [Double]
        var adjustedP: [Double]
        /// The topics' tests, segment by segment, each segment's topics in topic order.
        var topicP: [Double] = []
        var topicAdjustedP: [Double] = []
    }

    /// The second pass of ``forEachSummary(_:_:)``: the p-values come from the first.
    func forEachSummary(_ order: SummaryOrder, _ sp: SegmentParameters, _ body: (SegmentSummary) throws -> Void) rethrows {
        var quantiles = TQuantiles(confidence: sp.confidence)
        var next = 0, nextTopic = 0
        for key in order.keys {
            var summary = segmentSummary(key, sp, &quantiles)
            for d in summary.dimensions.indices where summary.dimensions[d].t != nil {
                summary.dimensions[d].p = order.p[next]
                summary.dimensions[d].adjustedP = order.adjustedP[next]
                next += 1
            }
            for t in summary.topics.indices {
                for d in summary.topics[t].dimensions.indices where summary.topics[t].dimensions[d].t != nil {
                    summary.topics[t].dimensions[d].p = order.topicP[nextTopic]
                    summary.topics[t].dimensions[d].adjustedP = order.topicAdjustedP[nextTopic]
                    nextTopic += 1
                }
            }
            summary.topics.sort(by: TopicSummary.byImpact)
            try body(summary)
        }
    }

    /// Student's t quantiles for the intervals, by degrees of freedom, each computed once (a
    /// bisection of about fifty incomplete-beta evaluations; most segments share a few sizes).
    struct TQuantiles {
        let confidence: Double
        var byDegrees: [Int: Double] = [:]
        mutating func callAsFunction(_ df: Int) -> Double {
            if let q = byDegrees[df] { return q }
            let q = StudentT.quantile(confidence: confidence, degreesOfFreedom: Double(df))
            byDegrees[df] = q
            return q
        }
    }

    /// The passes of ``forEachSummary(_:_:)``: the tests' p-values, then the summaries.
    enum SummaryPass { case tests, summary }

    /// One dimension of the segment at `key`: n, mean and interval, shares, and Welch's test
    /// against the rest of its text column (not for "overall"): difference, t and degrees of
    /// freedom; no adjusted p-value. In the `.tests` pass, the p-value and no interval; in the
    /// `.summary` pass, the interval and no p-value (it comes from the first pass).
    private func dimensionSummary(_ d: SummaryDimension, of key: SegmentKey, _ cell: SegmentAccumulator, _ overall: SegmentAccumulator,
                                  _ quantiles: inout TQuantiles, pass: SummaryPass) -> DimensionSummary {
        let tally = cell.dimension(d.rawValue)
        var s = DimensionSummary(dimension: d, n: tally.n, mean: tally.mean, standardDeviation: tally.variance.map { $0.squareRoot() },
                                 shares: tally.bands.map { tally.n > 0 ? Double($0) / Double(tally.n) : 0 })
        if pass == .summary, let mean = tally.mean, let v = tally.variance {
            let half = quantiles(tally.n - 1) * (v / Double(tally.n)).squareRoot()
            // Every score is in −1…1, so its mean is: a t-interval of a few values can reach
            // past that (n = 2 multiplies the spread by 12.7) and is cut to it.
            s.low = max(-1, mean - half)
            s.high = min(1, mean + half)
        }
        if key.grouping != 0 {
            let rest = overall.dimension(d.rawValue) - tally
            if let m1 = tally.mean, let v1 = tally.variance, let m2 = rest.mean, let v2 = rest.variance {
                let a = v1 / Double(tally.n), b = v2 / Double(rest.n)
                s.difference = m1 - m2
                if a + b > 0 {
                    let (t, df) = Self.welch(difference: m1 - m2, a, b, tally.n, rest.n)
                    s.t = t
                    s.degreesOfFreedom = df
                    if pass == .tests { s.p = StudentT.twoSidedP(t, degreesOfFreedom: df) }
                }
            }
        }
        return s
    }

    /// The segment at `key`, and the overall segment of its text column (itself when missing).
    private func cellAndOverall(_ key: SegmentKey) -> (SegmentAccumulator, SegmentAccumulator) {
        let cell = cells[key]!
        return (cell, cells[SegmentKey(column: key.column, grouping: 0, values: [])] ?? cell)
    }

    /// Welch's t and its degrees of freedom (Welch–Satterthwaite) for a difference of means,
    /// from a = s₁²/n₁ and b = s₂²/n₂ (a + b > 0, both n ≥ 2).
    static func welch(difference: Double, _ a: Double, _ b: Double, _ n1: Int, _ n2: Int) -> (t: Double, df: Double) {
        (difference / (a + b).squareRoot(), (a + b) * (a + b) / (a * a / Double(n1 - 1) + b * b / Double(n2 - 1)))
    }

    /// The summary of the segment at `key`, without p-values.
    private func segmentSummary(_ key: SegmentKey, _ sp: SegmentParameters, _ quantiles: inout TQuantiles) -> SegmentSummary {
        let (cell, overall) = cellAndOverall(key)
        let dims = SummaryDimension.allCases.map { dimensionSummary($0, of: key, cell, overall, &quantiles, pass: .summary) }
        let emotions = cell.emotions.map { name, t in
            EmotionSummary(name: name, comments: t.comments, share: cell.n > 0 ? Double(t.comments) / Double(cell.n) : 0,
                           meanIntensity: t.comments > 0 ? t.intensity.value / Double(t.comments) : 0)
        }.sorted { $0.comments != $1.comments ? $0.comments > $1.comments : $0.name < $1.name }
        func drivers(negative: Bool) -> [DriverSummary] {
            cell.drivers.compactMap { term, t -> DriverSummary? in
                let parts = (negative ? t.negative : t.positive).map { negative ? -$0.value : $0.value }
                let total = parts.reduce(0, +)
                return total == 0 ? nil : DriverSummary(term: term, comments: t.comments, byDimension: parts, total: total)
            }
            .sorted { abs($0.total) != abs($1.total) ? abs($0.total) > abs($1.total) : $0.term < $1.term }
            .prefix(sp.topDrivers).map { $0 }
        }
        let grouping = groupings[key.grouping]
        return SegmentSummary(
            column: textColumns[key.column], by: grouping.map { byColumns[$0] }, values: key.values, n: cell.n,
            coverage: cell.coverage, dimensions: dims, emotions: emotions,
            negativeDrivers: drivers(negative: true), positiveDrivers: drivers(negative: false),
            smallN: cell.n < sp.smallSegmentSize, topics: topicSummaries(cell, sp, &quantiles))
    }
}

// MARK: - Partials

extension SegmentStatistics {
    /// Name and version of the partials format (see `docs/segment-partials.md`): version 3
    /// adds topics to version 1 (version 2 had them without their band counts: refused, as
    /// its topics' shares cannot be made). Statistics without topics are written as version 1,
    /// the same bytes as before topics, so that older builds still read them.
    public static let partialsFormat = "perceive-segment-partials"
    public static let partialsVersion = 3
    static let partialsVersionWithoutTopics = 1

    /// The statistics as NDJSON lines: a header line, then one line per segment.
    public func partialLines() -> [String] {
        func strings(_ a: [String]) -> String { "[" + a.map(JSONText.string).joined(separator: ",") + "]" }
        func moments(_ m: Moments) -> String { "[\(m.n),\"\(m.sum)\",\"\(m.sumOfSquares)\"]" }
        let version = topics.isEmpty ? Self.partialsVersionWithoutTopics : Self.partialsVersion
        let topicHeader = topics.isEmpty ? "" : ",\"taxonomy\":\(JSONText.string(taxonomy ?? "")),\"topics\":\(strings(topics))"
        var lines = ["{\"format\":\"\(Self.partialsFormat)\",\"version\":\(version),\"scale\":\"2^52\",\"lexicon\":\(JSONText.string(lexicon)),\"neutralBand\":\(neutralBand),\"columns\":\(strings(textColumns)),\"by\":\(strings(byColumns)),\"groupings\":[\(groupings.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ","))],\"rows\":\(rowsRead),\"rowErrors\":\(rowErrors)\(topicHeader)}"]
        for key in cells.keys.sorted() {
            let c = cells[key]!
            var line = "{\"column\":\(key.column),\"grouping\":\(key.grouping),\"values\":\(strings(key.values)),\"n\":\(c.n),\"coverage\":[\(c.coverage.map(String.init).joined(separator: ","))],\"dimensions\":["
            line += c.dimensions.map { "{\"n\":\($0.n),\"sum\":\"\($0.sum)\",\"sumOfSquares\":\"\($0.sumOfSquares)\",\"bands\":[\($0.bands.map(String.init).joined(separator: ","))]}" }.joined(separator: ",")
            line += "],\"emotions\":{"
            line += c.emotions.keys.sorted().map { name in
                let t = c.emotions[name]!
                return "\(JSONText.string(name)):[\(t.comments),\"\(t.intensity)\"]"
            }.joined(separator: ",")
            line += "},\"drivers\":{"
            line += c.drivers.keys.sorted().map { term in
                let t = c.drivers[term]!
                return "\(JSONText.string(term)):[\(t.comments)," + (t.negative + t.positive).map { "\"\($0)\"" }.joined(separator: ",") + "]"
            }.joined(separator: ",")
            line += "}"
            if !topics.isEmpty {
                line += ",\"topics\":{" + c.topics.map { t in
                    "\(JSONText.string(topics[Int(t.topic)])):{\"n\":\(t.comments),\"topic\":[\(t.own.map(moments).joined(separator: ","))],"
                        + "\"comment\":[\(t.mentioning.map(moments).joined(separator: ","))],"
                        + "\"bands\":[\(t.bands.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ","))]}"
                }.joined(separator: ",") + "}"
            }
            lines.append(line + "}")
        }
        return lines
    }

    /// The most comments a segment may count (2⁵³, the integers a JSON number holds exactly),
    /// and the largest sum a partials file may carry (2¹⁰⁰ units): within these, merging never
    /// overflows.
    static let maximumCount = 1 << 53
    static let maximumSumUnits = Int128(1) << 100

    /// What is out of range in `cell` (every count within 0 … its n, n within 0 … 2⁵³ also
    /// after merging into `existing`, every sum within ±2¹⁰⁰ units), or nil.
    static func outOfRange(_ cell: SegmentAccumulator, mergedInto existing: SegmentAccumulator?) -> String? {
        let n = cell.n
        guard n >= 0, n <= maximumCount - (existing?.n ?? 0) else {
            return "expected a count n within 0…\(maximumCount) (also after merging the lines of one segment), found \(n)"
        }
        var counts = cell.coverage
        var sums: [ExactSum] = []
        for d in cell.dimensions { counts += [d.n] + d.bands; sums += [d.sum, d.sumOfSquares] }
        for t in cell.emotions.values { counts.append(t.comments); sums.append(t.intensity) }
        for t in cell.drivers.values { counts.append(t.comments); sums += t.negative + t.positive }
        for t in cell.topics {
            counts.append(t.comments)
            for m in t.own + t.mentioning { sums += [m.sum, m.sumOfSquares] }
        }
        if let bad = counts.first(where: { $0 < 0 || $0 > n }) { return "expected counts within 0…n (\(n)), found \(bad)" }
        for t in cell.topics {
            let bad = t.own.map(\.n) + t.mentioning.map(\.n)
            if let count = bad.first(where: { $0 < 0 || $0 > t.comments }) {
                return "expected a topic's counts within 0…its n (\(t.comments)), found \(count)"
            }
            for k in 0..<4 where t.mentioningMoments(k).n > cell.dimension(k).n {
                return "expected a topic's comments with \(SummaryDimension(rawValue: k)!.name) (\(t.mentioningMoments(k).n)) within the segment's (\(cell.dimension(k).n))"
            }
        }
        if let bad = sums.first(where: { $0.units.magnitude > maximumSumUnits.magnitude }) {
            return "expected sums within ±2^100 units, found \(bad)"
        }
        return nil
    }

    /// What no data could have produced in `cell`, or nil: a dimension whose sum implies a
    /// mean outside −1…1 (every value is), or whose sum of squares is below sum²/n (a negative
    /// variance) or above n. Sums are fixed-point, rounded per term by at most half a unit, so
    /// each bound allows n units (and the variance 10⁻⁹·n) of rounding.
    static func impossible(_ cell: SegmentAccumulator, topicPaths: [String] = []) -> String? {
        for (k, d) in cell.dimensions.enumerated() {
            let name = SummaryDimension(rawValue: k)?.name ?? "\(k + 1)"
            if let problem = impossible(d.moments, "dimension \(name)") { return problem }
        }
        for t in cell.topics {
            let path = topicPaths.indices.contains(Int(t.topic)) ? topicPaths[Int(t.topic)] : "\(t.topic)"
            for k in 0..<4 {
                let name = SummaryDimension(rawValue: k)!.name
                if let problem = impossible(t.ownMoments(k), "topic \(path): its \(name)")
                    ?? impossible(t.mentioningMoments(k), "topic \(path): the \(name) of its comments") { return problem }
            }
        }
        return nil
    }

    /// What no values within −1…1 could have given as `d` (see ``impossible(_:)``), or nil.
    static func impossible(_ d: Moments, _ name: String) -> String? {
        let n = Double(d.n), slack = Int128(d.n)
        let limit = Int128(d.n) * Int128(ExactSum.scale) + slack
        if d.sum.units.magnitude > limit.magnitude {
            return "\(name): sum \(d.sum) over n = \(d.n) implies a mean outside −1…1"
        }
        if d.sumOfSquares.units < -slack || d.sumOfSquares.units > limit {
            return "\(name): sum of squares \(d.sumOfSquares) is outside 0…n (n = \(d.n))"
        }
        if d.n > 0 {
            let sum = d.sum.value, squares = d.sumOfSquares.value
            if squares - sum * sum / n < -1e-9 * n {
                return "\(name): sum of squares \(d.sumOfSquares) is below what the sum \(d.sum) implies over n = \(d.n) (a negative variance)"
            }
        }
        return nil
    }

    /// A JSON number that is a whole number (`3`, not `2.5` or `true`), as an Int.
    static func wholeNumber(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        let double = number.doubleValue
        guard double.rounded() == double, abs(double) < 9.2e18 else { return nil }
        return number.intValue
    }

    /// Reads statistics written by ``partialLines()``. `file` names the source in errors.
    public static func parsePartials<S: Sequence<String>>(_ lines: S, file: String) throws(InputError) -> SegmentStatistics {
        var statistics: SegmentStatistics?
        var topicIndex: [String: Int32] = [:]
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            func fail(_ message: String) -> InputError { InputError(file: file, line: number, column: 1, message) }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw fail("expected a JSON object")
            }
            guard let shape = statistics.map({ (columns: $0.textColumns.count, groupings: $0.groupings.map(\.count)) }) else {
                guard object["format"] as? String == partialsFormat else { throw fail("expected a \(partialsFormat) header line") }
                let version = wholeNumber(object["version"])
                guard let version, [partialsVersionWithoutTopics, partialsVersion].contains(version) else {
                    if version == 2 {
                        throw fail("expected version \(partialsVersionWithoutTopics) or \(partialsVersion) of \(partialsFormat), found version 2: "
                                   + "its topics lack the band counts their shares need; write the partials again with this perceive")
                    }
                    throw fail("expected version \(partialsVersionWithoutTopics) or \(partialsVersion) of \(partialsFormat), found \(object["version"] ?? "none")")
                }
                guard let columns = object["columns"] as? [String], let by = object["by"] as? [String],
                      let groupings = object["groupings"] as? [[NSNumber]], let lexicon = object["lexicon"] as? String,
                      let band = (object["neutralBand"] as? NSNumber)?.doubleValue,
                      let rows = wholeNumber(object["rows"]), let errors = wholeNumber(object["rowErrors"]) else {
                    throw fail("expected columns, by, groupings, lexicon, neutralBand, rows and rowErrors in the header")
                }
                guard groupings.allSatisfy({ $0.allSatisfy { by.indices.contains($0.intValue) } }) else {
                    throw fail("expected groupings of positions in by (0…\(by.count - 1))")
                }
                guard (0...maximumCount).contains(rows), (0...rows).contains(errors) else {
                    throw fail("expected rows within 0…\(maximumCount) and rowErrors within 0…rows")
                }
                var p = Parameters()
                p.neutralBand = band
                var s = SegmentStatistics(textColumns: columns, byColumns: by, lexicon: lexicon, parameters: p)
                s.groupings = groupings.map { $0.map(\.intValue) }
                s.rowsRead = rows
                s.rowErrors = errors
                if version == partialsVersion {
                    guard let taxonomy = object["taxonomy"] as? String, let topics = object["topics"] as? [String], !topics.isEmpty,
                          Set(topics).count == topics.count, topics.count <= Int(Int32.max) else {
                        throw fail("expected taxonomy and topics (one or more distinct paths) in a version \(partialsVersion) header")
                    }
                    s.taxonomy = taxonomy
                    s.topics = topics
                    topicIndex = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1, Int32($0)) })
                }
                statistics = s
                continue
            }
            if object["n"] != nil, wholeNumber(object["n"]) == nil { throw fail("expected a whole number n, found \(object["n"]!)") }
            guard let column = wholeNumber(object["column"]), (0..<shape.columns).contains(column),
                  let grouping = wholeNumber(object["grouping"]), shape.groupings.indices.contains(grouping),
                  let values = object["values"] as? [String], values.count == shape.groupings[grouping],
                  let n = wholeNumber(object["n"]),
                  let coverage = (object["coverage"] as? [Any])?.compactMap(wholeNumber), coverage.count == 3,
                  let dimensions = object["dimensions"] as? [[String: Any]], dimensions.count == 4,
                  let emotions = object["emotions"] as? [String: [Any]], let drivers = object["drivers"] as? [String: [Any]] else {
                throw fail("expected a segment line with column, grouping, values, n, coverage, dimensions, emotions and drivers")
            }
            var cell = SegmentAccumulator()
            cell.n = n
            cell.coverage = coverage
            for (k, d) in dimensions.enumerated() {
                guard let dn = wholeNumber(d["n"]), let sum = (d["sum"] as? String).flatMap(ExactSum.init),
                      let squares = (d["sumOfSquares"] as? String).flatMap(ExactSum.init),
                      let bands = (d["bands"] as? [Any])?.compactMap(wholeNumber), bands.count == 3 else {
                    throw fail("expected n, sum, sumOfSquares and bands (whole numbers n and bands) in dimension \(k + 1)")
                }
                cell.dimensions[k] = DimensionTally(n: dn, sum: sum, sumOfSquares: squares, bands: bands)
            }
            for (name, value) in emotions {
                guard value.count == 2, let count = wholeNumber(value[0]), let sum = (value[1] as? String).flatMap(ExactSum.init) else {
                    throw fail("expected [comments, \"intensity sum\"] for emotion \(name)")
                }
                cell.emotions[name] = EmotionTally(comments: count, intensity: sum)
            }
            for (term, value) in drivers {
                let sums = value.dropFirst().compactMap { ($0 as? String).flatMap(ExactSum.init) }
                guard value.count == 7, let count = wholeNumber(value[0]), sums.count == 6 else {
                    throw fail("expected [comments, 6 sums] for driver \(term)")
                }
                cell.drivers[term] = DriverTally(comments: count, negative: Array(sums[0..<3]), positive: Array(sums[3..<6]))
            }
            if !topicIndex.isEmpty {
                guard let topics = object["topics"] as? [String: [String: Any]] else {
                    throw fail("expected topics (an object of the segment's topics) in a segment line of version \(partialsVersion)")
                }
                for (path, value) in topics {
                    guard let topic = topicIndex[path] else { throw fail("expected a topic of the header's topics, found \(JSONText.string(path))") }
                    func moments(_ key: String) -> [Moments]? {
                        guard let list = value[key] as? [[Any]], list.count == 4 else { return nil }
                        let parsed = list.compactMap { m -> Moments? in
                            guard m.count == 3, let n = wholeNumber(m[0]), let sum = (m[1] as? String).flatMap(ExactSum.init),
                                  let squares = (m[2] as? String).flatMap(ExactSum.init) else { return nil }
                            return Moments(n: n, sum: sum, sumOfSquares: squares)
                        }
                        return parsed.count == 4 ? parsed : nil
                    }
                    let bands = (value["bands"] as? [[Any]])?.map { $0.compactMap(wholeNumber) }
                    guard let n = wholeNumber(value["n"]), let own = moments("topic"), let mentioning = moments("comment"),
                          let bands, bands.count == 4, bands.allSatisfy({ $0.count == 3 }) else {
                        throw fail("expected n, topic and comment (4 [n, \"sum\", \"sumOfSquares\"] each) and bands (4 [negative, neutral, positive], whole numbers) for topic \(path)")
                    }
                    for k in 0..<4 where bands[k].contains(where: { $0 < 0 }) || bands[k].reduce(0, &+) != own[k].n {
                        throw fail("expected topic \(path)'s bands of \(SummaryDimension(rawValue: k)!.name) to add up to its n (\(own[k].n)), found \(bands[k])")
                    }
                    var tally = TopicTally(topic: topic)
                    tally.comments = n
                    tally.own = own
                    tally.mentioning = mentioning
                    tally.bands = bands
                    cell.topics.withTally(topic) { $0 = tally }
                }
            }
            let key = SegmentKey(column: column, grouping: grouping, values: values)
            // Counts and sums from a file are checked before they are added, so that a corrupt
            // or hostile partials file is refused instead of overflowing (found by fuzz-partials).
            if let problem = Self.outOfRange(cell, mergedInto: statistics!.cells[key]) ?? Self.impossible(cell, topicPaths: statistics!.topics) { throw fail(problem) }
            statistics!.cells[key, default: SegmentAccumulator()].merge(cell)
        }
        guard let statistics else { throw InputError(file: file, line: 1, column: 1, "expected a \(partialsFormat) header line, found an empty file") }
        return statistics
    }
}

extension DimensionTally {
    init(n: Int, sum: ExactSum, sumOfSquares: ExactSum, bands: [Int]) {
        self.n = n; self.sum = sum; self.sumOfSquares = sumOfSquares; self.bands = bands
    }
}
extension EmotionTally {
    init(comments: Int, intensity: ExactSum) { self.comments = comments; self.intensity = intensity }
}
extension DriverTally {
    init(comments: Int, negative: [ExactSum], positive: [ExactSum]) {
        self.comments = comments; self.negative = negative; self.positive = positive
    }
}
