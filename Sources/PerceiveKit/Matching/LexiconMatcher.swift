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
                analysis.vocabulary.append(lexicon.vocabularyID(UnsafeBufferPointer(rebasing: folded[Int(token.foldStart)..<Int(token.foldEnd)])))
                if token.kind == .word { sawUpper = sawUpper || token.hasUpper; sawLower = sawLower || token.hasLower }
                analysis.isClauseBreak.append(token.kind == .punctuation && Self.endsClause(folded, token))
            }
        }
        analysis.isShouting = sawUpper && !sawLower
        analysis.matchAt.append(contentsOf: repeatElement(-1, count: count))
        // Matching skips hyphens inside words ("hassle-free" = "hassle free").
        for t in 0..<count where !analysis.tokenized.isJoinerHyphen(t) {
            analysis.matchIDs.append(analysis.vocabulary[t])
            analysis.matchPositions.append(Int32(t))
        }
        let positions = analysis.matchPositions
        analysis.matchIDs.withUnsafeBufferPointer { ids in
            var j = 0
            while j < ids.count {
                if let (entry, length) = lexicon.longestMatch(in: ids, at: j),
                   length > 1 || !lexicon.info[Int(entry)].isWordCueOnly {
                    let first = Int(positions[j]), end = Int(positions[j + length - 1]) + 1
                    let m = Int32(analysis.matches.count)
                    analysis.matches.append(Match(first: Int32(first), end: Int32(end), entry: entry))
                    for k in first..<end { analysis.matchAt[k] = m }
                    if let shifter = lexicon.info[Int(entry)].shifter, shifter == .contrast || shifter == .concessive {
                        for k in first..<end { analysis.isClauseBreak[k] = true }
                    }
                    j += length
                } else {
                    j += 1
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
}
