import Foundation
import Testing
@testable import PerceiveKit

/// Every expected value below is worked out by hand in the comment next to it.
@Suite struct BenchMetricsTests {
    let tolerance = 1e-9

    @Test func pearsonOfFourPoints() throws {
        // x̄ = 2.5, ȳ = 5; dx = -1.5 -0.5 0.5 1.5, dy = -3 -1 0 4
        // Σdxdy = 4.5 + 0.5 + 0 + 6 = 11; Σdx² = 5; Σdy² = 26 → r = 11 / √130
        let r = try #require(CorrelationMetrics.pearson([1, 2, 3, 4], [2, 4, 5, 9]))
        #expect(abs(r - 11 / (130.0).squareRoot()) < tolerance)
        #expect(abs(r - 0.964764) < 1e-6)
    }

    @Test func pearsonWithoutVarianceIsNil() {
        #expect(CorrelationMetrics.pearson([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test func spearmanGivesTiesTheirMeanRank() throws {
        // ranks of x = 1 2 2 3 → 1, 2.5, 2.5, 4; of y → 1 2 3 4
        // dx = -1.5 0 0 1.5, dy = -1.5 -0.5 0.5 1.5: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5/√22.5
        #expect(CorrelationMetrics.ranks([1, 2, 2, 3]) == [1, 2.5, 2.5, 4])
        let rho = try #require(CorrelationMetrics.spearman([1, 2, 2, 3], [10, 20, 30, 40]))
        #expect(abs(rho - 4.5 / (22.5).squareRoot()) < tolerance)
    }

    @Test func signAccuracyCountsZeroAsWrong() {
        // 0.5 vs 1 right; 0 vs 1 wrong (sentimentr); -0.2 vs -1 right; 0.1 vs -1 wrong → 2/4
        let accuracy = SentimentClassMetrics.signAccuracy(predicted: [0.5, 0, -0.2, 0.1], gold: [1, 1, -1, -1])
        #expect(accuracy == 0.5)
    }

    @Test func threeClassesFollowTheVADERThresholds() {
        #expect(SentimentClassMetrics.sentimentClass(0.05, threshold: 0.05) == 1)
        #expect(SentimentClassMetrics.sentimentClass(0.049, threshold: 0.05) == 0)
        #expect(SentimentClassMetrics.sentimentClass(-0.05, threshold: 0.05) == -1)
    }

    @Test func weightedF1OfThreeClasses() throws {
        // predicted  1  0 -1  1  0
        // gold       1  1 -1 -1  0
        // +1: tp 1, fp 1, fn 1 → P .5 R .5 F1 .5, support 2
        //  0: tp 1, fp 1, fn 0 → P .5 R 1 F1 2/3, support 1
        // -1: tp 1, fp 0, fn 1 → P 1 R .5 F1 2/3, support 2
        // weighted: (2·0.5 + 1·2/3 + 2·2/3) / 5 = 3/5
        let f1 = try #require(SentimentClassMetrics.weightedF1(predicted: [1, 0, -1, 1, 0], gold: [1, 1, -1, -1, 0]))
        #expect(abs(f1 - 0.6) < tolerance)
    }

    @Test func meanAbsoluteRescaledError() throws {
        // (|1 − 0.5| + |1 − (−0.5)|) / (2·2) = 2/4
        let mare = try #require(SentimentClassMetrics.meanAbsoluteRescaledError(predicted: [0.5, -0.5], gold: [1, 1]))
        #expect(abs(mare - 0.5) < tolerance)
    }

    @Test func aucCountsTiesAsHalf() throws {
        // positives 0.9, 0.4; negatives 0.4, 0.1: pairs 1 + 1 + 0.5 + 1 = 3.5 of 4
        let auc = try #require(ROCAUC.auc(scores: [0.9, 0.4, 0.4, 0.1], positive: [true, true, false, false]))
        #expect(abs(auc - 0.875) < tolerance)
        #expect(ROCAUC.auc(scores: [1, 2], positive: [true, true]) == nil)
    }

