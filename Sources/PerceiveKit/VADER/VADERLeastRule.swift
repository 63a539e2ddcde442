/// VADER's "least" rule (`_least_check`): a term right after "least" (itself not a lexicon
/// term) is multiplied by ``VADERParameters/negationScalar``, unless "at least" or "very least".
enum VADERLeastRule {
    @inline(__always)
    static func apply(_ valence: Double, at i: Int, _ t: VADERWords) -> Double {
        guard i > 0, t.ids[i - 1] == t.w.least, !t.inLexicon(i - 1) else { return valence }
        if i > 1 && (t.ids[i - 2] == t.w.at || t.ids[i - 2] == t.w.very) { return valence }
        return valence * t.p.negationScalar
    }
}
