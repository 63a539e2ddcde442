/// Measures for a score that may be missing ("no cue") against gold labels that may be empty
/// ("the text says nothing about this"), as cx-real-dev's `SOURCE.md` defines them for effort
/// and success:
///
/// - **r**: Pearson's r over the items where both gold and the score have a value;
/// - **r0**: Pearson's r over the items where gold has a value, a missing score counted as 0
///   (abstaining on an item that has a cue costs);
/// - **detection** precision, recall and F1 of "has a value": the score has one vs gold has one,
///   over all items.
///
/// For example, gold `[0.5, nil, -1]` and scores `[0.4, 0.2, nil]`: r has one pair (nil), r0
/// pairs (0.5, 0.4) and (−1, 0) → 1; detection tp 1, fp 1, fn 1 → P = R = F1 = 0.5.
public enum DetectionMetrics {
    /// Pearson's r over `indices` where both `hasGold` and `hasScore` hold.
    public static func pearsonWhereBoth(score: [Double], hasScore: [Bool], gold: [Double], hasGold: [Bool], indices: [Int]) -> Double? {
        CorrelationMetrics.pearson(score, gold, indices: indices.filter { hasGold[$0] && hasScore[$0] })
    }

    /// Pearson's r over `indices` where `hasGold` holds; `score` must hold 0 where there is no
    /// score (as ``BenchRunner`` fills it).
    public static func pearsonMissingAsZero(score: [Double], gold: [Double], hasGold: [Bool], indices: [Int]) -> Double? {
        CorrelationMetrics.pearson(score, gold, indices: indices.filter { hasGold[$0] })
    }

    /// Counts of "has a value" over `indices` (an index counted as often as it occurs).
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init(hasScore: [Bool], hasGold: [Bool], indices: [Int]) {
            for i in indices {
                switch (hasScore[i], hasGold[i]) {
                case (true, true): truePositives += 1
                case (true, false): falsePositives += 1
                case (false, true): falseNegatives += 1
                case (false, false): break
                }
            }
        }

        /// tp / (tp + fp); nil when nothing has a score.
        public var precision: Double? {
            truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : nil
        }

        /// tp / (tp + fn); nil when no gold label has a value.
        public var recall: Double? {
            truePositives + falseNegatives > 0 ? Double(truePositives) / Double(truePositives + falseNegatives) : nil
        }

        /// 2tp / (2tp + fp + fn) (the harmonic mean of precision and recall, 0 when either is 0
        /// or undefined); nil when neither gold nor scores have any value.
        public var f1: Double? {
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            return denominator > 0 ? Double(2 * truePositives) / Double(denominator) : nil
        }
    }
}
