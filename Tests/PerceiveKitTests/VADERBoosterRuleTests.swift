import Testing
@testable import PerceiveKit

/// ``VADERBoosterRule``: VADER's boosters and dampeners (`scalar_inc_dec`), on tiny inputs with the fixture lexicon of
/// ``VADERRulesetTests`` (expected values from vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERBoosterRuleTests {
    typealias Case = VADERRulesetTests.Case

    @Test func boostersWithDistanceDamping() throws {
        let scorer = try VADERRulesetTests.scorer()
        #expect(abs(scorer.valences("very the good")[2].valence - (1.9 + 0.293 * 0.95)) < 1e-12)
        #expect(abs(scorer.valences("very the the good")[3].valence - (1.9 + 0.293 * 0.9)) < 1e-12)
        try VADERRulesetTests.check([
            Case("very good", 0, 0.238, 0.762, 0.4927),
            Case("very the good", 0, 0.386, 0.614, 0.4902),
            Case("very the the good", 0, 0.487, 0.513, 0.4877),
            Case("very bad", 0.791, 0.209, 0, -0.5849),           // away from zero for a negative term
        ])
    }
}
