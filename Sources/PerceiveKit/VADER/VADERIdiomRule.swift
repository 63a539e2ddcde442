/// VADER's special cases and phrase boosters (`_special_idioms_check`), run for a term with
/// at least three words before it: the first of "w₋₁ w₀", "w₋₂ w₋₁ w₀", "w₋₂ w₋₁",
/// "w₋₃ w₋₂ w₋₁", "w₋₃ w₋₂" that is a `SPECIAL_CASES` phrase ("the bomb", "yeah right")
/// replaces the valence; then "w₀ w₁" and "w₀ w₁ w₂" replace it when they are one; then each
/// of "w₋₃ w₋₂ w₋₁", "w₋₃ w₋₂", "w₋₂ w₋₁" that is a `BOOSTER_DICT` phrase ("kind of",
/// "sort of", "just enough") adds its value (with no sign change).
enum VADERIdiomRule {
    static func apply(_ valence: Double, at i: Int, _ t: VADERWords) -> Double {
        // Most terms have no phrase word around them: nothing to look up.
        var any = false
        for j in (i - 3)...min(i + 2, t.count - 1) where t.inPhrase(j) { any = true; break }
        guard any else { return valence }
        var valence = valence
        let special = t.specialPhrases
        // "w₋₁ w₀", "w₋₂ w₋₁ w₀", "w₋₂ w₋₁", "w₋₃ w₋₂ w₋₁", "w₋₃ w₋₂": the first that is one.
        if let v = value(i - 1, 2, special, t) ?? value(i - 2, 3, special, t) ?? value(i - 2, 2, special, t)
            ?? value(i - 3, 3, special, t) ?? value(i - 3, 2, special, t) {
            valence = v
        }
        if t.count - 1 > i, let v = value(i, 2, special, t) { valence = v }
        if t.count - 1 > i + 1, let v = value(i, 3, special, t) { valence = v }
        let boosters = t.boosterPhrases
        if let v = value(i - 3, 3, boosters, t) { valence += v }
        if let v = value(i - 3, 2, boosters, t) { valence += v }
        if let v = value(i - 2, 2, boosters, t) { valence += v }
        return valence
    }

    /// The value of the phrase that the `length` words from `first` spell, if it is one of `phrases`.
    @inline(__always)
    private static func value(_ first: Int, _ length: Int, _ phrases: UnsafeBufferPointer<VADERPhrase>, _ t: VADERWords) -> Double? {
        let a = t.ids[first], b = t.ids[first + 1], c = length == 3 ? t.ids[first + 2] : -1
        // Every phrase word is in the table: a word that is not (-1) ends the search at once, and
        // so does a first word that starts no phrase.
        guard a >= 0 && b >= 0 && (length == 2 || c >= 0) && t.table[Int(a)].startsPhrase else { return nil }
        for phrase in phrases where phrase.first == a && phrase.second == b && phrase.third == c { return phrase.value }
        return nil
    }
}

/// VADER's contrast (`_but_check`): when the text has "but", each valence before the first
/// "but" is multiplied by ``VADERParameters/beforeButFactor`` and each after it by
/// ``VADERParameters/afterButFactor`` — with vaderSentiment's quirk kept: it finds each
/// valence's position *by value* (`sentiments.index(sentiment)`), so of equal valences only
/// the first occurrence is changed, and possibly more than once.
enum VADERButRule {
    /// Only `terms` (increasing positions) can hold non-zero valences: a zero stays zero
    /// wherever it is found, so the other positions are skipped, and a non-zero value's
    /// first occurrence is among the terms.
    static func apply(_ sentiments: UnsafeMutableBufferPointer<Double>, terms: UnsafeBufferPointer<Int32>, _ t: VADERWords) {
        let bi = t.firstBut
        guard bi >= 0 else { return }
        let p = t.p
        for term in terms {
            let value = sentiments[Int(term)]   // read as the loop reaches it, as Python's does
            if value == 0 { continue }
            var si = 0
            for other in terms where sentiments[Int(other)] == value {
                si = Int(other)
                break
            }
            if si < bi { sentiments[si] = value * p.beforeButFactor } else if si > bi { sentiments[si] = value * p.afterButFactor }
        }
    }
}

/// VADER's punctuation emphasis (`_punctuation_emphasis`): "!" (up to
/// ``VADERParameters/exclamationMaximumCount``) adds ``VADERParameters/exclamationIncrement``
/// each; 2 or 3 "?" add ``VADERParameters/questionIncrement`` each, more add
/// ``VADERParameters/questionMaximumAmplifier``. Counted over the whole text.
enum VADERPunctuationRule {
    @inline(__always)
    static func amplifier(exclamations: Int, questions: Int, _ p: VADERParameters) -> Double {
        let ep = Double(min(exclamations, p.exclamationMaximumCount)) * p.exclamationIncrement
        var qm = 0.0
        if questions > 1 { qm = questions <= p.questionMaximumCount ? Double(questions) * p.questionIncrement : p.questionMaximumAmplifier }
        return ep + qm
    }
}
