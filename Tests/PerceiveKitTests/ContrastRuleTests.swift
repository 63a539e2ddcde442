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

/// Issue 15: every contribution scanned every contrast word of the comment, so a 1 MB comment
/// with a "but" in each sentence took minutes to score. Expected: the nearest contrast word in
/// the contribution's own sentence (found by binary search), in a comment of 1,000 sentences.
@Test func contrastWordsOfALongCommentAreFoundInTheirOwnSentence() throws {
    let repeats = 500
    let unit = "⟦Good⟧ ⟦but⟧ ⟦bad⟧ ⟦but⟧ ⟦good⟧. ⟦Bad⟧. "  // 6 marks per repeat
    let m = Marked(String(repeating: unit, count: repeats))
    let result = try Fixture.scorer(rules: [LexiconRule(), ContrastRule()]).score(m.text)
    #expect(result.evidence.count == 4 * repeats && result.sentences.count == 2 * repeats)
    var wrong = 0
    for r in 0..<repeats {
        let k = 6 * r
        let expected: [(Int, [ExpectedAdjustment])] = [
            (k, [ExpectedAdjustment(.contrast, p.contrastBeforeWeight, m[k + 1])]),
            (k + 2, [ExpectedAdjustment(.contrast, p.contrastBeforeWeight, m[k + 3])]),
            (k + 4, [ExpectedAdjustment(.contrast, p.contrastAfterWeight, m[k + 3])]),
            (k + 5, []),
        ]
        for (mark, adjustments) in expected {
            let e = try result.evidence(.emotion, at: m[mark].start)
            let same = e.adjustments.count == adjustments.count && zip(e.adjustments, adjustments).allSatisfy {
                $0.rule == $1.rule && $0.factor == $1.factor && $0.triggerStart == $1.trigger.start && $0.triggerEnd == $1.trigger.end
            }
            if !same { wrong += 1 }
        }
    }
    #expect(wrong == 0)
}
