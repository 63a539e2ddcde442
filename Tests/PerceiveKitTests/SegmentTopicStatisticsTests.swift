import Foundation
import Testing
@testable import PerceiveKit

/// Topic statistics per segment (`segments --by-topic`, issue 16) checked against values
/// computed by hand on six comments; partials with topics merged against a single run; the
/// four formats.
@Suite struct SegmentTopicStatisticsTests {
    static let paths = ["delivery", "app"]

    /// Comment scores (emotion, effort, success, cx) and each mentioned topic's own emotion,
    /// effort, success:
    ///
    ///     1 A  (−0.4, −0.6, –, −0.5)   delivery (−0.4, −0.8, –) → cx −0.6
    ///     2 A  (+0.2, –, +0.6, +0.4)   delivery (+0.2, –, –) → +0.2;  app (–, –, +0.6) → +0.6
    ///     3 A  (+0.6, –, –, +0.6)
    ///     4 B  (−0.2, −0.4, –, −0.3)   delivery (–, −0.4, –) → −0.4
    ///     5 B  ( 0.0, –, –,  0.0)      app (–, –, –) → no cx
    ///     6 B  (+0.4, –, +0.8, +0.6)
    static func fixture() -> [(segment: String, contribution: CommentContribution)] {
        let p = Parameters.standard
        func topic(_ k: Int32, _ e: Double?, _ f: Double?, _ s: Double?) -> TopicContribution {
            TopicContribution(topic: k, emotion: e, effort: f, success: s, parameters: p)
        }
        func c(_ v: [Double?], _ topics: [TopicContribution]) -> CommentContribution {
            CommentContribution(values: v, cues: [v[0] != 0, v[1] != nil, v[2] != nil], topics: topics, parameters: p)
        }
        return [
            ("A", c([-0.4, -0.6, nil, -0.5], [topic(0, -0.4, -0.8, nil)])),
            ("A", c([0.2, nil, 0.6, 0.4], [topic(0, 0.2, nil, nil), topic(1, nil, nil, 0.6)])),
            ("A", c([0.6, nil, nil, 0.6], [])),
            ("B", c([-0.2, -0.4, nil, -0.3], [topic(0, nil, -0.4, nil)])),
            ("B", c([0.0, nil, nil, 0.0], [topic(1, nil, nil, nil)])),
            ("B", c([0.4, nil, 0.8, 0.6], [])),
        ]
    }

    static func statistics(_ rows: [(segment: String, contribution: CommentContribution)], topics: Bool = true) -> SegmentStatistics {
        var s = SegmentStatistics(textColumns: ["Comment"], byColumns: ["Region"], lexicon: "fixture", parameters: .standard)
        if topics {
            s.topics = paths
            s.taxonomy = "fixture 1.0"
        }
        for row in rows {
            s.rowsRead += 1
            s.add(row.contribution, column: 0, segments: [row.segment])
        }
        return s
    }

    func segment(_ report: SegmentReport, _ label: String) throws -> SegmentSummary {
        try #require(report.segments.first { $0.label == label })
    }

