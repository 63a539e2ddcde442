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
