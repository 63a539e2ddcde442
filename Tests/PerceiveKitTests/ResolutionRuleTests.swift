import Testing
@testable import PerceiveKit

// Fixture values used here: fixed +0.4 / success +0.8, resolved success +0.7 (both resolution
// cues); first-time cues first call, right away (no effort) and instantly (effort +0.5).

@Test func fixedOnTheFirstCall() throws {
    let m = Marked("fixed on the ⟦first call⟧")
    let result = try Fixture.scorer().score(m.text)
    let ease = try result.only(.effort)
    #expect(ease.source == .resolution)
    #expect(ease.entry == Fixture.entry("first call"))
    #expect((ease.start, ease.end) == m[0])
    #expect(ease.adjustments.isEmpty)
    expectClose(ease.contribution, p.firstContactEase)
    expectClose(result.scores.effort, p.firstContactEase)
    expectClose(result.scores.success, 0.8)
}

@Test(arguments: ["⟦first call⟧ and it was fixed", "fixed ⟦right away⟧", "fixed and it was on the ⟦first call⟧"])
func firstTimeCueWithinTheWindow(_ marked: String) throws {
    let m = Marked(marked)
    let ease = try Fixture.scorer().score(m.text).only(.effort)
    #expect(ease.source == .resolution)
    #expect((ease.start, ease.end) == m[0])
}

@Test func firstTimeCueBeyondTheWindow() throws {
    #expect(p.firstTimeWindow == 6)   // "first call" starts 7 tokens after "fixed"
    #expect(try Fixture.scorer().score("fixed and then it was on the first call").scores.effort == nil)
}

@Test func unresolvedOutcomeGivesNoEase() throws {
    #expect(try Fixture.scorer().score("not fixed on the first call").scores.effort == nil)
}

@Test func firstTimeCueThatTheLexiconScoresIsNotCountedTwice() throws {
    let m = Marked("fixed ⟦instantly⟧")
    let result = try Fixture.scorer().score(m.text)
    let effort = try result.only(.effort)
    #expect(effort.source == .lexicon)
    #expect((effort.start, effort.end) == m[0])
    expectClose(result.scores.effort, 0.5)
}

@Test func oneFirstTimeCueServesOneResolution() throws {
    let m = Marked("fixed and resolved on the ⟦first call⟧")
    let result = try Fixture.scorer().score(m.text)
    #expect(result.evidence(.success).count == 2)
    let ease = try result.only(.effort)
    #expect((ease.start, ease.end) == m[0])
}

@Test func firstTimeCueStaysInItsSentence() throws {
    #expect(try Fixture.scorer().score("Fixed. First call.").scores.effort == nil)
}
