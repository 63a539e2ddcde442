/// The matching stage, between tokenization and the rules: finds the lexicon's terms and
/// phrases in a tokenized comment (longest first), and marks what the rules read besides:
/// each token's vocabulary id, the tokens that end a clause (punctuation, and contrast and
/// concessive terms), and whether the comment is written all in capitals.
///
/// Tokenization (``Tokenizer``) → **matching** → rules (``Ruleset``) → scores (``Scorer``) → output.
///
/// - Complexity: O(n · k) for n tokens and phrases of at most k words.
enum LexiconMatcher {
    /// Vocabulary ids, longest-first matches, clause breaks and the shouting flag.
    static func match(_ analysis: inout Analysis, _ lexicon: Lexicon) {
        let tokens = analysis.tokenized.tokens
        let count = tokens.count
        var sawUpper = false, sawLower = false
        analysis.tokenized.folded.withUnsafeBufferPointer { folded in
            for token in tokens {
                let bytes = UnsafeBufferPointer(rebasing: folded[Int(token.foldStart)..<Int(token.foldEnd)])
                analysis.vocabulary.append(Self.apostropheless(bytes, lexicon) ?? lexicon.vocabularyID(bytes))
                if token.kind == .word { sawUpper = sawUpper || token.hasUpper; sawLower = sawLower || token.hasLower }
                analysis.isClauseBreak.append(token.kind == .punctuation && Self.endsClause(folded, token))
            }
        }
        analysis.isShouting = sawUpper && !sawLower
        analysis.matchAt.append(contentsOf: repeatElement(-1, count: count))
        // Matching skips hyphens inside words ("hassle-free" = "hassle free"), and reads a
        // contraction split off its word ("did n't", "wo n't", as tokenized corpora write them)
        // as the one word ("didn't", "won't").
        var joinedContraction = false
        var t = 0
        while t < count {
            defer { t += 1 }
            if analysis.tokenized.isJoinerHyphen(t) { continue }
            if t + 1 < count, tokens[t + 1].kind == .word, tokens[t].kind == .word, Self.isSplitNegation(t + 1, analysis) {
                let joined = Self.joinedID(t, analysis, lexicon)
                if joined >= 0 {
                    analysis.vocabulary[t] = joined
                    analysis.matchIDs.append(joined)
                    analysis.matchPositions.append(Int32(t))
                    joinedContraction = true
                    t += 1
                    continue
                }
            }
            analysis.matchIDs.append(analysis.vocabulary[t])
            analysis.matchPositions.append(Int32(t))
        }
        let positions = analysis.matchPositions
        analysis.matchIDs.withUnsafeBufferPointer { ids in
            var j = 0
            while j < ids.count {
                var found = lexicon.longestMatch(in: ids, at: j)
                var span = found?.length ?? 0  // ids covered, a skipped adverb included
                // "didn't really work", "doesn't even turn on": a negated phrase with an adverb after
                // its negator is the phrase ("didn't work"), the adverb inside the match.
                if j + 2 < ids.count, lexicon.isNegatorHead(ids[j]), Self.isFiller(Int(positions[j + 1]), analysis) {
                    var skipped = [ids[j]]
                    skipped.append(contentsOf: ids[(j + 2)..<ids.count].prefix(Self.longestSkippedPhrase))
                    if let (entry, length) = skipped.withUnsafeBufferPointer({ lexicon.longestMatch(in: $0, at: 0) }),
                       length > 1, length + 1 > span {
                        found = (entry, length)
                        span = length + 1
                    }
                }
                if let (entry, length) = found,
                   length > 1 || !lexicon.info[Int(entry)].isWordCueOnly {
                    let first = Int(positions[j]), end = Int(positions[j + span - 1]) + 1
                    let m = Int32(analysis.matches.count)
                    analysis.matches.append(Match(first: Int32(first), end: Int32(end), entry: entry))
                    for k in first..<end { analysis.matchAt[k] = m }
                    if let shifter = lexicon.info[Int(entry)].shifter, shifter == .contrast || shifter == .concessive {
                        for k in first..<end { analysis.isClauseBreak[k] = true }
                    }
                    j += span
                } else {
                    j += 1
                }
            }
        }
        if joinedContraction { extendOverSplitNegations(&analysis) }
    }

    /// A contraction written without its apostrophe ("wont", "didnt", "cant", as in quick
    /// messages) is the word with it ("won't", "didn't", "can't") when the lexicon has that
    /// word, so its phrases ("won't let me") match too. Nil for any other token.
    @inline(__always)
    private static func apostropheless(_ bytes: UnsafeBufferPointer<UInt8>, _ lexicon: Lexicon) -> Int32? {
        let n = bytes.count
        guard n >= 4 && n <= 9, bytes[n - 1] == UInt8(ascii: "t"), bytes[n - 2] == UInt8(ascii: "n") else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 1) { buffer in
            for k in 0..<(n - 1) { buffer[k] = bytes[k] }
            buffer[n - 1] = UInt8(ascii: "'")
            buffer[n] = UInt8(ascii: "t")
            let id = lexicon.vocabularyID(UnsafeBufferPointer(buffer))
            return id >= 0 ? id : nil
        }
    }

    /// True for the token "n't" at `token`.
    @inline(__always)
    private static func isSplitNegation(_ token: Int, _ analysis: Analysis) -> Bool {
        // Its length first (3 or 5 bytes): this is asked of nearly every word.
        let t = analysis.tokenized.tokens[token]
        let length = t.foldEnd - t.foldStart
        guard length == 3 || length == 5 else { return false }
        return analysis.tokenIs(token, "n't") || analysis.tokenIs(token, "n’t")
    }

    /// The vocabulary id of token `t` and the "n't" after it written as one word, or -1.
    private static func joinedID(_ t: Int, _ analysis: Analysis, _ lexicon: Lexicon) -> Int32 {
        let token = analysis.tokenized.tokens[t]
        var bytes = Array(analysis.tokenized.folded[Int(token.foldStart)..<Int(token.foldEnd)])
        bytes.append(contentsOf: "n't".utf8)
        return bytes.withUnsafeBufferPointer { lexicon.vocabularyID($0) }
    }

    /// A match that ends on a word whose "n't" was read with it ends after the "n't".
    private static func extendOverSplitNegations(_ analysis: inout Analysis) {
        let count = analysis.tokenized.tokens.count
        for m in analysis.matches.indices {
            let end = Int(analysis.matches[m].end)
            guard end < count, analysis.matchAt[end] < 0, isSplitNegation(end, analysis),
                  analysis.tokenized.tokens[end - 1].kind == .word else { continue }
            analysis.matches[m].end += 1
            analysis.matchAt[end] = Int32(m)
        }
    }

    /// Words after a negator that a negated phrase may skip.
    @inline(__always)
    private static func isFiller(_ token: Int, _ analysis: Analysis) -> Bool {
        analysis.tokenIs(token, "really") || analysis.tokenIs(token, "actually") || analysis.tokenIs(token, "even")
            || analysis.tokenIs(token, "ever") || analysis.tokenIs(token, "always") || analysis.tokenIs(token, "exactly")
    }

    /// The most words after a skipped adverb that a phrase is looked for in.
    private static let longestSkippedPhrase = 8

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
}
