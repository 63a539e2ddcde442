/// VADER's ALL-CAPS emphasis (`sentiment_valence`): when only some words of the text are
/// ALL CAPS (`allcap_differential`), an ALL-CAPS term moves ``VADERParameters/capsIncrement``
/// away from zero (a valence of exactly 0 moves down, as in vaderSentiment).
enum VADERCapsRule {
    /// `allcap_differential`: some but not all words are ALL CAPS.
    /// `caps` of `count` words are ALL CAPS (counted while splitting, ``VADERText/capsCount``).
    static func isDifferential(caps: Int, count: Int) -> Bool {
        let others = count - caps
        return others > 0 && others < count
    }

    @inline(__always)
    static func apply(_ valence: Double, at i: Int, _ t: VADERWords) -> Double {
        guard t.capsDifferential && t.isUpper(i) else { return valence }
        return valence > 0 ? valence + t.p.capsIncrement : valence - t.p.capsIncrement
    }
}
