/// Every constant of vaderSentiment 3.3.2's rules, defined once. Each number is a fact read
/// from `vaderSentiment/vaderSentiment.py` of vaderSentiment 3.3.2 (PyPI, MIT license,
/// C.J. Hutto); the note on each says where. Change one only to leave VADER's behaviour on
/// purpose: ``VADERScorer`` reproduces vaderSentiment exactly with ``standard``.
public struct VADERParameters: Sendable, Equatable {
    /// What a booster ("very", "extremely") adds to the next term's valence: `B_INCR`.
    public var boosterIncrement = 0.293
    /// What a dampener ("kind of", "barely") adds (it is negative): `B_DECR`.
    public var dampenerIncrement = -0.293
    /// What an ALL-CAPS term (or booster) adds when only some words are capitals: `C_INCR`.
    public var capsIncrement = 0.733
    /// The factor of a negated term (and of "no …", "least …"): `N_SCALAR`.
    public var negationScalar = -0.74
    /// How far back (in words) boosters and negations reach: `range(0, 3)` in
    /// `sentiment_valence`.
    public var window = 3
    /// A booster two words back counts this much: `s = s * 0.95` in `sentiment_valence`.
    public var boosterDampingAtDistance2 = 0.95
    /// A booster three words back counts this much: `s = s * 0.9` in `sentiment_valence`.
    public var boosterDampingAtDistance3 = 0.9
    /// "never so good", "never this good": `valence * 1.25` in `_negation_check`.
    public var neverSoFactor = 1.25
    /// Terms before the first "but": `sentiment * 0.5` in `_but_check`.
    public var beforeButFactor = 0.5
    /// Terms after the first "but": `sentiment * 1.5` in `_but_check`.
    public var afterButFactor = 1.5
    /// Each "!" adds this much to the sum's magnitude: `ep_count * 0.292` in `_amplify_ep`.
    public var exclamationIncrement = 0.292
    /// At most this many "!" count: `if ep_count > 4: ep_count = 4` in `_amplify_ep`.
    public var exclamationMaximumCount = 4
    /// Each "?" adds this much, when there are 2 or 3: `qm_count * 0.18` in `_amplify_qm`.
    public var questionIncrement = 0.18
    /// With more than ``questionMaximumCount`` "?", this much: `0.96` in `_amplify_qm`.
    public var questionMaximumAmplifier = 0.96
    /// The count of "?" up to which each counts: `if qm_count <= 3` in `_amplify_qm`.
    public var questionMaximumCount = 3
    /// compound = sum / √(sum² + alpha): `normalize(score, alpha=15)`.
    public var alpha = 15.0
    /// `round(neg, 3)`, `round(neu, 3)`, `round(pos, 3)` in `score_valence`.
    public var proportionDecimals = 3
    /// `round(compound, 4)` in `score_valence`.
    public var compoundDecimals = 4

    public init() {}

    /// vaderSentiment 3.3.2's values.
    public static let standard = VADERParameters()

    /// Every parameter with its value and where it comes from, for `perceive params --ruleset vader`.
    public var descriptors: [Parameters.Descriptor] {
        func d(_ name: String, _ value: some CustomStringConvertible, _ summary: String) -> Parameters.Descriptor {
            Parameters.Descriptor(name: name, value: value.description, summary: summary)
        }
        return [
            d("boosterIncrement", boosterIncrement, "a booster adds this to the next term (B_INCR)"),
            d("dampenerIncrement", dampenerIncrement, "a dampener adds this (B_DECR)"),
            d("capsIncrement", capsIncrement, "an ALL-CAPS term or booster, when not all words are capitals (C_INCR)"),
            d("negationScalar", negationScalar, "factor of a negated term, after \"no\", after \"least\" (N_SCALAR)"),
            d("window", window, "words before a term that boosters and negations reach (range(0, 3))"),
            d("boosterDampingAtDistance2", boosterDampingAtDistance2, "a booster two words back counts this much (s * 0.95)"),
            d("boosterDampingAtDistance3", boosterDampingAtDistance3, "a booster three words back counts this much (s * 0.9)"),
            d("neverSoFactor", neverSoFactor, "\"never so/this good\" (valence * 1.25 in _negation_check)"),
            d("beforeButFactor", beforeButFactor, "terms before the first \"but\" (_but_check)"),
            d("afterButFactor", afterButFactor, "terms after the first \"but\" (_but_check)"),
            d("exclamationIncrement", exclamationIncrement, "each \"!\" adds this to the sum's magnitude (_amplify_ep)"),
            d("exclamationMaximumCount", exclamationMaximumCount, "at most this many \"!\" count (_amplify_ep)"),
            d("questionIncrement", questionIncrement, "each \"?\" adds this, with 2 or 3 of them (_amplify_qm)"),
            d("questionMaximumAmplifier", questionMaximumAmplifier, "with more than questionMaximumCount \"?\" (_amplify_qm)"),
            d("questionMaximumCount", questionMaximumCount, "up to this many \"?\" count one by one (_amplify_qm)"),
            d("alpha", alpha, "compound = sum / sqrt(sum^2 + alpha) (normalize)"),
            d("proportionDecimals", proportionDecimals, "neg, neu, pos are rounded to this many places (score_valence)"),
            d("compoundDecimals", compoundDecimals, "compound is rounded to this many places (score_valence)"),
        ]
    }
}
