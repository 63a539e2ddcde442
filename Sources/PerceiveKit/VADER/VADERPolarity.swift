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
    ///
    /// The parameters are read in place (passed by value, the struct would be copied per text).
    @inline(__always)
    static func aggregate(_ sentiments: UnsafeBufferPointer<Double>, terms: UnsafeBufferPointer<Int32>, amplifier: Double,
                          _ parameters: UnsafePointer<VADERParameters>) -> VADERPolarity {
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
        let compound = min(1, max(-1, sum / (sum * sum + parameters.pointee.alpha).squareRoot()))
        if posSum > abs(negSum) { posSum += amplifier } else if posSum < abs(negSum) { negSum -= amplifier }
        let total = posSum + abs(negSum) + Double(neutral)
        let proportionScale = scale(parameters.pointee.proportionDecimals)
        return VADERPolarity(
            neg: round(abs(negSum / total), scale: proportionScale),
            neu: round(abs(Double(neutral) / total), scale: proportionScale),
            pos: round(abs(posSum / total), scale: proportionScale),
            compound: round(compound, scale: scale(parameters.pointee.compoundDecimals)))
    }

    /// Python's `round(x, decimals)`: x rounded to `decimals` places, half to even, on x's
    /// exact binary value, then the double nearest to that decimal.
    static func round(_ x: Double, _ decimals: Int) -> Double {
        round(x, scale: scale(decimals))
    }

    /// 10 to the power `decimals` (exact: powers of ten up to 10²² are doubles).
    @inline(__always)
    static func scale(_ decimals: Int) -> Double {
        if decimals == 3 { return 1e3 }
        if decimals == 4 { return 1e4 }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        return scale
    }

    /// ``round(_:_:)`` with `scale` = 10 to the power `decimals`.
    ///
    /// `x × 10ᵈ` is `y + e` exactly, so comparing its fraction with one half is exact; `k / 10ᵈ`
    /// is then correctly rounded, as Python's `strtod` is. No library calls: ⌊y⌋ by adding and
    /// subtracting 2⁵², and the product's error `e` (a fused multiply-add, a call on baseline
    /// x86-64) only when y's fraction is within a few ulps of one half (|e| ≤ ½ ulp(y) ≤ y·2⁻⁵³
    /// cannot change the comparison's sign otherwise).
    @inline(__always)
    static func round(_ x: Double, scale: Double) -> Double {
        // Python's rounding is symmetric: work on |x| (then y − ⌊y⌋ is exact) and restore the sign.
        let a = abs(x)
        let y = a * scale
        guard y < 0x1p52 else { return x }      // also NaN and infinity
        var f = (y + 0x1p52) - 0x1p52           // y rounded to an integer (exact for 0 ≤ y < 2⁵²)
        if f > y { f -= 1 }
        var t = y - f - 0.5                     // the sign of (fraction − ½), but for e
        if abs(t) <= y * 0x1p-50 { t += (-y).addingProduct(a, scale) }   // e = a·scale − y, exactly
        // A tie goes to the even integer: f's parity is the last bit of f + 2⁵² (whose ulp is 1).
        let odd = (f + 0x1p52).bitPattern & 1 != 0
        let k = t > 0 || (t == 0 && odd) ? f + 1 : f
        return x < 0 ? -(k / scale) : k / scale
    }
}