    @Test func sharesMeansIntervalsAndImpactMatchHandComputedValues() throws {
        let report = Self.statistics(Self.fixture()).summary()
        let overall = try segment(report, "overall")
        // delivery: impact −1/3 (below), app: +1/6: by impact, the most negative first.
        #expect(overall.topics.map(\.topic) == ["delivery", "app"])
        let delivery = overall.topics[0]
        #expect(delivery.n == 3 && abs(delivery.share - 0.5) < 1e-12 && delivery.smallN)
        // Emotion: the topic's −0.4, +0.2 → mean −0.1, sd √0.18 = 0.424264069,
        // half-width t(0.975, 1) · 0.3 = 3.811861421, so −3.911861421…3.711861421, cut to the
        // scores' range −1…1; the rest (comments 3, 5, 6): 0.6, 0.0, 0.4.
        let e = delivery.dimensions[0]
        #expect(e.n == 2 && abs(e.mean! - -0.1) < 1e-12 && abs(e.standardDeviation! - 0.424264069) < 1e-8)
        #expect(e.low == -1 && e.high == 1)
        // Shares of the topic's own scores: −0.4 negative, +0.2 positive.
        #expect(e.shares == [0.5, 0, 0.5])
        // Welch (scipy.stats.ttest_ind([-0.4, 0.2], [0.6, 0.0, 0.4], equal_var=False)):
        // diff −0.433333333, t −1.245174171, df 1.708758809, p 0.356922796.
        #expect(abs(e.difference! - -0.433333333) < 1e-8)
        #expect(abs(e.t! - -1.245174171) < 1e-8 && abs(e.degreesOfFreedom! - 1.708758809) < 1e-8)
        #expect(abs(e.p! - 0.356922796) < 1e-7)
        // Effort: the topic's −0.8, −0.4; no comment without the topic has effort: no difference.
        let f = delivery.dimensions[1]
        #expect(f.n == 2 && abs(f.mean! - -0.6) < 1e-12 && f.difference == nil && f.t == nil && f.shares == [1, 0, 0])
        #expect(delivery.dimensions[2].n == 0 && delivery.dimensions[2].mean == nil && delivery.dimensions[2].shares == [0, 0, 0])
        // cx: the topic's −0.6, +0.2, −0.4 (mean −0.266666667) against 0.6, 0.0, 0.6 (mean 0.4):
        // diff −0.666666667, t −2.132007164, df 3.872, p 0.102257775; impact 0.5 · −2/3.
        let cx = delivery.dimensions[3]
        #expect(cx.n == 3 && abs(cx.mean! - -0.266666667) < 1e-8)
        #expect(abs(cx.difference! - -2.0 / 3) < 1e-12 && abs(cx.t! - -2.132007164) < 1e-8)
        #expect(abs(cx.degreesOfFreedom! - 3.872) < 1e-8 && abs(cx.p! - 0.102257775) < 1e-7)
        #expect(abs(delivery.impact! - -1.0 / 3) < 1e-12)
        // Its interval: 0.5 · (−2/3 ± t(0.975, 3) · √(0.057777778 + 0.04)), df 3.872 rounded down
        // to 3: 0.5 · (−2/3 ± 3.182446305 · 0.312694384).
        #expect(abs(delivery.impactLow! - -0.830899877) < 1e-8 && abs(delivery.impactHigh! - 0.164233210) < 1e-8)
        // Two tests in all (every other topic has a side of fewer than 2 values), adjusted on
        // their own: 0.102257775 · 2 / 1 = 0.204515550, and 0.356922796 · 2 / 2.
        #expect(abs(cx.adjustedP! - 0.204515550) < 1e-7 && abs(e.adjustedP! - 0.356922796) < 1e-7)
        // app: 2 comments of 6; cx only from comment 2 (+0.6; comment 5's app has no score)
        // against comments 1, 3, 4, 6 (−0.5, 0.6, −0.3, 0.6: mean 0.1): diff 0.5, impact 1/6.
        let app = overall.topics[1]
        #expect(app.n == 2 && abs(app.share - 1.0 / 3) < 1e-12)
        #expect(app.dimensions[0].n == 0 && app.dimensions[3].n == 1 && abs(app.dimensions[3].mean! - 0.6) < 1e-12)
        #expect(abs(app.dimensions[3].difference! - 0.5) < 1e-12 && app.dimensions[3].t == nil && app.dimensions[3].low == nil)
        #expect(abs(app.impact! - 1.0 / 6) < 1e-12 && app.impactLow == nil && app.impactHigh == nil)

        // Region=A: delivery in comments 1, 2 (cx −0.6, +0.2) against comment 3 (0.6):
        // diff −0.8, impact 2/3 · −0.8; app (+0.6) against comments 1, 3 (mean 0.05): 1/3 · 0.55.
        let a = try segment(report, "Region=A")
        #expect(a.topics.map(\.topic) == ["delivery", "app"])
        #expect(abs(a.topics[0].impact! - -0.8 * 2 / 3) < 1e-12 && abs(a.topics[1].impact! - 0.55 / 3) < 1e-12)
        // Region=B: delivery (−0.4) against comments 5, 6 (0.0, 0.6): impact 1/3 · −0.7; app
        // without a cx has no impact and comes last.
        let b = try segment(report, "Region=B")
        #expect(b.topics.map(\.topic) == ["delivery", "app"])
        #expect(abs(b.topics[0].impact! - -0.7 / 3) < 1e-12)
        #expect(b.topics[1].n == 1 && b.topics[1].impact == nil && b.topics[1].dimensions.allSatisfy { $0.n == 0 })
    }

