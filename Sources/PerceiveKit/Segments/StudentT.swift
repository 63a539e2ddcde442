import Foundation

/// Student's t distribution: the two-sided tail probability and the quantile used for
/// confidence intervals and Welch's test, from the regularized incomplete beta function
/// (continued fraction, modified Lentz; see Press et al., Numerical Recipes, §6.4).
public enum StudentT {
    /// P(|T| ≥ |t|) for T ~ t(df): `I_{df/(df+t²)}(df/2, 1/2)`.
    public static func twoSidedP(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isFinite, df > 0 else { return t.isNaN ? .nan : 0 }
        return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5)
    }

    /// The t with P(|T| ≥ t) = 1 − `confidence` (e.g. 0.95 → 1.96 for large df).
    public static func quantile(confidence: Double, degreesOfFreedom df: Double) -> Double {
        let alpha = 1 - confidence
        var low = 0.0, high = 1.0
        while twoSidedP(high, degreesOfFreedom: df) > alpha { high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if twoSidedP(mid, degreesOfFreedom: df) > alpha { low = mid } else { high = mid }
            if high - low < 1e-13 { break }
        }
        return (low + high) / 2
    }

    /// I_x(a, b).
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logBeta + logPowers)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x, a, b) / a
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500 {
            let m = Double(m)
            var numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}

/// Benjamini–Hochberg adjusted p-values (the false discovery rate), in the input order.
public func benjaminiHochbergAdjusted(_ p: [Double]) -> [Double] {
    let m = p.count
    guard m > 0 else { return [] }
    let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
    var adjusted = [Double](repeating: 1, count: m)
    var running = 1.0
    for rank in stride(from: m, through: 1, by: -1) {
        let k = order[rank - 1]
        running = min(running, p[k] * Double(m) / Double(rank))
        adjusted[k] = min(1, running)
    }
    return adjusted
}
