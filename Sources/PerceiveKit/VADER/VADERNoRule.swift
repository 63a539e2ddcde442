/// VADER's "no" rules (`sentiment_valence`):
/// - the term "no" weighs nothing when the next word is in the lexicon ("no good": only
///   "good" counts);
/// - a term one or two words after "no", or three words after "no" with "or"/"nor" just
///   before it ("no fun or joy"), takes its lexicon valence times
///   ``VADERParameters/negationScalar``.
enum VADERNoRule {
    @inline(__always)
    static func apply(_ valence: Double, at i: Int, lexiconValence: Double, _ t: VADERWords) -> Double {
        var valence = valence
        let no = t.w.no
        if t.ids[i] == no && i != t.count - 1 && t.inLexicon(i + 1) { valence = 0 }
        if (i > 0 && t.ids[i - 1] == no) || (i > 1 && t.ids[i - 2] == no)
            || (i > 2 && t.ids[i - 3] == no && (t.ids[i - 1] == t.w.or || t.ids[i - 1] == t.w.nor)) {
            valence = lexiconValence * t.p.negationScalar
        }
        return valence
    }
}
