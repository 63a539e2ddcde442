/// Scores comments: tokenize with ICU → match lexicon terms (longest first) and topic terms →
/// run the rules → aggregate the evidence into sentence and comment scores, and per topic.
///
/// A `Scorer` owns an ICU tokenizer and scratch buffers, so it is cheap to call again and
/// again but must not be shared between threads: make one per thread (the ``Lexicon`` they
/// use is shared).
///
/// ```swift
/// let scorer = try Scorer()
/// let result = try scorer.score("I was on hold for 45 minutes and it's still not fixed.")
/// result.scores.effort   // -0.8…
/// ```
public final class Scorer {
    public let lexicon: Lexicon
    public let ruleset: Ruleset
    public var parameters: Parameters { ruleset.parameters }
    /// The topic taxonomy whose terms the scorer finds, or nil for no topic matching (then
    /// ``CommentScore/topics`` is nil).
    public let topics: TopicTaxonomy?
    private let topicIndex: TopicIndex?
    /// The taxonomy's topic paths (empty without one), read per comment.
    private let topicPaths: [String]
    /// The lexicon's emotion category names, by category, for the topics' named emotions.
    private let emotionNames: [String]
    private var attributor = TopicAttributor()
    private let tokenizer: Tokenizer
    private let context: RuleContext
    private var workspace: Analysis? = Analysis()
    /// Scratch sums: one per sentence, then one for the comment.
    private var accumulators: [ScoreAccumulator] = []

    /// - Parameters:
    ///   - lexicon: the lexicon (default: the embedded `en-cx`).
    ///   - ruleset: the rules and parameters (default: ``Ruleset/standard(parameters:)``).
    ///   - locale: ICU locale for segmentation (default: the lexicon's language).
    ///   - topics: the topic taxonomy to match (``TopicTaxonomy/standard()`` is the default
    ///     one), or nil for none.
    public convenience init(lexicon: Lexicon? = nil, ruleset: Ruleset = .standard(), locale: String? = nil,
                            topics: TopicTaxonomy? = nil) throws {
        let lexicon = try lexicon ?? BundledLexicons.english()
        // The lexicon's vocabulary gains the taxonomy's words, so one lookup per token serves both.
        let indexed = topics.map { TopicIndex.build($0, for: lexicon) }
        try self.init(lexicon: indexed?.0 ?? lexicon, ruleset: ruleset, locale: locale, topicIndex: indexed?.1)
    }

    /// A scorer with a lexicon and topic index built already (``ScorerPool``'s further scorers
    /// get detached copies of the first one's).
    init(lexicon: Lexicon, ruleset: Ruleset, locale: String?, topicIndex: TopicIndex?) throws {
        self.lexicon = lexicon
        self.topicIndex = topicIndex
        self.topics = topicIndex?.taxonomy
        self.topicPaths = topicIndex?.taxonomy.topics ?? []
        self.emotionNames = lexicon.categories.map(\.name)
        // The rules array of its own: scorers on other threads made from the same Ruleset would
        // otherwise retain and release one shared buffer per comment.
        var own = ruleset
        own.rules = ruleset.rules.map { $0 }
        self.ruleset = own
        self.tokenizer = try Tokenizer(locale: locale ?? lexicon.manifest.language)
        self.context = RuleContext(lexicon: lexicon, parameters: ruleset.parameters)
    }

    /// A copy of the topic index in memory of its own, for a scorer on another thread.
    func topicIndexCopy() -> TopicIndex? { topicIndex?.detachedCopy() }

    /// Scores one comment.
    public func score(_ text: String) throws(TokenizerError) -> CommentScore {
        // Move the workspace out of the object into a local (its buffers stay uniquely
        // referenced, so they are reused) and back when done: no exclusivity checks per access.
        var local = workspace ?? Analysis()
        workspace = nil
        try analyze(text, &local)
        let scored = result(for: text, local)
        if local.tokenized.tokens.count <= Self.keptTokens {
            workspace = local
        } else {
            // A very long comment's buffers (tens of bytes per byte of text) are not kept for
            // the comments after it: they would be held while its record is written, and for
            // the rest of the run (issue 15, item 5).
            accumulators = []
        }
        return scored
    }

