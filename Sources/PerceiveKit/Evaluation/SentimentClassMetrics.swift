/// Metrics on the sign of a valence-like score: sign accuracy as sentimentr's
/// `validate_sentiment` computes it (its "mean directional accuracy"), and the 3-class
/// weighted F1 of the VADER paper.
public enum SentimentClassMetrics {
    /// Share of items with `sign(predicted) == sign(gold)`. A prediction of exactly 0 counts
    /// as wrong unless the gold label is 0 too (sentimentr: `mean(sign(predicted) == sign(actual))`).
    public static func signAccuracy(predicted: [Double], gold: [Double], indices: [Int]? = nil) -> Double? {
        let idx = indices ?? Array(predicted.indices)
        guard !idx.isEmpty else { return nil }
        var right = 0
        for i in idx where sign(predicted[i]) == sign(gold[i]) { right += 1 }
        return Double(right) / Double(idx.count)
    }

    @inline(__always) static func sign(_ x: Double) -> Int { x > 0 ? 1 : (x < 0 ? -1 : 0) }

    /// −1, 0 or 1: negative at or below `-threshold`, positive at or above `threshold`, else
    /// neutral (the VADER paper's ±0.05 on the compound score).
    @inline(__always)
    public static func sentimentClass(_ x: Double, threshold: Double) -> Int {
        x >= threshold ? 1 : (x <= -threshold ? -1 : 0)
    }

    /// F1 of each of the three classes weighted by the class's share of the gold labels
    /// (scikit-learn's `average="weighted"`). `predicted` and `gold` hold classes −1, 0, 1.
    /// A class with no predictions has precision 0 (and F1 0).
    public static func weightedF1(predicted: [Int], gold: [Int], indices: [Int]? = nil) -> Double? {
        let idx = indices ?? Array(predicted.indices)
        guard !idx.isEmpty else { return nil }
        var tp = [0, 0, 0], fp = [0, 0, 0], fn = [0, 0, 0], support = [0, 0, 0]
        for i in idx {
            let p = predicted[i] + 1, g = gold[i] + 1
            support[g] += 1
            if p == g { tp[p] += 1 } else { fp[p] += 1; fn[g] += 1 }
        }
        var total = 0.0
        for c in 0..<3 where support[c] > 0 {
            let precision = tp[c] + fp[c] > 0 ? Double(tp[c]) / Double(tp[c] + fp[c]) : 0
            let recall = Double(tp[c]) / Double(support[c])
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            total += f1 * Double(support[c])
        }
        return total / Double(idx.count)
    }

    /// Mean absolute rescaled error (sentimentr): `Σ|gold − predicted| / 2n`, both on −1 … 1.
    /// 0 is perfect, 1 always maximally wrong.
    public static func meanAbsoluteRescaledError(predicted: [Double], gold: [Double], indices: [Int]? = nil) -> Double? {
        let idx = indices ?? Array(predicted.indices)
        guard !idx.isEmpty else { return nil }
        var sum = 0.0
        for i in idx { sum += abs(gold[i] - predicted[i]) }
        return sum / (2 * Double(idx.count))
    }
}
