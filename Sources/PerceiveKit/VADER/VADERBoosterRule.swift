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
