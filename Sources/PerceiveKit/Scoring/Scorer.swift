/// Scores comments: tokenize with ICU → match lexicon terms (longest first) → run the rules →
/// aggregate the evidence into sentence and comment scores.
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
    private let tokenizer: Tokenizer
    private let context: RuleContext
    private var analysis = Analysis()
    private var clausePunctuation: [Bool] = []

    /// - Parameters:
    ///   - lexicon: the lexicon (default: the embedded `en-cx`).
    ///   - ruleset: the rules and parameters (default: ``Ruleset/standard(parameters:)``).
    ///   - locale: ICU locale for segmentation (default: the lexicon's language).
    public init(lexicon: Lexicon? = nil, ruleset: Ruleset = .standard(), locale: String? = nil) throws {
        let lexicon = try lexicon ?? BundledLexicons.english()
        self.lexicon = lexicon
        self.ruleset = ruleset
        self.tokenizer = try Tokenizer(locale: locale ?? lexicon.manifest.language)
        self.context = RuleContext(lexicon: lexicon, parameters: ruleset.parameters)
    }

    /// Scores one comment.
    public func score(_ text: String) throws(TokenizerError) -> CommentScore {
        try analyze(text)
        return result(for: text)
    }

    /// Runs the pipeline on `text` and returns the analysis (tokens, matches, evidence), for
    /// explanations and tests.
    public func analysis(of text: String) throws(TokenizerError) -> (Analysis, CommentScore) {
        try analyze(text)
        return (analysis, result(for: text))
    }

    /// Runs the pipeline, leaving its state in `analysis`.
    private func analyze(_ text: String) throws(TokenizerError) {
        analysis.reset()
        var text = text
        var failure: TokenizerError?
        text.withUTF8 { buffer in
            do throws(TokenizerError) { try tokenizer.tokenize(buffer, into: &analysis.tokenized) } catch { failure = error }
        }
        if let failure { throw failure }
        lookUp()
        for rule in ruleset.rules { rule.apply(to: &analysis, in: context) }
    }

    /// Vocabulary ids, longest-first matches, clause breaks and the shouting flag.
    private func lookUp() {
        let tokens = analysis.tokenized.tokens
        let count = tokens.count
        var sawUpper = false, sawLower = false
        analysis.tokenized.folded.withUnsafeBufferPointer { folded in
            for token in tokens {
                analysis.vocabulary.append(lexicon.vocabularyID(UnsafeBufferPointer(rebasing: folded[Int(token.foldStart)..<Int(token.foldEnd)])))
                if token.kind == .word { sawUpper = sawUpper || token.hasUpper; sawLower = sawLower || token.hasLower }
                analysis.isClauseBreak.append(token.kind == .punctuation && Self.endsClause(folded, token))
            }
        }
        analysis.isShouting = sawUpper && !sawLower
        analysis.matchAt.append(contentsOf: repeatElement(-1, count: count))
        analysis.vocabulary.withUnsafeBufferPointer { ids in
            var i = 0
            while i < count {
                if let (entry, length) = lexicon.longestMatch(in: ids, at: i) {
                    let m = Int32(analysis.matches.count)
                    analysis.matches.append(Match(first: Int32(i), end: Int32(i + length), entry: entry))
                    for k in i..<(i + length) { analysis.matchAt[k] = m }
                    if let shifter = lexicon.entries[Int(entry)].shifter, shifter == .contrast || shifter == .concessive {
                        for k in i..<(i + length) { analysis.isClauseBreak[k] = true }
                    }
                    i += length
                } else {
                    i += 1
                }
            }
        }
    }

    /// Punctuation that ends a clause: , ; : . ! ? … and dashes, brackets, and their
    /// full-width forms (NFKC has already folded those to ASCII).
    @inline(__always)
    private static func endsClause(_ folded: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let first = folded[Int(token.foldStart)]
        switch first {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
            return true
        case 0xE2:  // U+2010–U+2027: dashes, "…"
            guard token.foldEnd - token.foldStart == 3, folded[Int(token.foldStart) + 1] == 0x80 else { return false }
            let last = folded[Int(token.foldStart) + 2]
            return last == 0x93 || last == 0x94 || last == 0xA6
        case 0xE3:  // "、" and "。"
            return token.foldEnd - token.foldStart == 3 && folded[Int(token.foldStart) + 1] == 0x80
                && (0x81...0x82).contains(folded[Int(token.foldStart) + 2])
        default:
            return false
        }
    }

    private func result(for text: String) -> CommentScore {
        let p = ruleset.parameters
        // In reading order; for one piece of text, emotion, effort, success, then named emotions.
        let evidence = analysis.evidence.sorted {
            ($0.start, $0.dimension.order, $0.category) < ($1.start, $1.dimension.order, $1.category)
        }
        var sentences: [SentenceScore] = []
        sentences.reserveCapacity(analysis.tokenized.sentences.count)
        for (i, sentence) in analysis.tokenized.sentences.enumerated() {
            let scores = Scores.aggregate(evidence.lazy.filter { $0.sentence == Int32(i) }, lexicon: lexicon, parameters: p)
            sentences.append(SentenceScore(index: i, start: sentence.start, end: sentence.end, scores: scores))
        }
        return CommentScore(
            text: text, scores: Scores.aggregate(evidence, lexicon: lexicon, parameters: p), sentences: sentences,
            evidence: evidence, tokenCount: analysis.tokenized.tokens.count, matchCount: analysis.matches.count)
    }
}