    @Test func aTopicsCxIsTheWeightedMeanOfItsScoresAsForAComment() {
        var p = Parameters.standard
        p.cxEffortWeight = 2
        #expect(TopicContribution.cx(-0.4, -0.8, nil, parameters: p)! == (-0.4 - 1.6) / 3)
        #expect(TopicContribution.cx(nil, nil, 0.5, parameters: p)! == 0.5)
        #expect(TopicContribution.cx(nil, nil, nil, parameters: p) == nil)
    }

    @Test func segmentsAreTheSameWithTopicsAndWithout() throws {
        var with = Self.statistics(Self.fixture()).summary()
        let without = Self.statistics(Self.fixture(), topics: false).summary()
        #expect(without.segments.allSatisfy { $0.topics.isEmpty })
        for k in with.segments.indices { with.segments[k].topics = [] }
        with.topics = []
        with.taxonomy = nil
        #expect(with == without)
    }

    @Test func mergedPartialsWithTopicsEqualOneRunWhateverTheSplitAndOrder() throws {
        var generator = SegmentStatisticsTests.SplitMix(seed: 20261207)
        let p = Parameters.standard
        func value() -> Double { Double(generator.next() % 2001) / 1000 - 1 }
        func maybe() -> Double? { generator.next() % 3 == 0 ? nil : value() }
        var rows: [(segment: String, contribution: CommentContribution)] = []
        for _ in 0..<2000 {
            let e = value(), effort = maybe(), success = maybe()
            var topics: [TopicContribution] = []
            for k in 0..<Int32(Self.paths.count) where generator.next() % 3 == 0 {
                topics.append(TopicContribution(topic: k, emotion: maybe(), effort: maybe(), success: maybe(), parameters: p))
            }
            let c = CommentContribution(values: [e, effort, success, TopicContribution.cx(e, effort, success, parameters: p)],
                                        cues: [true, effort != nil, success != nil], topics: topics, parameters: p)
            rows.append((["North", "South", "East"][Int(generator.next() % 3)], c))
        }
        let single = Self.statistics(rows)
        var parts: [SegmentStatistics] = []
        var remaining = rows.shuffled(using: &generator)
        while !remaining.isEmpty {
            let k = min(remaining.count, Int(generator.next() % 500) + 1)
            parts.append(Self.statistics(Array(remaining.prefix(k))))
            remaining.removeFirst(k)
        }
        var merged = try SegmentStatistics.parsePartials(parts[0].partialLines(), file: "part-0")
        for (i, part) in parts.dropFirst().enumerated() {
            let parsed = try SegmentStatistics.parsePartials(part.partialLines(), file: "part-\(i + 1)")
            #expect(merged.isCompatible(with: parsed))
            merged.merge(parsed)
        }
        #expect(merged == single, "seed 20261207")
        #expect(merged.partialLines() == single.partialLines())
        #expect(merged.summary() == single.summary())
        let recorder = SegmentStatisticsTests.Recorder(), expected = SegmentStatisticsTests.Recorder()
        try SegmentFormatter.write(merged, as: .json, to: recorder)
        try SegmentFormatter.write(single, as: .json, to: expected)
        #expect(recorder.bytes == expected.bytes)
    }

