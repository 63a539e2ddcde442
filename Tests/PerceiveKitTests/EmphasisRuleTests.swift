import Testing
@testable import PerceiveKit

// Fixture values used here: good +0.5, bad -0.5, easy +0.4 / effort +0.7,
// fixed +0.4 / success +0.8, happy +0.5 / joy 0.6.

@Test func eachExclamationMarkRaisesTheSentencesValence() throws {
    let m = Marked("⟦good⟧⟦!!⟧")
    let result = try Fixture.scorer().score(m.text)
    let good = try result.only(.emotion)
    expectAdjustments(good, [ExpectedAdjustment(.exclamation, 1 + 2 * p.exclamationEmphasis, m[1])])
    expectClose(result.scores.emotion, 0.5 * (1 + 2 * p.exclamationEmphasis))
}

@Test func exclamationMarksCountUpToTheMaximum() throws {
    #expect(p.exclamationMaximum == 4)   // six marks below
    let m = Marked("good⟦!!!!!!⟧")
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(good, [ExpectedAdjustment(.exclamation, 1 + Double(p.exclamationMaximum) * p.exclamationEmphasis, m[0])])
}

@Test func oneQuestionMarkIsNoEmphasis() throws {
    #expect(try Fixture.scorer().score("good?").only(.emotion).adjustments.isEmpty)
}

@Test func twoOrMoreQuestionMarksRaiseTheValence() throws {
    let two = Marked("good⟦??⟧")
    expectAdjustments(try Fixture.scorer().score(two.text).only(.emotion),
                      [ExpectedAdjustment(.question, 1 + 2 * p.questionEmphasis, two[0])])
    #expect(p.questionMaximum == 3)
    let four = Marked("good⟦????⟧")
    expectAdjustments(try Fixture.scorer().score(four.text).only(.emotion),
                      [ExpectedAdjustment(.question, 1 + Double(p.questionMaximum) * p.questionEmphasis, four[0])])
}

@Test func exclamationAndQuestionMarksTogether() throws {
    // "good?!?": one "!" (byte 5) and two "?" (bytes 4 and 6; the trigger spans first to last).
    let m = Marked("good⟦?⟦!⟧?⟧")
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(good, [
        ExpectedAdjustment(.exclamation, 1 + p.exclamationEmphasis, m[1]),
        ExpectedAdjustment(.question, 1 + 2 * p.questionEmphasis, m[0]),
    ])
}

@Test func emphasisLeavesEffortAndSuccessAlone() throws {
    let m = Marked("easy and fixed⟦!⟧")
    let result = try Fixture.scorer().score(m.text)
    for e in result.evidence(.emotion) {
        expectAdjustments(e, [ExpectedAdjustment(.exclamation, 1 + p.exclamationEmphasis, m[0])])
    }
    #expect(result.evidence(.emotion).count == 2)
    #expect(try result.only(.effort).adjustments.isEmpty)
    #expect(try result.only(.success).adjustments.isEmpty)
}

@Test func emphasisRaisesNamedEmotions() throws {
    let m = Marked("happy⟦!⟧")
    let result = try Fixture.scorer().score(m.text)
    let joy = try result.only(.emotions, category: "joy")
    expectAdjustments(joy, [ExpectedAdjustment(.exclamation, 1 + p.exclamationEmphasis, m[0])])
    #expect(result.scores.emotions.count == 1)
    expectClose(result.scores.emotions.first?.intensity, 0.6 * (1 + p.exclamationEmphasis))
}

@Test func emphasisStaysInItsSentence() throws {
    let m = Marked("⟦Good⟧. ⟦Bad⟧⟦!⟧")
    let result = try Fixture.scorer().score(m.text)
    #expect(result.sentences.count == 2)
    #expect(try result.evidence(.emotion, at: m[0].start).adjustments.isEmpty)
    expectAdjustments(try result.evidence(.emotion, at: m[1].start), [ExpectedAdjustment(.exclamation, 1 + p.exclamationEmphasis, m[2])])
}
