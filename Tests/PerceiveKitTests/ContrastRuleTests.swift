import Testing
@testable import PerceiveKit

// Fixture values used here: good +0.5, bad -0.5, easy +0.4 / effort +0.7;
// contrast words but, however; concessive words although, even though.

@Test func butWeakensWhatPrecedesAndStrengthensWhatFollows() throws {
    let m = Marked("⟦good⟧ ⟦but⟧ ⟦bad⟧")
    let result = try Fixture.scorer().score(m.text)
    let good = try result.evidence(.emotion, at: m[0].start)
    let bad = try result.evidence(.emotion, at: m[2].start)
    expectAdjustments(good, [ExpectedAdjustment(.contrast, p.contrastBeforeWeight, m[1])])
    expectAdjustments(bad, [ExpectedAdjustment(.contrast, p.contrastAfterWeight, m[1])])
    // 0.25 and -0.75: (0.25·0.25 − 0.75·0.75) / (0.25 + 0.75)
    expectClose(result.scores.emotion, -0.5)
}

@Test func althoughWeakensItsOwnClauseOnly() throws {
    let m = Marked("⟦although⟧ ⟦good⟧, ⟦bad⟧")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.evidence(.emotion, at: m[1].start), [ExpectedAdjustment(.concessive, p.concessiveWeight, m[0])])
    #expect(try result.evidence(.emotion, at: m[2].start).adjustments.isEmpty)
    // 0.25 and -0.5: (0.0625 − 0.25) / 0.75
    expectClose(result.scores.emotion, -0.25)
}

@Test func concessiveClauseAfterAComma() throws {
    let m = Marked("⟦good⟧, ⟦although⟧ ⟦bad⟧")
    let result = try Fixture.scorer().score(m.text)
    #expect(try result.evidence(.emotion, at: m[0].start).adjustments.isEmpty)
    expectAdjustments(try result.evidence(.emotion, at: m[2].start), [ExpectedAdjustment(.concessive, p.concessiveWeight, m[1])])
}

@Test func concessivePhraseIsTheTrigger() throws {
    let m = Marked("⟦even though⟧ good, bad")
    #expect(m[0] == (0, 11))
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.evidence(.emotion, at: 12), [ExpectedAdjustment(.concessive, p.concessiveWeight, m[0])])
}

@Test func contrastStaysInItsSentence() throws {
    let m = Marked("⟦Good⟧. ⟦But⟧ ⟦bad⟧.")
    let result = try Fixture.scorer().score(m.text)
    #expect(try result.evidence(.emotion, at: m[0].start).adjustments.isEmpty)
    expectAdjustments(try result.evidence(.emotion, at: m[2].start), [ExpectedAdjustment(.contrast, p.contrastAfterWeight, m[1])])
}

@Test func eachContributionUsesTheNearestContrastWordOnce() throws {
    let m = Marked("⟦good⟧ ⟦but⟧ ⟦bad⟧ ⟦however⟧ ⟦easy⟧")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.evidence(.emotion, at: m[0].start), [ExpectedAdjustment(.contrast, p.contrastBeforeWeight, m[1])])
    expectAdjustments(try result.evidence(.emotion, at: m[2].start), [ExpectedAdjustment(.contrast, p.contrastBeforeWeight, m[3])])
    expectAdjustments(try result.evidence(.emotion, at: m[4].start), [ExpectedAdjustment(.contrast, p.contrastAfterWeight, m[3])])
    expectAdjustments(try result.evidence(.effort, at: m[4].start), [ExpectedAdjustment(.contrast, p.contrastAfterWeight, m[3])])
}

@Test func concessiveAndContrastTogether() throws {
    let m = Marked("⟦although⟧ ⟦good⟧ ⟦but⟧ ⟦bad⟧")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.evidence(.emotion, at: m[1].start), [
        ExpectedAdjustment(.contrast, p.contrastBeforeWeight, m[2]),
        ExpectedAdjustment(.concessive, p.concessiveWeight, m[0]),
    ])
    // "but" closes the concessive clause: "bad" is only after the contrast.
    expectAdjustments(try result.evidence(.emotion, at: m[3].start), [ExpectedAdjustment(.contrast, p.contrastAfterWeight, m[2])])
}

@Test func noContrastWordNoAdjustment() throws {
    let result = try Fixture.scorer().score("good and bad")
    for e in result.evidence { #expect(e.adjustments.isEmpty) }
    expectClose(result.scores.emotion, 0)
}
