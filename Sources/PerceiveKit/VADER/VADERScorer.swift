/// Scores texts exactly as vaderSentiment 3.3.2's `SentimentIntensityAnalyzer.polarity_scores`
/// does, with a VADER lexicon the user supplies (``VADERLexicon``).
///
/// VADER tokenizes differently from Perceive (whitespace split, see ``VADERText``) and its
/// rules read neighbouring words by position rather than lexicon matches, so it is its own
/// small pipeline rather than a ``Ruleset`` on ICU tokens: text → ``VADERText`` → one valence
/// per word (``VADERNoRule``, ``VADERCapsRule``, ``VADERBoosterRule``, ``VADERNegationRule``,
/// ``VADERIdiomRule``, ``VADERLeastRule``) → ``VADERButRule`` → ``VADERPunctuationRule`` →
/// ``VADERPolarity``. ``score(_:)`` gives the result in Perceive's shape (``CommentScore``).
///
/// A scorer reuses its buffers: make one per thread (the lexicon is shared).
///
/// ```swift
/// let scorer = VADERScorer(lexicon: try VADERLexicon.load(lexiconPath: "vader_lexicon.txt", emojiPath: nil))
/// scorer.polarity("The book was kind of good.")   // neg 0, neu 0.657, pos 0.343, compound 0.3832
/// ```
public final class VADERScorer {
    public let lexicon: VADERLexicon
    public var parameters: VADERParameters { lexicon.parameters }
    /// The last text's words and valences (after ``run(_:)``), in buffers reused from text to text.
    private let text: VADERText
    /// The lexicon's tables as plain pointers (valid while ``lexicon`` lives), read once.
    private let table: UnsafeBufferPointer<VADERLexicon.Word>
    private let specialPhrases, boosterPhrases: UnsafeBufferPointer<VADERPhrase>
    private let wordIDs: VADERWordIDs
    private let parameterPointer: UnsafePointer<VADERParameters>
    private var sentiments: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: text.sentiments, count: text.count) }

    public init(lexicon: VADERLexicon) {
        self.lexicon = lexicon
        self.text = VADERText(lexicon)
        table = lexicon.words
        specialPhrases = lexicon.specialPhrases
        boosterPhrases = lexicon.boosterPhrases
        wordIDs = lexicon.ids
        parameterPointer = lexicon.parameterStorage.buffer.baseAddress!
    }

    /// vaderSentiment's `polarity_scores(text)`.
    public func polarity(_ comment: String) -> VADERPolarity {
        run(comment)
    }

    /// The words as VADER splits them and the valence each ends with (after "but").
    public func valences(_ comment: String) -> [(word: String, valence: Double)] {
        run(comment)
        // ``run(_:)`` sets only the terms' valences: every other word's is 0.
        var result = text.words.map { (word: $0, valence: 0.0) }
        let sentiments = self.sentiments
        for term in UnsafeBufferPointer(start: text.buffers.terms, count: text.termCount) { result[Int(term)].valence = sentiments[Int(term)] }
        return result
    }

    /// The result in Perceive's shape: `emotion` and `cx` are VADER's compound (its bands
    /// follow), effort and success are nil (VADER has no such cues), one sentence spans the
    /// whole comment (VADER scores texts whole), and each word with a non-zero valence is an
    /// emotion ``Evidence`` item whose base and contribution are that final valence.
    public func score(_ comment: String) -> (CommentScore, VADERPolarity) {
        let polarity = self.polarity(comment)
        let sentiments = self.sentiments
        var evidence: [Evidence] = []
        // Only terms can have a valence: the other words need no look.
        for term in UnsafeBufferPointer(start: text.buffers.terms, count: text.termCount) where sentiments[Int(term)] != 0 {
            let i = Int(term)
            let range = text.commentRange(i)
            evidence.append(Evidence(
                dimension: .emotion, category: -1, source: .lexicon, entry: -1, start: range.start, end: range.end,
                firstToken: Int32(i), endToken: Int32(i + 1), sentence: 0, base: sentiments[i], quantity: nil,
                contribution: sentiments[i]))
        }
        let scores = Scores(emotion: polarity.compound, effort: nil, success: nil, cx: polarity.compound, emotions: [],
                            emotionCount: evidence.count, effortCount: 0, successCount: 0)
        let end = Int32(comment.utf8.count)
        let result = CommentScore(
            text: comment, scores: scores, sentences: [SentenceScore(index: 0, start: 0, end: end, scores: scores)],
            evidence: evidence, tokenCount: text.count,
            matchCount: (0..<text.count).reduce(0) { $0 + (lexicon.inLexicon(text.ids[$1]) ? 1 : 0) })
        return (result, polarity)
    }

    @discardableResult
    private func run(_ comment: String) -> VADERPolarity {
        let text = self.text
        // A native string's bytes in place; a bridged one is copied once.
        if comment.utf8.withContiguousStorageIfAvailable({ text.analyze($0) }) == nil {
            var comment = comment
            comment.withUTF8 { text.analyze($0) }
        }
        let count = text.count
        unowned(unsafe) let b = text.buffers   // not replaced until the next text: no retain needed
        let words = VADERWords(
            ids: UnsafeBufferPointer(start: b.ids, count: count), flags: UnsafeBufferPointer(start: b.flags, count: count), table: table,
            specialPhrases: specialPhrases, boosterPhrases: boosterPhrases, w: wordIDs, parameters: parameterPointer,
            capsDifferential: VADERCapsRule.isDifferential(caps: text.capsCount, count: count), firstBut: text.firstBut)
        let sentiments = UnsafeMutableBufferPointer(start: b.sentiments, count: count)
        // Only terms can have a valence (``VADERText/termCount``): only their entries are set
        // (and read, here and by the rules); every other word's valence is 0.
        let terms = UnsafeBufferPointer(start: b.terms, count: text.termCount)
        var any = false
        for term in terms {
            let i = Int(term)
            let v = valence(at: i, words)
            sentiments[i] = v
            any = any || v != 0
        }
        // No valence: all words neutral (or none), as `score_valence` computes it.
        guard any else { return VADERPolarity(neg: 0, neu: count > 0 ? 1 : 0, pos: 0, compound: 0) }
        VADERButRule.apply(sentiments, terms: terms, words)
        let amplifier = VADERPunctuationRule.amplifier(exclamations: text.exclamations, questions: text.questions, words.p)
        return VADERPolarity.aggregate(UnsafeBufferPointer(sentiments), terms: terms, amplifier: amplifier, words.parameters)
    }

    /// `sentiment_valence` (and the two skips before it in `polarity_scores`): the valence of
    /// word `i`, 0 when it is not a lexicon term.
    @inline(__always)
    private func valence(at i: Int, _ t: VADERWords) -> Double {
        let id = t.ids[i]
        guard id >= 0 else { return 0 }
        let word = t.table[Int(id)]
        // Boosters weigh nothing themselves, nor does "kind" in "kind of".
        if word.booster != 0 { return 0 }
        if id == t.w.kind && i < t.count - 1 && t.ids[i + 1] == t.w.of { return 0 }
        let base = word.valence
        guard !base.isNaN else { return 0 }
        var valence = VADERNoRule.apply(base, at: i, lexiconValence: base, t)
        valence = VADERCapsRule.apply(valence, at: i, t)
        for k in 0..<min(t.p.window, i) where !t.inLexicon(i - k - 1) {
            valence += VADERBoosterRule.scalar(word: i - k - 1, distance: k, valence: valence, t)
            valence = VADERNegationRule.apply(valence, distance: k, at: i, t)
            if k == 2 { valence = VADERIdiomRule.apply(valence, at: i, t) }
        }
        return VADERLeastRule.apply(valence, at: i, t)
    }
}

