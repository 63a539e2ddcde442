import Testing
@testable import PerceiveKit

// Fixture: done rebooked, amended, "moved us", fixed (fixed also scores success +0.8);
// goals bag, refund, seat; negators not, don't.

@Test func aServiceActionDoneForTheCustomerIsSuccess() throws {
    let m = Marked("the agent ⟦rebooked me⟧ on the next one")
    let result = try Fixture.scorer().score(m.text)
    let done = try result.only(.success, source: .serviceAction)
    #expect(done.entry == Fixture.entry("rebooked"))
    #expect((done.start, done.end) == m[0])
    #expect(done.adjustments.isEmpty)
    expectClose(done.contribution, p.serviceActionSuccess)
    expectClose(result.scores.success, p.serviceActionSuccess)
}

@Test func aServiceActionOnAGoalIsSuccess() throws {
    // The done word before its goal, and the goal before its done word.
    let before = Marked("they ⟦rebooked the seat⟧")
    let first = try Fixture.scorer().score(before.text).only(.success, source: .serviceAction)
    #expect((first.start, first.end) == before[0])
    let after = Marked("my ⟦refund was amended⟧ today")
    let second = try Fixture.scorer().score(after.text).only(.success, source: .serviceAction)
    #expect((second.start, second.end) == after[0])
    #expect(second.entry == Fixture.entry("amended"))
    expectClose(second.contribution, p.serviceActionSuccess)
}

@Test func aDonePhraseThatNamesItsObjectNeedsNothingAfterIt() throws {
    let m = Marked("they ⟦moved us⟧ straight away")
    let done = try Fixture.scorer().score(m.text).only(.success, source: .serviceAction)
    #expect((done.start, done.end) == m[0])
}

@Test func aServiceActionNotDoneIsAFailure() throws {
    let result = try Fixture.scorer().score("they have not rebooked me")
    let done = try result.only(.success, source: .serviceAction)
    expectClose(done.contribution, p.serviceActionSuccess * p.negationFactor)
    #expect(try #require(result.scores.success) < 0)
}

@Test func aDoneWordWithoutTheCustomerOrAGoalIsNoOutcome() throws {
    // "amended" with neither "me/us/my/our" nor a goal within the window.
    #expect(try Fixture.scorer().score("the terms were amended last year").scores.success == nil)
    // A goal then another goal: the done word belongs to the second.
    let result = try Fixture.scorer().score("the bag and the refund amended")
    let done = try result.only(.success, source: .serviceAction)
    #expect(done.firstToken == 4)
}

@Test func aDoneWordThatScoresSuccessIsLeftToTheLexicon() throws {
    // "fixed" is a success term (+0.8) and a done cue: it counts once, as the lexicon's.
    let result = try Fixture.scorer().score("they fixed my bag")
    #expect(result.evidence(.success).filter { $0.source == .serviceAction }.isEmpty)
    expectClose(try result.only(.success, source: .lexicon).contribution, 0.8)
}

@Test func aServiceActionWeightOfZeroTurnsTheRuleOff() throws {
    var parameters = Fixture.parameters
    parameters.serviceActionSuccess = 0
    #expect(try Fixture.scorer(parameters).score("the agent rebooked me").scores.success == nil)
}
