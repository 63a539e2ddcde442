import Foundation
import Testing
@testable import PerceiveKit

/// Segment statistics checked against values computed by hand on a tiny fixture; merging
/// partials checked against a single run.
@Suite struct SegmentStatisticsTests {
    /// Segment A: emotion (and cx) 0.2, 0.4, 0.6; segment B: -0.2, 0.0, 0.2, 0.4; effort only
    /// in two comments of A (-0.5, -0.3) and none of B.
    static func fixture() -> [(segment: String, contribution: CommentContribution)] {
        let p = Parameters.standard
        func c(_ e: Double, effort: Double? = nil, emotions: [(String, Double)] = [], drivers: [String: DriverTally] = [:]) -> CommentContribution {
            CommentContribution(values: [e, effort, nil, e], cues: [e != 0, effort != nil, false], emotions: emotions, drivers: drivers, parameters: p)
        }
        var hold = DriverTally()
        hold.comments = 1
        hold.negative[1].add(0.5)
        return [
            ("A", c(0.2, effort: -0.5, emotions: [("joy", 0.5)], drivers: ["on hold": hold])),
            ("A", c(0.4, effort: -0.3, emotions: [("joy", 0.3), ("relief", 0.2)], drivers: ["on hold": hold])),
            ("A", c(0.6)),
            ("B", c(-0.2, emotions: [("anger", 0.8)])),
            ("B", c(0.0)),
            ("B", c(0.2)),
            ("B", c(0.4)),
        ]
    }

    static func statistics(_ rows: [(segment: String, contribution: CommentContribution)]) -> SegmentStatistics {
        var s = SegmentStatistics(textColumns: ["Comment"], byColumns: ["Region"], lexicon: "fixture", parameters: .standard)
        for row in rows {
            s.rowsRead += 1
            s.add(row.contribution, column: 0, segments: [row.segment])
        }
        return s
    }

    func segment(_ report: SegmentReport, _ label: String) throws -> SegmentSummary {
        try #require(report.segments.first { $0.label == label })
    }

    @Test func meansIntervalsAndSharesMatchHandComputedValues() throws {
        let report = Self.statistics(Self.fixture()).summary()
        #expect(report.segments.map(\.label) == ["overall", "Region=A", "Region=B"])
        let a = try segment(report, "Region=A").dimensions[0]
        // mean (0.2+0.4+0.6)/3 = 0.4; sd = √(((−0.2)²+0²+0.2²)/2) = 0.2;
        // half-width t(0.975, 2) · 0.2/√3 = 4.302652730 · 0.115470054 = 0.496827542.
        #expect(abs(a.mean! - 0.4) < 1e-12)
        #expect(abs(a.standardDeviation! - 0.2) < 1e-12)
        #expect(abs(a.low! - -0.096827542) < 1e-8)
        #expect(abs(a.high! - 0.896827542) < 1e-8)
        #expect(a.shares == [0, 0, 1])
        let b = try segment(report, "Region=B").dimensions[0]
        // mean 0.1; sd = √(0.2/3) = 0.258198890; t(0.975, 3) = 3.182446305 → [−0.310852051, 0.510852051].
        #expect(abs(b.mean! - 0.1) < 1e-12)
        #expect(abs(b.standardDeviation! - 0.258198890) < 1e-8)
        #expect(abs(b.low! - -0.310852051) < 1e-8)
        #expect(abs(b.high! - 0.510852051) < 1e-8)
        // neutralBand 0.05: −0.2 negative, 0.0 neutral, 0.2 and 0.4 positive.
        #expect(b.shares == [0.25, 0.25, 0.5])
        let overall = try segment(report, "overall")
        #expect(overall.n == 7)
        #expect(abs(overall.dimensions[0].mean! - 1.6 / 7) < 1e-12)
        #expect(overall.dimensions[0].difference == nil)
    }

