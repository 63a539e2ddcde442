/// VADER's negation (`_negation_check`), run once per distance 1, 2, 3 before a term (only
/// when the word there is not itself a lexicon term, after that distance's booster):
/// a negation (`NEGATE`, or a word containing "n't") at that distance multiplies the valence
/// by ``VADERParameters/negationScalar``, with these exceptions, as in vaderSentiment 3.3.2:
/// - distance 2: "never so good" / "never this good" multiply by ``VADERParameters/neverSoFactor``
///   instead; "without doubt good" leaves it;
/// - distance 3: "never so/this X good" multiplies by ``VADERParameters/neverSoFactor``, and so
///   does *any* "so"/"this" right before the term (Python's `and`/`or` precedence in the
///   source); "without doubt X good" / "without X doubt good" leave it.
enum VADERNegationRule {
    @inline(__always)
    static func apply(_ valence: Double, distance k: Int, at i: Int, _ t: VADERWords) -> Double {
        let p = t.p
        switch k {
        case 0:
            return t.negates(i - 1) ? valence * p.negationScalar : valence
        case 1:
            if t.ids[i - 2] == t.w.never && t.isSoOrThis(i - 1) { return valence * p.neverSoFactor }
            if t.ids[i - 2] == t.w.without && t.ids[i - 1] == t.w.doubt { return valence }
            return t.negates(i - 2) ? valence * p.negationScalar : valence
        default:
            if (t.ids[i - 3] == t.w.never && t.isSoOrThis(i - 2)) || t.isSoOrThis(i - 1) {
                return valence * p.neverSoFactor
            }
            if t.ids[i - 3] == t.w.without && (t.ids[i - 2] == t.w.doubt || t.ids[i - 1] == t.w.doubt) { return valence }
            return t.negates(i - 3) ? valence * p.negationScalar : valence
        }
    }
}