    @Test func perLabelAndMacroF1() throws {
        // gold {0} {0,1} {2} {}; predicted {0} {1} {0} {2}
        // label 0: tp 1, fp 1, fn 1 → F1 .5; label 1: tp 1 → F1 1; label 2: tp 0 → F1 0
        let gold: [Set<Int>] = [[0], [0, 1], [2], []]
        let predicted: [Set<Int>] = [[0], [1], [0], [2]]
        let scores = LabelSetMetrics.perLabel(predicted: predicted, gold: gold, labelCount: 3)
        #expect(scores[0] == .init(precision: 0.5, recall: 0.5, f1: 0.5, support: 2))
        #expect(scores[1] == .init(precision: 1, recall: 1, f1: 1, support: 1))
        #expect(scores[2] == .init(precision: 0, recall: 0, f1: 0, support: 1))
        let macro = try #require(LabelSetMetrics.macroF1(predicted: predicted, gold: gold, labelCount: 3))
        #expect(abs(macro - 0.5) < tolerance)   // (0.5 + 1 + 0) / 3
        // A fourth label, never annotated nor predicted, is left out of the mean.
        let withUnused = try #require(LabelSetMetrics.macroF1(predicted: predicted, gold: gold, labelCount: 4))
        #expect(abs(withUnused - 0.5) < tolerance)
    }

    @Test func quantilesInterpolateLikeRType7() {
        // h = (5 − 1)·0.25 = 1 → 2; h = 0.4 → 1 + 0.4·(2 − 1)
        #expect(Bootstrap.quantile([1, 2, 3, 4, 5], 0.25) == 2)
        #expect(abs(Bootstrap.quantile([1, 2, 3, 4, 5], 0.1) - 1.4) < tolerance)
    }

    @Test func pairedPValue() throws {
        // deltas 1 2 −1 3: 1 at most 0, 3 at least 0 → 2·(1 + 1)/(4 + 1)
        let p = try #require(Bootstrap.pairedPValue([1, 2, -1, 3]))
        #expect(abs(p - 0.8) < tolerance)
    }

    @Test func resamplesRepeatForTheSameSeed() {
        let a = Bootstrap(itemCount: 10, samples: 3, seed: 7)
        let b = Bootstrap(itemCount: 10, samples: 3, seed: 7)
        let c = Bootstrap(itemCount: 10, samples: 3, seed: 8)
        #expect(a.samples == b.samples)
        #expect(a.samples != c.samples)
        #expect(a.samples.allSatisfy { $0.count == 10 && $0.allSatisfy { (0..<10).contains($0) } })
    }

    @Test func splitMix64FirstOutput() {
        // SplitMix64 from seed 0: the first output is 0xE220A8397B1DCDAF (Vigna's reference).
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }
}

/// The runner, on scores given directly (no lexicon), so every figure can be checked by hand.
@Suite struct BenchRunnerTests {
    static func corpus(gold: [Double]) throws -> BenchCorpus {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-runner-\(UUID().uuidString).tsv").path
        let rows = gold.enumerated().map { "comment \($0)\t\($1)" }.joined(separator: "\n")
        try ("text\tlabel\n" + rows + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try BenchCorpus(spec: BenchCorpusSpec(path: path, kind: .continuous(.valence, -1...1)), lexiconCategories: [])
    }

    @Test func externalScoresAreMeasuredAndCompared() throws {
        let corpus = try Self.corpus(gold: [1, 0.5, -0.5, -1])
        var parameters = BenchParameters()
        parameters.bootstrapSamples = 200
        let result = try BenchRunner(parameters: parameters).run(corpus: corpus, systems: [
            .external(name: "a", source: "test", scores: [0.8, 0.2, 0, -0.6]),
            .external(name: "b", source: "test", scores: [0.8, 0.2, 0, -0.6]),
        ])
        let a = Dictionary(uniqueKeysWithValues: result.systems[0].metrics.compactMap { m in m.value.map { (m.metric, $0) } })
        // coverage: 3 of 4 scores are not 0; signs: 0 vs −0.5 is wrong → 3/4
        #expect(a["coverage"] == 0.75)
        #expect(a["signAccuracy"] == 0.75)
        // MARE: (0.2 + 0.3 + 0.5 + 0.4) / 8 = 0.175
        #expect(abs(try #require(a["mare"]) - 0.175) < 1e-9)
        // AUC: both positives above both negatives → 1
        #expect(a["auc"] == 1)
        // Identical systems: every difference 0, so the paired test finds nothing (p = 1).
        #expect(result.comparisons.allSatisfy { $0.difference == 0 && $0.pValue == 1 })
        let interval = try #require(result.systems[0].metrics.first { $0.metric == "pearson" })
        #expect(try #require(interval.lower) <= interval.value! && interval.value! <= interval.upper!)
    }
}