    @Test func welchTestAgainstTheRestMatchesHandComputedValues() throws {
        let report = Self.statistics(Self.fixture()).summary()
        let a = try segment(report, "Region=A").dimensions[0]
        // A vs rest (= B): diff 0.3; se² = 0.04/3 + (0.2/3)/4 = 0.03; t = 0.3/√0.03 = 1.732050808;
        // df = 0.03² / ((0.04/3)²/2 + (0.2/12)²/3) = 4.959183673; two-sided p = 0.144293043
        // (the same figures as scipy.stats.ttest_ind(a, b, equal_var=False)).
        #expect(abs(a.difference! - 0.3) < 1e-12)
        #expect(abs(a.t! - 1.732050808) < 1e-8)
        #expect(abs(a.degreesOfFreedom! - 4.959183673) < 1e-8)
        #expect(abs(a.p! - 0.144293043) < 1e-8)
        // Four tests (A, B × emotion, cx), all with the same p: BH leaves them unchanged.
        #expect(abs(a.adjustedP! - 0.144293043) < 1e-8)
        let bEffort = try segment(report, "Region=B").dimensions[1]
        #expect(bEffort.n == 0 && bEffort.mean == nil && bEffort.p == nil)
    }

    @Test func coverageEmotionsAndDrivers() throws {
        let report = Self.statistics(Self.fixture()).summary()
        let a = try segment(report, "Region=A")
        #expect(a.coverage == [3, 2, 0])
        #expect(abs(a.dimensions[1].mean! - -0.4) < 1e-12)
        #expect(a.emotions.map(\.name) == ["joy", "relief"])
        #expect(a.emotions[0].comments == 2 && abs(a.emotions[0].share - 2.0 / 3) < 1e-12 && abs(a.emotions[0].meanIntensity - 0.4) < 1e-12)
        #expect(a.negativeDrivers.map(\.term) == ["on hold"])
        #expect(a.negativeDrivers[0].comments == 2)
        #expect(abs(a.negativeDrivers[0].total - -1.0) < 1e-12)
        #expect(a.negativeDrivers[0].byDimension == [0, -1.0, 0])
        #expect(a.positiveDrivers.isEmpty)
        #expect(try segment(report, "Region=B").smallN)
    }

