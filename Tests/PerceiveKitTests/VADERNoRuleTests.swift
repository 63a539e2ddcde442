import Testing
@testable import PerceiveKit

/// ``VADERNoRule``: VADER's "no" rules, on tiny inputs with the fixture lexicon of
/// ``VADERRulesetTests`` (expected values from vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERNoRuleTests {
    typealias Case = VADERRulesetTests.Case

    @Test func noRules() throws {
        let scorer = try VADERRulesetTests.scorer()
        #expect(scorer.valences("no good").map(\.valence) == [0, 1.9 * -0.74])   // "no" before a term weighs nothing
        try VADERRulesetTests.check([
            Case("no good", 0.706, 0.294, 0, -0.3412),
            Case("no the good", 0.822, 0.178, 0, -0.5583),
            Case("no fun or joy", 0.743, 0.257, 0, -0.6979),    // three words after "no" with "or" before
            Case("no fun and joy", 0.318, 0.235, 0.447, 0.2728),
        ])
    }
}