    /// Tokens up to which a comment's working buffers are kept for the next comment: far more
    /// than a comment has (a 64 KiB comment has about 14,000).
    static let keptTokens = 1 << 16

    /// Runs the pipeline on `text` and returns the analysis (tokens, matches, evidence), for
    /// explanations and tests.
    public func analysis(of text: String) throws(TokenizerError) -> (Analysis, CommentScore) {
        var local = Analysis()
        try analyze(text, &local)
        return (local, result(for: text, local))
    }

    /// Runs the pipeline, leaving its state in `local`.
    private func analyze(_ text: String, _ local: inout Analysis) throws(TokenizerError) {
        local.reset()
        var text = text
        var failure: TokenizerError?
        text.withUTF8 { buffer in
            do throws(TokenizerError) { try tokenizer.tokenize(buffer, into: &local.tokenized) } catch { failure = error }
        }
        if let failure { throw failure }
        LexiconMatcher.match(&local, lexicon)
        if let topicIndex { TopicMatcher.match(&local, topicIndex) }
        // Called in place: `for rule in rules` copied each existential, and copying one too large
        // for its inline buffer allocates: 11 allocations per comment (callgrind).
        ruleset.rules.withUnsafeBufferPointer { rules in
            for i in rules.indices { rules[i].apply(to: &local, in: context) }
        }
    }

    private func result(for text: String, _ analysis: Analysis) -> CommentScore {
        let p = ruleset.parameters
        // In reading order; for one piece of text, emotion, effort, success, then named emotions.
        var evidence = analysis.evidence
        // Sorted by (start, dimension, category), stably; the keys are compared in place (copying
        // an Evidence retains its adjustments), and most comments are in order already.
        func key(_ e: borrowing Evidence) -> (Int32, Int, Int32) { (e.start, e.dimension.order, e.category) }
        let inOrder = evidence.withUnsafeBufferPointer { items in
            items.indices.dropFirst().allSatisfy { key(items[$0 - 1]) <= key(items[$0]) }
        }
        if !inOrder {
            let order = evidence.withUnsafeBufferPointer { items in
                items.indices.sorted {
                    let a = key(items[$0]), b = key(items[$1])
                    return a != b ? a < b : $0 < $1
                }
            }
            evidence = order.map { analysis.evidence[$0] }
        }
        let sentenceCount = analysis.tokenized.sentences.count
        let categories = lexicon.categories.count
        // A local copy (buffers stay uniquely referenced, moved back at the end): every access to
        // the stored property was a dynamic exclusivity check, 15 per comment (callgrind).
        var accumulators = self.accumulators
        self.accumulators = []
        while accumulators.count < sentenceCount + 1 { accumulators.append(ScoreAccumulator(categories: categories)) }
        for i in 0...sentenceCount { accumulators[i].reset() }
        evidence.withUnsafeBufferPointer { items in
            for i in items.indices {
                let c = items[i].contribution, dimension = items[i].dimension, category = items[i].category
                accumulators[sentenceCount].add(c, dimension, category: category)
                accumulators[Int(items[i].sentence)].add(c, dimension, category: category)
            }
        }
        var sentences: [SentenceScore] = []
        sentences.reserveCapacity(sentenceCount)
        for (i, sentence) in analysis.tokenized.sentences.enumerated() {
            sentences.append(SentenceScore(index: i, start: sentence.start, end: sentence.end,
                                           scores: accumulators[i].scores(lexicon: lexicon, parameters: p)))
        }
        var scored = CommentScore(
            text: text, scores: accumulators[sentenceCount].scores(lexicon: lexicon, parameters: p), sentences: sentences,
            evidence: evidence, tokenCount: analysis.tokenized.tokens.count, matchCount: analysis.matches.count)
        if topicIndex != nil {
            (scored.topics, scored.evidenceTopics) = attributor.attribute(analysis, evidence: evidence, paths: topicPaths,
                                                                          emotionNames: emotionNames)
        }
        self.accumulators = accumulators
        return scored
    }
}
