import Testing
@testable import PerceiveKit

/// ``LexiconMatcher``: the longest entry wins at each position, hyphens inside words are
/// skipped, clause ends and contrast words are marked, and an all-capitals comment is flagged.
/// Inputs use the fixture lexicon (``Fixture``).
@Suite struct LexiconMatcherTests {
    let scorer = try! Scorer(lexicon: Fixture.lexicon)

    /// The matched terms of `text`, each with its token range.
    func matches(_ text: String) throws -> [String] {
        let (analysis, _) = try scorer.analysis(of: text)
        return analysis.matches.map { "\(Fixture.lexicon.entries[Int($0.entry)].term) \($0.first)..<\($0.end)" }
    }

    @Test func theLongestEntryWinsAtEachPosition() throws {
        // "on hold" (a phrase) rather than "hold" (a term); "thank you" as one match.
        #expect(try matches("put on hold, thank you") == ["on hold 1..<3", "thank you 4..<6"])
        #expect(try matches("hold") == ["hold 0..<1"])
    }

    @Test func aNegatedPhraseSkipsOneAdverbAfterItsNegator() throws {
        // "not really working" is the phrase "not working", the adverb inside the match.
        #expect(try matches("not really working") == ["not working 0..<3"])
        #expect(try matches("it is not even working today") == ["not working 2..<5"])
        #expect(try matches("not working") == ["not working 0..<2"])
        // No phrase after the adverb: the negator and the term as before.
        #expect(try matches("not really good") == ["not 0..<1", "good 2..<3"])
        // Only an adverb from the list, and only one.
        #expect(try matches("not always working") == ["not working 0..<3"])
        #expect(try matches("not quite working") == ["not 0..<1"])
        #expect(try matches("not really even working") == ["not 0..<1"])
        let result = try Fixture.scorer().score("not really working")
        expectClose(result.scores.success, -0.8)
    }

    @Test func aContractionSplitOffItsWordIsReadAsOneWord() throws {
        // "do n't" (as tokenized corpora write it) is "don't": the negator's match covers both tokens.
        #expect(try matches("i do n't like it") == ["don't 1..<3"])
        #expect(try matches("i do n’t like it") == ["don't 1..<3"])
        let split = try Fixture.scorer().score("do n't good").scores.emotion
        let joined = try Fixture.scorer().score("don't good").scores.emotion
        expectClose(split, joined)
        expectClose(split, 0.5 * p.negationFactor)
        // A word whose joined form is not in the lexicon is left as it was.
        #expect(try matches("xy n't good") == ["good 2..<3"])
    }

    @Test func aContractionWithoutItsApostropheIsTheWordWithIt() throws {
        // "dont" is "don't" (the fixture has only the latter); a word that only ends in "nt" is itself.
        #expect(try matches("i dont like it") == ["don't 1..<2"])
        expectClose(try Fixture.scorer().score("dont good").scores.emotion, 0.5 * p.negationFactor)
        #expect(try matches("i want it") == [])
    }

    @Test func everyTokenGetsItsMatchOrMinusOne() throws {
        let (analysis, _) = try scorer.analysis(of: "so good on hold")
        #expect(analysis.matchAt == [-1, 0, 1, 1])
        #expect(analysis.vocabulary.count == 4 && analysis.vocabulary[1] >= 0)
    }

    @Test func clauseBreaksArePunctuationAndContrastWords() throws {
        let (analysis, _) = try scorer.analysis(of: "good, bad but great. ok")
        // good , bad but great . ok
        #expect(analysis.isClauseBreak == [false, true, false, true, false, true, false])
    }

    @Test func anAllCapitalsCommentIsShouting() throws {
        #expect(try scorer.analysis(of: "THIS IS BAD").0.isShouting)
        #expect(try !scorer.analysis(of: "this is BAD").0.isShouting)
        #expect(try !scorer.analysis(of: "123 !!").0.isShouting)
    }
}
