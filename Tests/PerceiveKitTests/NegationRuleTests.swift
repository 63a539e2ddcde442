import Testing
@testable import PerceiveKit

// Fixture values used here: good +0.5, bad -0.5, easy +0.4 / effort +0.7, happy +0.5 / joy 0.6;
// negators not, never, don't; "don't work" -0.5 / success -0.6.

@Test func negatorFlipsAndDampensTheTermAfterIt() throws {
    let m = Marked("⟦not⟧ ⟦good⟧")
    let result = try Fixture.scorer().score(m.text)
    let good = try result.only(.emotion)
    #expect((good.start, good.end) == m[1])
    #expect(good.base == 0.5)
    expectAdjustments(good, [ExpectedAdjustment(.negation, p.negationFactor, m[0])])
    expectClose(good.contribution, 0.5 * p.negationFactor)
    expectClose(result.scores.emotion, 0.5 * p.negationFactor)
}

@Test func negationFlipsEveryDimensionOfTheTerm() throws {
    let m = Marked("⟦not⟧ easy")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.only(.emotion), [ExpectedAdjustment(.negation, p.negationFactor, m[0])])
    expectAdjustments(try result.only(.effort), [ExpectedAdjustment(.negation, p.negationFactor, m[0])])
    expectClose(result.scores.emotion, 0.4 * p.negationFactor)
    expectClose(result.scores.effort, 0.7 * p.negationFactor)
}

@Test func negatedNamedEmotionUsesTheNegatedEmotionFactor() throws {
    let m = Marked("⟦not⟧ happy")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.only(.emotion), [ExpectedAdjustment(.negation, p.negationFactor, m[0])])
    let joy = try result.only(.emotions, category: "joy")
    expectAdjustments(joy, [ExpectedAdjustment(.negation, p.negatedEmotionFactor, m[0])])
    expectClose(joy.contribution, 0.6 * p.negatedEmotionFactor)
    // "not happy" expresses no joy: a zero intensity is not listed.
    #expect(result.scores.emotions.isEmpty)
}

@Test func negatorReachesExactlyNegationWindowUnitsBack() throws {
    #expect(p.negationWindow == 3)   // the inputs below are written for this window
    let inside = Marked("⟦not⟧ really that good")
    expectAdjustments(try Fixture.scorer().score(inside.text).only(.emotion),
                      [ExpectedAdjustment(.negation, p.negationFactor, inside[0])])
    let outside = try Fixture.scorer().score("not at all that good").only(.emotion)
    #expect(outside.adjustments.isEmpty)
    #expect(outside.contribution == 0.5)
}

@Test func negationWindowIsReadFromTheParameters() throws {
    var wide = Parameters.standard
    wide.negationWindow = 4
    wide.negationFactor = -0.5
    let m = Marked("⟦not⟧ at all that good")
    let good = try Fixture.scorer(wide).score(m.text).only(.emotion)
    expectAdjustments(good, [ExpectedAdjustment(.negation, -0.5, m[0])])
    expectClose(good.contribution, -0.25)
}

@Test func clausePunctuationEndsTheNegationScope() throws {
    let m = Marked("⟦not⟧ ⟦bad⟧, ⟦good⟧")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.evidence(.emotion, at: m[1].start), [ExpectedAdjustment(.negation, p.negationFactor, m[0])])
    #expect(try result.evidence(.emotion, at: m[2].start).adjustments.isEmpty)
}

@Test func contrastWordEndsTheNegationScope() throws {
    let m = Marked("⟦not⟧ ⟦bad⟧ ⟦but⟧ ⟦good⟧")
    let result = try Fixture.scorer().score(m.text)
    let bad = try result.evidence(.emotion, at: m[1].start)
    let good = try result.evidence(.emotion, at: m[3].start)
    expectAdjustments(bad, [ExpectedAdjustment(.negation, p.negationFactor, m[0]),
                            ExpectedAdjustment(.contrast, p.contrastBeforeWeight, m[2])])
    #expect(!good.wasAdjusted(by: .negation))
}

@Test func sentenceBoundaryEndsTheNegationScope() throws {
    let result = try Fixture.scorer().score("Not. Good.")
    #expect(try result.only(.emotion).adjustments.isEmpty)
}

@Test func twoNegatorsCancel() throws {
    let good = try Fixture.scorer().score("never not good").only(.emotion)
    #expect(good.adjustments.isEmpty)
    #expect(good.contribution == 0.5)
}

@Test func threeNegatorsNegateOnceAndTheNearestIsTheTrigger() throws {
    let m = Marked("not never ⟦not⟧ good")
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(good, [ExpectedAdjustment(.negation, p.negationFactor, m[0])])
}

@Test func negatorWithCurlyApostropheMatchesTheStraightOne() throws {
    // The fixture writes "don't" with U+0027; the comment has U+2019 (3 UTF-8 bytes).
    let m = Marked("⟦don’t⟧ feel good")
    #expect(m[0] == (0, 7))
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(good, [ExpectedAdjustment(.negation, p.negationFactor, m[0])])
}

@Test func aTermThatStartsWithANegatorIsNotNegatedAgain() throws {
    // "No YouTube, wouldn't have bought it": the phrase carries its own negation.
    let result = try Fixture.scorer().score("not that they don't work")
    #expect(result.evidence.allSatisfy { $0.adjustments.isEmpty })
    expectClose(result.scores.success, -0.6)
    // The same negator still flips a term that does not start with one.
    let good = try Fixture.scorer().score("not that good").only(.emotion)
    #expect(good.adjustments.map(\.rule) == [.negation])
}
