import Foundation
import Testing
@testable import PerceiveKit

/// r, r0 and detection P/R/F1 for labels where an empty cell means "no cue" (issue 13).
/// Every expected value is worked out by hand in the comment next to it.
///
/// The fixture (success, −1 … 1), six rows, two of them without a cue:
///
/// | row | gold | A | B |
/// |---|---|---|---|
/// | 1 | 1 | 0.8 | 0.5 |
/// | 2 | – | 0.2 | 0.1 |
/// | 3 | −1 | – | −0.3 |
/// | 4 | 0.5 | 0.4 | 0.5 |
/// | 5 | – | – | 0 |
/// | 6 | −0.5 | −0.6 | −0.2 |
@Suite struct BenchDetectionMetricsTests {
    let tolerance = 1e-9
    static let gold: [Double?] = [1, nil, -1, 0.5, nil, -0.5]
    static let a: [Double?] = [0.8, 0.2, nil, 0.4, nil, -0.6]
    static let b: [Double?] = [0.5, 0.1, -0.3, 0.5, 0, -0.2]

    // A: both have a value on rows 1, 4, 6: x = 0.8 0.4 −0.6 (x̄ 0.2), y = 1 0.5 −0.5 (ȳ 1/3);
    // dx = 0.6 0.2 −0.8, dy = 2/3 1/6 −5/6: Σdxdy = 0.4 + 1/30 + 2/3 = 1.1, Σdx² = 1.04,
    // Σdy² = 4/9 + 1/36 + 25/36 = 7/6 → r = 1.1 / √(1.04 · 7/6) ≈ 0.998625
    static let rA = 1.1 / (1.04 * 7 / 6).squareRoot()
    // A, r0: gold rows 1, 3, 4, 6 with row 3's missing score as 0: x = 0.8 0 0.4 −0.6 (x̄ 0.15),
    // y = 1 −1 0.5 −0.5 (ȳ 0); dx = 0.65 −0.15 0.25 −0.75: Σdx·y = 0.65 + 0.15 + 0.125 + 0.375 = 1.3,
    // Σdx² = 0.4225 + 0.0225 + 0.0625 + 0.5625 = 1.07, Σy² = 2.5 → r0 = 1.3 / √2.675 ≈ 0.794843
    static let r0A = 1.3 / (2.675).squareRoot()
    // B has a value everywhere, so r = r0 over rows 1, 3, 4, 6: x = 0.5 −0.3 0.5 −0.2 (x̄ 0.125);
    // dx = 0.375 −0.425 0.375 −0.325: Σdx·y = 0.375 + 0.425 + 0.1875 + 0.1625 = 1.15,
    // Σdx² = 0.140625 + 0.180625 + 0.140625 + 0.105625 = 0.5675 → r = 1.15 / √(0.5675 · 2.5) ≈ 0.965484
    static let rB = 1.15 / (0.5675 * 2.5).squareRoot()

    @Test func pearsonWhereBothHaveAValueAndWithMissingAsZero() throws {
        let hasGold = Self.gold.map { $0 != nil }, gold = Self.gold.map { $0 ?? 0 }
        let hasA = Self.a.map { $0 != nil }, scoreA = Self.a.map { $0 ?? 0 }
        let all = Array(0..<6)
        let r = try #require(DetectionMetrics.pearsonWhereBoth(score: scoreA, hasScore: hasA, gold: gold, hasGold: hasGold, indices: all))
        #expect(abs(r - Self.rA) < tolerance)
        #expect(abs(r - 0.998625) < 1e-6)
        let r0 = try #require(DetectionMetrics.pearsonMissingAsZero(score: scoreA, gold: gold, hasGold: hasGold, indices: all))
        #expect(abs(r0 - Self.r0A) < tolerance)
        #expect(abs(r0 - 0.794843) < 1e-6)
    }

    @Test func detectionCountsHavingAValue() throws {
        // A: tp rows 1, 4, 6; fp row 2 (a value, gold empty); fn row 3 (gold, no value); row 5 neither
        // → P = 3/4, R = 3/4, F1 = 2·3 / (2·3 + 1 + 1) = 0.75
        let counts = DetectionMetrics.Counts(hasScore: Self.a.map { $0 != nil }, hasGold: Self.gold.map { $0 != nil }, indices: Array(0..<6))
        #expect(counts.truePositives == 3 && counts.falsePositives == 1 && counts.falseNegatives == 1)
        #expect(counts.precision == 0.75 && counts.recall == 0.75 && counts.f1 == 0.75)
        // B: a value on all six → tp 4, fp 2, fn 0: P = 2/3, R = 1, F1 = 8/10
        let b = DetectionMetrics.Counts(hasScore: Array(repeating: true, count: 6), hasGold: Self.gold.map { $0 != nil }, indices: Array(0..<6))
        #expect(abs(try #require(b.precision) - 2.0 / 3) < tolerance)
        #expect(b.recall == 1)
        #expect(abs(try #require(b.f1) - 0.8) < tolerance)
        // Nothing predicted: precision undefined, recall 0, F1 0; nothing at all: all undefined.
        let none = DetectionMetrics.Counts(hasScore: Array(repeating: false, count: 6), hasGold: Self.gold.map { $0 != nil }, indices: Array(0..<6))
        #expect(none.precision == nil && none.recall == 0 && none.f1 == 0)
        let empty = DetectionMetrics.Counts(hasScore: [false], hasGold: [false], indices: [0])
        #expect(empty.precision == nil && empty.recall == nil && empty.f1 == nil)
    }

