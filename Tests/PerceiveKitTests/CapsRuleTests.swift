import Testing
@testable import PerceiveKit

// Fixture values used here: good +0.5, bad -0.5, easy +0.4 / effort +0.7, on hold effort -0.6,
// thank you +0.6 / gratitude 0.8.

@Test func termInCapitalsInALowerCaseCommentIsEmphasized() throws {
    let m = Marked("⟦GOOD⟧ in a sentence with lower case")
    let (analysis, result) = try Fixture.scorer().analysis(of: m.text)
    #expect(!analysis.isShouting)
    let good = try result.only(.emotion)
    expectAdjustments(good, [ExpectedAdjustment(.caps, 1 + p.capsEmphasis, m[0])])
    expectClose(result.scores.emotion, 0.5 * (1 + p.capsEmphasis))
}

@Test func termInLowerOrMixedCaseIsNotEmphasized() throws {
    #expect(try Fixture.scorer().score("good in a sentence").only(.emotion).adjustments.isEmpty)
    #expect(try Fixture.scorer().score("Good, thanks").only(.emotion).adjustments.isEmpty)
}

@Test func capitalsInAnAllCapitalsCommentAreNoEmphasis() throws {
    let (analysis, result) = try Fixture.scorer().analysis(of: "GOOD BUT BAD")
    #expect(analysis.isShouting)
    #expect(result.evidence.count == 2)
    for e in result.evidence { #expect(!e.wasAdjusted(by: .caps)) }
}

@Test func phraseIsEmphasizedOnceByItsFirstWordInCapitals() throws {
    let m = Marked("⟦ON⟧ hold for it")
    let hold = try Fixture.scorer().score(m.text).only(.effort)
    expectAdjustments(hold, [ExpectedAdjustment(.caps, 1 + p.capsEmphasis, m[0])])
    let both = Marked("⟦THANK⟧ YOU so much")
    let thanks = try Fixture.scorer().score(both.text).only(.emotion)
    expectAdjustments(thanks, [ExpectedAdjustment(.caps, 1 + p.capsEmphasis, both[0])])
}

@Test func capitalsEmphasizeEveryDimensionOfTheTerm() throws {
    let m = Marked("⟦EASY⟧ to use")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.only(.emotion), [ExpectedAdjustment(.caps, 1 + p.capsEmphasis, m[0])])
    expectAdjustments(try result.only(.effort), [ExpectedAdjustment(.caps, 1 + p.capsEmphasis, m[0])])
}

@Test func negatorInCapitalsDoesNotEmphasizeTheTerm() throws {
    let m = Marked("⟦NOT⟧ good")
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(good, [ExpectedAdjustment(.negation, p.negationFactor, m[0])])
}
