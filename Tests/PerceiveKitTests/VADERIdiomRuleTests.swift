import Testing
@testable import PerceiveKit

/// ``VADERIdiomRule``: VADER's special cases and phrase boosters (`_special_idioms_check`), on tiny inputs with the fixture lexicon of
/// ``VADERRulesetTests`` (expected values from vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERIdiomRuleTests {
    typealias Case = VADERRulesetTests.Case

    @Test func kindOfAndPhraseBoosters() throws {
        let scorer = try VADERRulesetTests.scorer()
        #expect(scorer.valences("kind of good").map(\.valence) == [0, 0, 1.9])
        #expect(abs(scorer.valences("a kind of good")[3].valence - (1.9 - 0.293)) < 1e-12)
        try VADERRulesetTests.check([
            Case("kind of good", 0, 0.408, 0.592, 0.4404),
            Case("a kind of good", 0, 0.535, 0.465, 0.3832),
            Case("the a kind of good", 0, 0.605, 0.395, 0.3832),
        ])
    }

    @Test func specialCaseIdioms() throws {
        let scorer = try VADERRulesetTests.scorer()
        #expect(scorer.valences("this is the bomb")[3].valence == 3)   // "the bomb" replaces -2.2
        try VADERRulesetTests.check([
            Case("this is the bomb", 0, 0.429, 0.571, 0.6124),
            Case("that bomb is the", 0.516, 0.484, 0, -0.4939),
        ])
    }
}
