import Foundation

/// vaderSentiment's four values for a text, rounded as `polarity_scores` returns them
/// (``VADERParameters/proportionDecimals``, ``VADERParameters/compoundDecimals``).
public struct VADERPolarity: Sendable, Equatable {
    /// Proportions of the text that are negative, neutral and positive (they add up to about 1).
    public var neg: Double
    public var neu: Double
    public var pos: Double
    /// The normalized sum of valences, -1 … 1.
    public var compound: Double

    public init(neg: Double, neu: Double, pos: Double, compound: Double) {
        self.neg = neg
        self.neu = neu
        self.pos = pos
        self.compound = compound
    }

    /// `score_valence`: the sum of the word valences, moved away from zero by the punctuation
    /// amplifier, normalized to compound = s / √(s² + ``VADERParameters/alpha``); the
    /// proportions count each positive valence as valence + 1, each negative as valence − 1
    /// and each zero as 1, the amplifier added to the larger side.
    ///
    /// Only the positions in `terms` (increasing) can be non-zero; the sums skip the others,
    /// which changes no bit of them (adding ±0 to a sum that started at +0 leaves it as it was).
    @inline(__always)
    static func aggregate(_ sentiments: UnsafeBufferPointer<Double>, terms: UnsafeBufferPointer<Int32>, amplifier: Double,
                          _ p: VADERParameters) -> VADERPolarity {
        guard !sentiments.isEmpty else { return VADERPolarity(neg: 0, neu: 0, pos: 0, compound: 0) }
        var sum = 0.0
        var posSum = 0.0, negSum = 0.0, nonZero = 0
        for term in terms {
            let s = sentiments[Int(term)]
            sum += s
            if s > 0 { posSum += s + 1 }
            if s < 0 { negSum += s - 1 }
            if s != 0 { nonZero &+= 1 }
        }
        let neutral = sentiments.count - nonZero
        if sum > 0 { sum += amplifier } else if sum < 0 { sum -= amplifier }
        let compound = min(1, max(-1, sum / (sum * sum + p.alpha).squareRoot()))
        if posSum > abs(negSum) { posSum += amplifier } else if posSum < abs(negSum) { negSum -= amplifier }
        let total = posSum + abs(negSum) + Double(neutral)
        return VADERPolarity(
            neg: round(abs(negSum / total), p.proportionDecimals),
            neu: round(abs(Double(neutral) / total), p.proportionDecimals),
            pos: round(abs(posSum / total), p.proportionDecimals),
            compound: round(compound, p.compoundDecimals))
    }

    /// Python's `round(x, decimals)`: x rounded to `decimals` places, half to even, on x's
    /// exact binary value, then the double nearest to that decimal.
    ///
    /// `x × 10ᵈ` is `y + e` exactly (`e` from a fused multiply-add), so comparing its fraction
    /// with one half is exact; `k / 10ᵈ` is then correctly rounded, as Python's `strtod` is.
    static func round(_ x: Double, _ decimals: Int) -> Double {
        var scale = decimals == 3 ? 1e3 : decimals == 4 ? 1e4 : 1.0
        if decimals != 3 && decimals != 4 {
            for _ in 0..<decimals { scale *= 10 }   // exact: powers of ten up to 10²² are doubles
        }
        // Python's rounding is symmetric: work on |x| (then y − ⌊y⌋ is exact) and restore the sign.
        let a = abs(x)
        let y = a * scale
        guard y.isFinite, y < 0x1p52 else { return x }
        let e = (-y).addingProduct(a, scale)    // a·scale − y, exactly
        let f = y.rounded(.down)
        let t = (y - f - 0.5) + e               // the sign of (exact fraction − ½)
        var k = t > 0 ? f + 1 : f
        if t == 0 { k = f.truncatingRemainder(dividingBy: 2) == 0 ? f : f + 1 }
        return x < 0 ? -(k / scale) : k / scale
    }
}
