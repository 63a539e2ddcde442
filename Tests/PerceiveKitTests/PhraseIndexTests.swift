import Testing
@testable import PerceiveKit

/// The lexicon's phrase index (flat arrays, found by the next word with a binary search after
/// a one-word Bloom filter): at each position the longest phrase that matches wins, among
/// phrases that share their head word, their second word, or both, and whatever ids the
/// words get (words 64 ids apart share a Bloom bit).
@Suite struct PhraseIndexTests {
    static let header = """
        # lexicon: phrase-index
        # version: 0.0.1
        # source: written by hand for this test
        # license: CC0-1.0

        """

    /// A lexicon with `phrases` (term, valence) and the one-word terms `words`.
    func lexicon(phrases: [String], words: [String] = ["hold"]) throws -> Lexicon {
        let manifest = try #require(Fixture.files["manifest.json"])
        let terms = Self.header + "term\tvalence\teffort\tsuccess\temotions\n"
            + words.map { "\($0)\t0.1\n" }.joined()
        let phrasesFile = Self.header + "term\tvalence\teffort\tsuccess\temotions\n"
            + phrases.enumerated().map { "\($1)\t0.\($0 + 1)\n" }.joined()
        let files = ["manifest.json": manifest, "terms.tsv": terms, "phrases.tsv": phrasesFile,
                     "shifters.tsv": Fixture.shifters, "cues.tsv": Fixture.cues]
        return try LexiconLoader.load(from: InMemoryLexiconSource(displayName: "phrase-index", files: files))
    }

    func matches(_ text: String, _ lexicon: Lexicon) throws -> [String] {
        let (analysis, _) = try Scorer(lexicon: lexicon).analysis(of: text)
        return analysis.matches.map { "\(lexicon.entries[Int($0.entry)].term) \($0.first)..<\($0.end)" }
    }

    @Test func theLongestPhraseWithTheNextWordWins() throws {
        let lex = try lexicon(phrases: ["on hold", "on hold again", "on hold for ages", "on time", "on the phone",
                                        "on the phone again", "hold on"])
        #expect(try matches("on hold again", lex) == ["on hold again 0..<3"])
        #expect(try matches("on hold for ages", lex) == ["on hold for ages 0..<4"])
        #expect(try matches("on hold for now", lex) == ["on hold 0..<2"])
        #expect(try matches("on time", lex) == ["on time 0..<2"])
        #expect(try matches("on the phone", lex) == ["on the phone 0..<3"])
        #expect(try matches("on the phone again", lex) == ["on the phone again 0..<4"])
        #expect(try matches("on the bus", lex) == [])
        #expect(try matches("hold on hold", lex) == ["hold on 0..<2", "hold 2..<3"])
        #expect(try matches("on", lex) == [] && matches("on hold", lex) == ["on hold 0..<2"])
    }

    @Test func manyPhrasesUnderOneHeadAreAllFound() throws {
        // 150 second words: ids 64 apart share the head's Bloom bit, and the binary search
        // runs over many phrases.
        let seconds = (0..<150).map { "w\($0)" }
        let lex = try lexicon(phrases: seconds.map { "the \($0)" } + seconds.map { "the \($0) again" }, words: seconds)
        for second in seconds {
            #expect(try matches("the \(second)", lex) == ["the \(second) 0..<2"])
            #expect(try matches("the \(second) again", lex) == ["the \(second) again 0..<3"])
        }
        #expect(try matches("the w150", lex) == [])
        #expect(try matches("w3 the", lex) == ["w3 0..<1"])
    }
}