    @Test func partialsWithoutTopicsStayVersion1AndDoNotMergeWithTopics() throws {
        let without = Self.statistics(Self.fixture(), topics: false).partialLines()
        #expect(without[0].contains("\"version\":1,") && !without[0].contains("topics"))
        #expect(without.dropFirst().allSatisfy { !$0.contains("\"topics\"") })
        let with = Self.statistics(Self.fixture()).partialLines()
        #expect(with[0].contains("\"version\":3,") && with[0].hasSuffix(",\"taxonomy\":\"fixture 1.0\",\"topics\":[\"delivery\",\"app\"]}"))
        // Region=A's line: sums in units of 2^-52, each term rounded (−0.4 is 1801439850948198.5 units).
        #expect(with[2] == "{\"column\":0,\"grouping\":1,\"values\":[\"A\"],\"n\":3,\"coverage\":[3,1,1],\"dimensions\":[{\"n\":3,\"sum\":\"1801439850948198\",\"sumOfSquares\":\"2522015791327479\",\"bands\":[1,0,2]},{\"n\":1,\"sum\":\"-2702159776422298\",\"sumOfSquares\":\"1621295865853379\",\"bands\":[1,0,0]},{\"n\":1,\"sum\":\"2702159776422298\",\"sumOfSquares\":\"1621295865853379\",\"bands\":[0,0,1]},{\"n\":3,\"sum\":\"2251799813685249\",\"sumOfSquares\":\"3467771713075283\",\"bands\":[1,0,2]}],\"emotions\":{},\"drivers\":{},\"topics\":{\"delivery\":{\"n\":2,\"topic\":[[2,\"-900719925474100\",\"900719925474100\"],[1,\"-3602879701896397\",\"2882303761517118\"],[0,\"0\",\"0\"],[2,\"-1801439850948199\",\"1801439850948199\"]],\"comment\":[[2,\"-900719925474100\",\"900719925474100\"],[1,\"-2702159776422298\",\"1621295865853379\"],[1,\"2702159776422298\",\"1621295865853379\"],[2,\"-450359962737049\",\"1846475847221904\"]],\"bands\":[[1,0,1],[1,0,0],[0,0,0],[1,0,1]]},\"app\":{\"n\":1,\"topic\":[[0,\"0\",\"0\"],[0,\"0\",\"0\"],[1,\"2702159776422298\",\"1621295865853379\"],[1,\"2702159776422298\",\"1621295865853379\"]],\"comment\":[[1,\"900719925474099\",\"180143985094820\"],[0,\"0\",\"0\"],[1,\"2702159776422298\",\"1621295865853379\"],[1,\"1801439850948199\",\"720575940379280\"]],\"bands\":[[0,0,0],[0,0,0],[0,0,1],[0,0,1]]}}}")
        // Version 1 files merge as before; with a version 3 file, refused with what differs.
        let old = try SegmentStatistics.parsePartials(without, file: "old.ndjson")
        let new = try SegmentStatistics.parsePartials(with, file: "new.ndjson")
        #expect(old.topics.isEmpty && new.topics == Self.paths && new == Self.statistics(Self.fixture()))
        #expect(!old.isCompatible(with: new) && !old.hasTheTopics(of: new))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("topics-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("old.ndjson").path, second = dir.appendingPathComponent("new.ndjson").path
        try (without.joined(separator: "\n") + "\n").write(toFile: first, atomically: true, encoding: .utf8)
        try (with.joined(separator: "\n") + "\n").write(toFile: second, atomically: true, encoding: .utf8)
        #expect(throws: InputError(file: second, line: 1, column: 1,
                                   "expected partials with the same topics as the first file: it has none (segments without --by-topic), this one those of fixture 1.0 (2 topics)")) {
            try SegmentStatistics.merging(partialsFiles: [first, second])
        }
    }

    @Test func corruptTopicPartialsAreRefused() throws {
        let lines = Self.statistics(Self.fixture()).partialLines()
        func refused(_ from: String, _ to: String, _ message: String) {
            let changed = lines.map { $0.replacing(from, with: to) }
            #expect(throws: InputError(file: "p", line: 2, column: 1, message)) { try SegmentStatistics.parsePartials(changed, file: "p") }
        }
        refused("\"delivery\":{\"n\":3", "\"parcel\":{\"n\":3", "expected a topic of the header's topics, found \"parcel\"")
        refused("\"delivery\":{\"n\":3", "\"delivery\":{\"n\":7", "expected counts within 0…n (6), found 7")
        refused("\"app\":{\"n\":2", "\"app\":{\"n\":0", "expected a topic's counts within 0…its n (0), found 1")
        refused("\"delivery\":{\"n\":3,\"topic\":[[2,\"-900719925474100\"", "\"delivery\":{\"n\":3,\"topic\":[[2,\"-9900719925474100\"",
                "topic delivery: its emotion: sum -9900719925474100 over n = 2 implies a mean outside −1…1")
        refused(",\"topics\":{\"delivery\"", ",\"topicz\":{\"delivery\"", "expected topics (an object of the segment's topics) in a segment line of version 3")
        // Band counts: each dimension's must add up to the topic's n of it.
        refused(",\"bands\":[[1,0,1],[2,0,0],[0,0,0],[2,0,1]]}", ",\"bands\":[[0,0,1],[2,0,0],[0,0,0],[2,0,1]]}",
                "expected topic delivery's bands of emotion to add up to its n (2), found [0, 0, 1]")
        refused(",\"bands\":[[1,0,1],[2,0,0],[0,0,0],[2,0,1]]}", "}",
                "expected n, topic and comment (4 [n, \"sum\", \"sumOfSquares\"] each) and bands (4 [negative, neutral, positive], whole numbers) for topic delivery")
        #expect(throws: InputError(file: "p", line: 1, column: 1, "expected version 1 or 3 of perceive-segment-partials, found 4")) {
            try SegmentStatistics.parsePartials(["{\"format\":\"perceive-segment-partials\",\"version\":4}"], file: "p")
        }
        // Version 2 (topics without band counts, from an older build) is refused, saying why.
        #expect(throws: InputError(file: "p", line: 1, column: 1, "expected version 1 or 3 of perceive-segment-partials, found version 2: "
                                   + "its topics lack the band counts their shares need; write the partials again with this perceive")) {
            try SegmentStatistics.parsePartials(["{\"format\":\"perceive-segment-partials\",\"version\":2}"], file: "p")
        }
    }

    @Test func everyFormatCarriesTheTopicsAndIsWrittenOneSegmentAtATime() throws {
        let statistics = Self.statistics(Self.fixture())
        let formatter = SegmentFormatter(statistics.summary())
        let csv = formatter.csv().split(separator: "\n").map(String.init)
        #expect(csv[0].hasSuffix(",positive_drivers,topic,topic_share,impact,impact_ci_low,impact_ci_high"))
        #expect(csv.count == 1 + 3 + 6)  // three segments, two topics each
        #expect(csv[1].hasPrefix("Comment,overall,6,true,") && csv[1].hasSuffix(",,,,,"))
        let deliveryRow = csv[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(deliveryRow.count == SegmentFormatter.csvHeader.count + 5)
        #expect(Array(deliveryRow.prefix(5)) == ["Comment", "overall", "3", "true", "2"])
        #expect(Array(deliveryRow.suffix(5)) == ["delivery", "0.5", "-0.333333", "-0.8309", "0.164233"])
        // The topic's emotion cells: n, mean, interval, sd, then its shares (−0.4 and +0.2).
        #expect(Array(deliveryRow[4..<12]) == ["2", "-0.1", "-1", "1", "0.424264", "0.5", "0", "0.5"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(formatter.json().utf8)) as? [String: Any])
        #expect(json["taxonomy"] as? String == "fixture 1.0")
        let segments = try #require(json["segments"] as? [[String: Any]])
        let topics = try #require(segments[1]["topics"] as? [[String: Any]])
        #expect(topics.map { $0["topic"] as? String } == ["delivery", "app"])
        #expect(abs((topics[0]["impact"] as? Double ?? 0) - -0.533333) < 1e-9)
        let cx = try #require((topics[0]["dimensions"] as? [String: Any])?["cx"] as? [String: Any])
        #expect(cx["n"] as? Int == 2 && (cx["vsRest"] as? [String: Any])?["difference"] as? Double == -0.8)
        #expect(cx["shares"] as? [String: Double] == ["negative": 0.5, "neutral": 0, "positive": 0.5])
        let table = formatter.table()
        #expect(table.contains("\nTopics by impact (share × (topic's cx − cx of the comments without it); most negative first)\nsegment   topic     n            share  impact                   emotion"))
        #expect(table.contains("\noverall   delivery  3 (small n)  50%    -0.333 [-0.831, +0.164]  -0.10 [-1.00, +1.00] n=2  -0.60 [-1.00, +1.00] n=2  – n=0      -0.27 [-1.00, +0.77] n=3  67%/0%/33%\n"))
        #expect(table.contains("\nRegion=B  app       1 (small n)  33%    –                        – n=0                     – n=0                     – n=0      – n=0                     –\n"))
        #expect(table.contains("\nRegion=A  delivery  2 (small n)  67%    -0.533                   -0.10 [-1.00, +1.00] n=2"))
        #expect(table.contains("Topics (fixture 1.0): n comments of the segment mention the topic"))
        let markdown = formatter.markdown()
        #expect(markdown.contains("| segment | topic | n | share | impact | emotion | effort | success | cx | cx −/0/+ |\n|---|---|---|---|---|---|---|---|---|---|\n| overall | delivery | 3 (small n) | 50% | -0.333 [-0.831, +0.164] |"))
        #expect(markdown.contains(" | -0.27 [-1.00, +0.77] n=3 | 67%/0%/33% |\n"))
        for format in SegmentReportFormat.allCases {
            let recorder = SegmentStatisticsTests.Recorder()
            try SegmentFormatter.write(statistics, as: format, to: recorder)
            let expected = switch format {
            case .table: table
            case .csv: formatter.csv()
            case .json: formatter.json()
            case .markdown: markdown
            }
            #expect(String(decoding: recorder.bytes, as: UTF8.self) == expected, "\(format)")
        }
        // Without topics, no topic column, field or section.
        let plain = SegmentFormatter(Self.statistics(Self.fixture(), topics: false).summary())
        #expect(!plain.csv().contains("topic") && !plain.json().contains("topic") && !plain.table().contains("Topics") && !plain.markdown().contains("Topics"))
    }

    /// A topic tally holds its sums in 64 bits until one would overflow (2,048 values of 1.0
    /// are 2⁶³ units), then in 128: the same values either way, whether added or merged.
    @Test func topicSumsOutgrowSixtyFourBitsWithoutChangingTheirValues() throws {
        #expect(MemoryLayout<TopicTally>.stride == 216)
        let p = Parameters.standard
        let one = CommentContribution(values: [1, nil, nil, 1], cues: [true, false, false],
                                      topics: [TopicContribution(topic: 0, emotion: 1, effort: -1, success: nil, parameters: p)], parameters: p)
        var reference = Moments()
        var single = TopicTally(topic: 0), halves = (TopicTally(topic: 0), TopicTally(topic: 0))
        for k in 0..<3_000 {
            reference.add(1)
            single.add(one.topics[0], comment: one.values)
            if k < 1_500 { halves.0.add(one.topics[0], comment: one.values) } else { halves.1.add(one.topics[0], comment: one.values) }
        }
        var merged = halves.0
        merged.merge(halves.1)  // each half in 64 bits (1,500 · 2⁵²); their sum is not
        #expect(single.ownMoments(0) == reference && merged.ownMoments(0) == reference)
        #expect(single.ownMoments(1).sum.units == -reference.sum.units && single.ownMoments(2) == Moments())
        #expect(single == merged && single.mentioningMoments(3) == reference)
        // Set from moments (as partials are read), and a tally whose sums went back within 64 bits.
        var read = TopicTally(topic: 0)
        read.comments = single.comments
        read.own = single.own
        read.mentioning = single.mentioning
        #expect(read != single)  // without the band counts
        read.bands = single.bands
        #expect(read == single && single.bands == [[0, 0, 3_000], [3_000, 0, 0], [0, 0, 0], [0, 3_000, 0]])
        var small = TopicTally(topic: 0)
        small.add(one.topics[0], comment: one.values)
        var big = single
        big.sums[0] = Int128(1) << 70
        big.sums[0] = single.ownMoments(0).sum.units
        #expect(big == single && small != single)
    }

    /// Counts are held in 32 bits until one would not fit, then all in 64: the same values, and
    /// a tally equal to one that never outgrew them.
    @Test func topicCountsOutgrowThirtyTwoBitsWithoutChangingTheirValues() {
        var counts = CompactCounts<3>()
        counts[0] = 7
        counts[1] = Int(Int32.max)
        counts[1] += 1  // 2³¹: no longer 32 bits
        counts[2] = -5
        #expect(counts[0] == 7 && counts[1] == 1 << 31 && counts[2] == -5)
        counts[1] = 0
        var narrow = CompactCounts<3>()
        narrow[0] = 7
        narrow[2] = -5
        #expect(counts == narrow)
        var tally = TopicTally(topic: 1)
        tally.comments = 1 << 40
        tally.own = [Moments(n: 1 << 40, sum: ExactSum(units: 3), sumOfSquares: ExactSum(units: 9))] + Array(repeating: Moments(), count: 3)
        #expect(tally.comments == 1 << 40 && tally.ownMoments(0).n == 1 << 40 && tally.bands[0] == [0, 1 << 40, 0])
    }

    /// Segment, emotion and driver sums hold 64 bits inline and 128 past that, as topic sums do.
    @Test func segmentSumsOutgrowSixtyFourBitsWithoutChangingTheirValues() {
        #expect(MemoryLayout<DriverTally>.stride == 64 && MemoryLayout<DimensionTally>.stride == 56)
        var driver = DriverTally()
        driver.add(share: -0.25, dimension: 1)
        driver.add(share: 0.5, dimension: 2)
        #expect(driver.negative.map(\.value) == [0, 0.25, 0] && driver.positive.map(\.value) == [0, 0, 0.5])
        var big = DriverTally()
        big.negative = [ExactSum(units: Int128(Int64.max)), ExactSum(), ExactSum()]
        big.merge(big)  // 2 · (2⁶³ − 1) units
        #expect(big.negative[0].units == 2 * Int128(Int64.max) && big.comments == 0)
        var tally = DimensionTally()
        for _ in 0..<3 { tally.add(1, band: .positive) }
        tally.sumOfSquares = ExactSum(units: Int128(1) << 80)
        #expect(tally.sum.value == 3 && tally.sumOfSquares.units == Int128(1) << 80 && tally.n == 3 && tally.bands == [0, 0, 3])
        var emotion = EmotionTally()
        emotion.add(intensity: 0.5)
        emotion.add(intensity: 0.25)
        #expect(emotion.comments == 2 && emotion.intensity.value == 0.75)
    }
}
