import Testing
@testable import PerceiveKit

// Fixture: blocked can't; burden had to; actions log in, call; negators not, don't.

@Test func aBlockedActionIsEffort() throws {
    let m = Marked("I ⟦can't log in⟧ since the update")
    let result = try Fixture.scorer().score(m.text)
    let effort = try result.only(.effort)
    #expect(effort.source == .blockedAction)
    #expect(effort.entry == Fixture.entry("log in"))
    #expect((effort.start, effort.end) == m[0])
    #expect(effort.adjustments.isEmpty)
    expectClose(result.scores.effort, p.blockedActionEffort)
}

@Test func anActionTheCustomerHadToDoIsEffort() throws {
    let m = Marked("⟦had to call⟧ them")
    let effort = try Fixture.scorer().score(m.text).only(.effort)
    #expect(effort.source == .burden)
    #expect((effort.start, effort.end) == m[0])
    expectClose(effort.contribution, p.burdenEffort)
}

@Test func notHavingToActIsEase() throws {
    // "don't" before the burden marker flips it: an easy experience.
    let result = try Fixture.scorer().score("I don't had to call anyone")
    expectClose(result.scores.effort, p.burdenEffort * p.negationFactor)
    #expect(try #require(result.scores.effort) > 0)
}

@Test func theActionMustFollowWithinItsClause() throws {
    #expect(try Fixture.scorer().score("can't say, log in was fine").scores.effort == nil)
    #expect(p.actionWindow == 3)
    #expect(try Fixture.scorer().score("had to go and then really call").scores.effort == nil)
}
