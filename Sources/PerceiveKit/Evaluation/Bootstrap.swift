/// Seeded bootstrap: confidence intervals for a metric, and a paired test of the difference
/// between two systems on the same items.
///
/// All systems of one corpus are measured on the same resamples (the same item indices), so
/// intervals are comparable and the test is paired. Resample b draws n indices with
/// replacement from ``SeededGenerator`` seeded with the run's seed.
public struct Bootstrap: Sendable {
    /// The resamples: each an array of n item indices.
    public let samples: [[Int]]

    public init(itemCount: Int, samples count: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        samples = (0..<count).map { _ in (0..<itemCount).map { _ in generator.index(below: itemCount) } }
    }

    /// The percentile interval of `values` at `level` (0.95 → 2.5th and 97.5th percentiles,
    /// linear interpolation between order statistics, R's type 7). Nil when empty.
    public static func percentileInterval(_ values: [Double], level: Double) -> (lower: Double, upper: Double)? {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return nil }
        let alpha = (1 - level) / 2
        return (quantile(sorted, alpha), quantile(sorted, 1 - alpha))
    }

    /// Quantile `q` of sorted values, R's type 7: h = (n − 1)q, linear between ⌊h⌋ and ⌈h⌉.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = Int(h.rounded(.up))
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// Two-sided p-value for "the two systems differ" from the bootstrap differences
    /// `deltas` (system A − system B on each resample):
    /// `p = min(1, 2 · (min(#{δ ≤ 0}, #{δ ≥ 0}) + 1) / (B + 1))`. The +1 keeps p above 0 with
    /// a finite number of resamples.
    public static func pairedPValue(_ deltas: [Double]) -> Double? {
        let valid = deltas.filter { !$0.isNaN }
        guard !valid.isEmpty else { return nil }
        let atMostZero = valid.filter { $0 <= 0 }.count
        let atLeastZero = valid.filter { $0 >= 0 }.count
        return min(1, 2 * Double(min(atMostZero, atLeastZero) + 1) / Double(valid.count + 1))
    }
}
