/// VADER's own word lists, as facts from vaderSentiment 3.3.2 (`vaderSentiment.py`, PyPI,
/// MIT license, C.J. Hutto): the negations (`NEGATE`), boosters and dampeners
/// (`BOOSTER_DICT`) and the special-case phrases (`SPECIAL_CASES`). The lexicon itself
/// comes from the user (``VADERLexiconFormat``).
///
/// vaderSentiment 3.3.2 also defines `SENTIMENT_LADEN_IDIOMS` ("cut the mustard", "in the
/// red"…), but its call is commented out: those idioms change nothing, so they are not here.
/// `SPECIAL_CASES` holds one-word keys ("badass") that its n-gram check can never meet (it
/// only builds two- and three-word keys); they are kept here as in the source and match
/// nothing, as there.
public struct VADERVocabulary: Sendable {
    /// `NEGATE`: a word that negates a term up to three words after it.
    public var negations: [String]
    /// `BOOSTER_DICT`: words (and three phrases) that raise or lower the next term's valence.
    public var boosters: [(String, Double)]
    /// `SPECIAL_CASES`: phrases whose valence replaces the term's.
    public var specialCases: [(String, Double)]

    public static func standard(_ p: VADERParameters = .standard) -> VADERVocabulary {
        let up = p.boosterIncrement, down = p.dampenerIncrement
        let increments = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
            "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
            "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
            "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
            "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        ]
        let decrements = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly",
            "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ]
        return VADERVocabulary(
            negations: [
                "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
                "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
                "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
                "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
                "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
                "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
                "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
                "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
            ],
            boosters: increments.map { ($0, up) } + decrements.map { ($0, down) },
            specialCases: [
                ("the shit", 3), ("the bomb", 3), ("bad ass", 1.5), ("badass", 1.5), ("bus stop", 0.0),
                ("yeah right", -2), ("kiss of death", -1.5), ("to die for", 3), ("beating heart", 3.5),
            ])
    }

}
