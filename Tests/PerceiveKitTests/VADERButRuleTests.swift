import Testing
@testable import PerceiveKit

/// ``VADERButRule``: VADER's contrast (`_but_check`), on tiny inputs with the fixture lexicon of
/// ``VADERRulesetTests`` (expected values from vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERButRuleTests {
    typealias Case = VADERRulesetTests.Case

    @Test func butHalvesWhatPrecedesAndRaisesWhatFollows() throws {
        let valences = try VADERRulesetTests.scorer().valences("good but good bad").map(\.valence)
        #expect(valences == [1.9 * 0.5, 0, 1.9 * 1.5, -2.5 * 1.5])
        try VADERRulesetTests.check([
            Case("good but good bad", 0.411, 0.087, 0.502, 0.0129),
            Case("good good but bad good", 0.352, 0.074, 0.574, 0.25),
        ])
    }

    @Test func butFindsPositionsByValueLikeVADER() throws {
        // "nice" (2.0) is halved to 1.0 first; then "fine" (1.0) is looked up by value, found
        // at the first position, and that one (before "but") is halved again: 0.5, 0, 1.0.
        #expect(try VADERRulesetTests.scorer().valences("nice but fine").map(\.valence) == [0.5, 0, 1.0])
        try VADERRulesetTests.check([
            Case("nice but fine", 0, 0.222, 0.778, 0.3612),
            Case("nice but nice fine", 0, 0.118, 0.882, 0.7579),
        ])
    }
}
