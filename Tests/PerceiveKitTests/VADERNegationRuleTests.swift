import Testing
@testable import PerceiveKit

/// ``VADERNegationRule``: VADER's negation (`_negation_check`), on tiny inputs with the fixture lexicon of
/// ``VADERRulesetTests`` (expected values from vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERNegationRuleTests {
    typealias Case = VADERRulesetTests.Case

    @Test func negationAtDistanceOneToThree() throws {
        let scorer = try VADERRulesetTests.scorer()
        #expect(abs(scorer.valences("not the the good")[3].valence - 1.9 * -0.74) < 1e-12)
        try VADERRulesetTests.check([
            Case("not good", 0.706, 0.294, 0, -0.3412),
            Case("isn't good", 0.706, 0.294, 0, -0.3412),        // any word with "n't"
            Case("not the good", 0.546, 0.454, 0, -0.3412),
            Case("not the the good", 0.445, 0.555, 0, -0.3412),
            Case("not the the the good", 0, 0.58, 0.42, 0.4404),  // beyond the window
        ])
    }

    @Test func neverSoAndWithoutDoubt() throws {
        try VADERRulesetTests.check([
            Case("it was never so good", 0, 0.475, 0.525, 0.6626),       // (1.9 + 0.293) × 1.25
            Case("it was never this good", 0, 0.502, 0.498, 0.6084),     // 1.9 × 1.25
            Case("never so the good", 0, 0.446, 0.554, 0.5751),
            Case("the so good", 0, 0.385, 0.615, 0.4927),                // no "never": only the booster
            Case("without doubt good", 0, 0.166, 0.834, 0.6136),         // not negated ("doubt" scores alone)
            Case("without the doubt good", 0, 0.285, 0.715, 0.6136),
        ])
    }
}
