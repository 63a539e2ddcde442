import Testing
@testable import PerceiveKit

/// ``VADERPunctuationRule``: VADER's punctuation emphasis (`_punctuation_emphasis`), on tiny inputs with the fixture lexicon of
/// ``VADERRulesetTests`` (expected values from vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERPunctuationRuleTests {
    typealias Case = VADERRulesetTests.Case

    @Test func exclamationAndQuestionMarks() throws {
        try VADERRulesetTests.check([
            Case("good!", 0, 0, 1, 0.4926),              // + 0.292
            Case("good!!!!!!", 0, 0, 1, 0.6209),         // at most 4 count
            Case("good??", 0, 0, 1, 0.504),              // 2 × 0.18
            Case("good???", 0, 0, 1, 0.533),
            Case("good????", 0, 0, 1, 0.594),            // more than 3: 0.96
            Case("bad!!", 1, 0, 0, -0.6229),
        ])
    }
}
