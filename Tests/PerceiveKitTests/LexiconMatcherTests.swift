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
