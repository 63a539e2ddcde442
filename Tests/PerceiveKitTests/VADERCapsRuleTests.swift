import Testing
@testable import PerceiveKit

/// ``VADERCapsRule``: VADER's ALL-CAPS emphasis, on tiny inputs with the fixture lexicon of
/// ``VADERRulesetTests`` (expected values from vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERCapsRuleTests {
    typealias Case = VADERRulesetTests.Case

    @Test func allCapsCountsOnlyWhenSomeWordsAreNot() throws {
        let scorer = try VADERRulesetTests.scorer()
        #expect(abs(scorer.valences("GOOD day")[0].valence - (1.9 + 0.733)) < 1e-12)
        #expect(abs(scorer.valences("VERY good day")[1].valence - (1.9 + 0.293 + 0.733)) < 1e-12)
        try VADERRulesetTests.check([
            Case("GOOD day", 0, 0.216, 0.784, 0.5622),
            Case("GOOD", 0, 0, 1, 0.4404),                        // all words in capitals: no emphasis
            Case("VERY good day", 0, 0.337, 0.663, 0.6028),
        ])
    }
}