    @Test func studentTQuantilesAndBenjaminiHochberg() {
        // Quantiles from tables (and scipy.stats.t.ppf(0.975, df)).
        #expect(abs(StudentT.quantile(confidence: 0.95, degreesOfFreedom: 1) - 12.706204736) < 1e-7)
        #expect(abs(StudentT.quantile(confidence: 0.95, degreesOfFreedom: 10) - 2.228138852) < 1e-8)
        #expect(abs(StudentT.quantile(confidence: 0.95, degreesOfFreedom: 1e7) - 1.959963985) < 1e-6)
        // p = 0.01, 0.04, 0.03, 0.20: sorted ranks 1…4 → 0.04, 0.06→0.0533, 0.0533, 0.2.
        let adjusted = benjaminiHochbergAdjusted([0.01, 0.04, 0.03, 0.20])
        let expected = [0.04, 0.16 / 3, 0.16 / 3, 0.2]
        for (x, y) in zip(adjusted, expected) { #expect(abs(x - y) < 1e-12) }
    }

    @Test func mergedPartialsEqualOneRunWhateverTheSplitAndOrder() throws {
        // A seeded random stream of comments, split into parts at random and shuffled.
        var generator = SplitMix(seed: 20261122)
        let p = Parameters.standard
        var rows: [(segment: String, contribution: CommentContribution)] = []
        for _ in 0..<2000 {
            let e = Double(generator.next() % 2001) / 1000 - 1
            let effort: Double? = generator.next() % 3 == 0 ? nil : Double(generator.next() % 2001) / 1000 - 1
            let c = CommentContribution(values: [e, effort, nil, e / 3], cues: [true, effort != nil, false],
                                        emotions: [("joy", Double(generator.next() % 1000) / 1000)], parameters: p)
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
            merged.merge(try SegmentStatistics.parsePartials(part.partialLines(), file: "part-\(i + 1)"))
        }
        #expect(merged.rowsRead == 2000)
        #expect(merged == single, "seed 20261122")
        #expect(merged.summary() == single.summary())
    }

    @Test func mergingPartialsFilesEqualsOneRun() throws {
        // Two files, split A | B, merged from disk; then a file of other by-columns refused.
        let rows = Self.fixture()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("a.ndjson").path
        let second = dir.appendingPathComponent("b.ndjson").path
        try (Self.statistics(Array(rows.prefix(3))).partialLines().joined(separator: "\n") + "\n").write(toFile: first, atomically: true, encoding: .utf8)
        try (Self.statistics(Array(rows.dropFirst(3))).partialLines().joined(separator: "\n") + "\n").write(toFile: second, atomically: true, encoding: .utf8)
        let merged = try SegmentStatistics.merging(partialsFiles: [first, second])
        #expect(merged == Self.statistics(rows))
        var other = SegmentStatistics(textColumns: ["Comment"], byColumns: ["Channel"], lexicon: "fixture", parameters: .standard)
        other.rowsRead = 1
        other.add(rows[0].contribution, column: 0, segments: ["Email"])
        let third = dir.appendingPathComponent("c.ndjson").path
        try (other.partialLines().joined(separator: "\n") + "\n").write(toFile: third, atomically: true, encoding: .utf8)
        #expect(throws: InputError(file: third, line: 1, column: 1,
                                   "expected partials of the same columns (Comment), by columns (Region), lexicon and bands as the first file")) {
            try SegmentStatistics.merging(partialsFiles: [first, third])
        }
    }

    @Test func partialsOfAnotherVersionAreRefused() throws {
        let lines = ["{\"format\":\"perceive-segment-partials\",\"version\":4}"]
        #expect(throws: InputError(file: "p.ndjson", line: 1, column: 1, "expected version 1 or 3 of perceive-segment-partials, found 4")) {
            try SegmentStatistics.parsePartials(lines, file: "p.ndjson")
        }
    }

    /// A small seeded generator (SplitMix64) for reproducible shuffles.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A ``ByteOutput`` that keeps what is written and the largest single write.
    final class Recorder: ByteOutput {
        var bytes: [UInt8] = []
        var largestWrite = 0
        func write(bytes: UnsafeBufferPointer<UInt8>) throws {
            self.bytes.append(contentsOf: bytes)
            largestWrite = max(largestWrite, bytes.count)
        }
    }

    /// Issue 15, item 6: `segments` held every segment's summary and the whole text (86,000
    /// segments: over 1 GB). Expected: the same bytes in every format, written one segment at
    /// a time (no write larger than a segment's own text).
    @Test func summaryIsWrittenOneSegmentAtATimeWithTheSameBytes() throws {
        var statistics = SegmentStatistics(textColumns: ["Comment"], byColumns: ["Customer", "Store"], lexicon: "fixture", parameters: .standard)
        let rows = Self.fixture()
        for k in 0..<3_000 {
            statistics.rowsRead += 1
            statistics.add(rows[k % rows.count].contribution, column: 0, segments: ["C\(k % 1_000)", "S\(k % 7)"])
        }
        let report = statistics.summary()
        let formatter = SegmentFormatter(report)
        for format in SegmentReportFormat.allCases {
            let recorder = Recorder()
            try SegmentFormatter.write(statistics, as: format, to: recorder)
            let expected: String
            switch format {
            case .table: expected = formatter.table()
            case .csv: expected = formatter.csv()
            case .json: expected = formatter.json()
            case .markdown: expected = formatter.markdown()
            }
            #expect(String(decoding: recorder.bytes, as: UTF8.self) == expected, "\(format)")
            #expect(recorder.bytes.count > 300_000 && recorder.largestWrite < 2_000, "\(format): largest write \(recorder.largestWrite) of \(recorder.bytes.count) bytes")
        }
        #expect(report.segments.count == 1 + 1_000 + 7 + 3_000)
    }
}
