import Testing
@testable import PerceiveKit

/// ``VADERLeastRule``: VADER's "least" rule (`_least_check`), on tiny inputs with the fixture lexicon of
/// ``VADERRulesetTests`` (expected values from vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERLeastRuleTests {
    typealias Case = VADERRulesetTests.Case

    @Test func leastNegatesUnlessAtOrVeryLeast() throws {
        try VADERRulesetTests.check([
            Case("least good", 0.706, 0.294, 0, -0.3412),
            Case("at least good", 0, 0.408, 0.592, 0.4404),
            Case("the very least good", 0, 0.486, 0.514, 0.4902),
        ])
    }
}