    /// The fixture as a TSV file: empty success cells, a text with bare quotes.
    static func corpus() throws -> BenchCorpus {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-nocue-\(UUID().uuidString).tsv").path
        let rows = Self.gold.enumerated().map { i, g in "row \(i + 1) said \"so\"\t\(g.map { "\($0)" } ?? "")" }
        try ("text\tsuccess\n" + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try BenchCorpus(spec: BenchCorpusSpec(path: path, labelColumn: "success", kind: .noCueContinuous(.success, -1...1)), lexiconCategories: [])
    }

    @Test func runnerReportsRR0AndDetectionWithPairedComparisons() throws {
        let corpus = try Self.corpus()
        var parameters = BenchParameters()
        parameters.bootstrapSamples = 200
        let result = try BenchRunner(parameters: parameters).run(corpus: corpus, systems: [
            .external(name: "a", source: "test", scores: Self.a),
            .external(name: "b", source: "test", scores: Self.b),
        ])
        #expect(result.items == 6 && result.labelled == 4 && result.noCue == 2 && result.missing == 0)
        #expect(result.systems.map(\.predicted) == [4, 6])
        func metrics(_ s: Int) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: result.systems[s].metrics.compactMap { m in m.value.map { (m.metric, $0) } })
        }
        let a = metrics(0), b = metrics(1)
        #expect(result.systems[0].metrics.map(\.metric) == ["pearson", "r0", "detectionPrecision", "detectionRecall", "detectionF1"])
        #expect(abs(try #require(a["pearson"]) - Self.rA) < tolerance)
        #expect(abs(try #require(a["r0"]) - Self.r0A) < tolerance)
        #expect(a["detectionPrecision"] == 0.75 && a["detectionRecall"] == 0.75 && a["detectionF1"] == 0.75)
        #expect(abs(try #require(b["pearson"]) - Self.rB) < tolerance)
        #expect(abs(try #require(b["r0"]) - Self.rB) < tolerance)
        #expect(abs(try #require(b["detectionF1"]) - 0.8) < tolerance)
        // Paired comparisons a − b on r0 and F1, as on every other metric.
        let r0 = try #require(result.comparisons.first { $0.metric == "r0" && $0.a == "a" && $0.b == "b" })
        #expect(abs(try #require(r0.difference) - (Self.r0A - Self.rB)) < tolerance)
        #expect(r0.pValue != nil)
        let f1 = try #require(result.comparisons.first { $0.metric == "detectionF1" })
        #expect(abs(try #require(f1.difference) - (0.75 - 0.8)) < tolerance)
        // Every interval holds its value.
        for metric in result.systems.flatMap(\.metrics) {
            let value = try #require(metric.value), lower = try #require(metric.lower), upper = try #require(metric.upper)
            #expect(lower <= value + tolerance && value <= upper + tolerance, "\(metric.metric)")
        }
        let json = BenchReport(command: "test", parameters: parameters, lexicons: [], corpora: [result]).json()
        #expect(json.contains("\"kind\":\"success:nocue:-1..1\",\"items\":6,\"missingLabels\":0,\"outOfRange\":0,\"rows\":\"all\",\"labelled\":4,\"noCue\":2"))
        #expect(json.contains("\"predicted\":4,"))
    }

    @Test func aMissingExternalScoreOnAValenceCorpusCountsAsZero() throws {
        // Gold 1 0.5 −0.5 −1; scores 0.8 nil −0.2 −0.6 → the nil is 0 and uncovered:
        // coverage 3/4, signs right on rows 1, 3, 4 → 3/4.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-valence-\(UUID().uuidString).tsv").path
        try "text\tlabel\na\t1\nb\t0.5\nc\t-0.5\nd\t-1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let corpus = try BenchCorpus(spec: BenchCorpusSpec(path: path, kind: .continuous(.valence, -1...1)), lexiconCategories: [])
        var parameters = BenchParameters()
        parameters.bootstrapSamples = 20
        let result = try BenchRunner(parameters: parameters).run(corpus: corpus, systems: [.external(name: "x", source: "test", scores: [0.8, nil, -0.2, -0.6])])
        let metrics = Dictionary(uniqueKeysWithValues: result.systems[0].metrics.compactMap { m in m.value.map { (m.metric, $0) } })
        #expect(metrics["coverage"] == 0.75 && metrics["signAccuracy"] == 0.75)
        #expect(result.labelled == nil && result.systems[0].predicted == nil)
    }
}
