/// Area under the ROC curve of a score for a binary target: the probability that a random
/// positive item scores higher than a random negative one, ties counting one half (the
/// Mann–Whitney U statistic divided by n₊·n₋).
public enum ROCAUC {
    /// `positive[i]` says whether item i is a positive. Nil without both classes.
    ///
    /// - Complexity: O(n log n).
    public static func auc(scores: [Double], positive: [Bool], indices: [Int]? = nil) -> Double? {
        let idx = indices ?? Array(scores.indices)
        let ranks = CorrelationMetrics.ranks(idx.map { scores[$0] })
        var positives = 0.0, rankSum = 0.0
        for (k, i) in idx.enumerated() where positive[i] {
            positives += 1
            rankSum += ranks[k]
        }
        let negatives = Double(idx.count) - positives
        guard positives > 0, negatives > 0 else { return nil }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }
}
