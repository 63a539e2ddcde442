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

/// VADER's boosters and dampeners (`scalar_inc_dec`): a word of `BOOSTER_DICT` up to three
/// words before a term adds its value, away from zero for a negative term; an ALL-CAPS
/// booster adds ``VADERParameters/capsIncrement`` more; two words back it counts
/// ``VADERParameters/boosterDampingAtDistance2``, three ``VADERParameters/boosterDampingAtDistance3``.
enum VADERBoosterRule {
    /// The change booster word `j` makes to `valence`, `distance` words before the term (0-based).
    @inline(__always)
    static func scalar(word j: Int, distance: Int, valence: Double, _ t: VADERWords) -> Double {
        var s = t.booster(j)
        guard s != 0 else { return 0 }
        if valence < 0 { s = -s }
        if t.isUpper(j) && t.capsDifferential { s = valence > 0 ? s + t.p.capsIncrement : s - t.p.capsIncrement }
        if distance == 1 { s *= t.p.boosterDampingAtDistance2 }
        if distance == 2 { s *= t.p.boosterDampingAtDistance3 }
        return s
    }
}

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
