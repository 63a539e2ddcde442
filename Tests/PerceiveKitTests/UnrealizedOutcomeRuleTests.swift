import Testing
@testable import PerceiveKit

// Fixture values used here: fixed +0.4 / success +0.8, broken -0.5 / success -0.6;
// unrealized cues "need to", "if"; "not" is a negator.

@Test func anOutcomeTheCustomerStillNeedsIsNoSuccess() throws {
    let m = Marked("now I ⟦need to⟧ get it fixed")
    let result = try Fixture.scorer().score(m.text)
    let success = try result.only(.success)
    expectAdjustments(success, [ExpectedAdjustment(.unrealized, p.unrealizedFactor, m[0])])
    expectClose(result.scores.success, 0.8 * p.unrealizedFactor)
    // Only the outcome: the word still feels positive.
    expectAdjustments(try result.only(.emotion), [])
}

@Test func aConditionLeavesAFailedOutcomeAsItIs() throws {
    let m = Marked("⟦if⟧ it is ⟦not⟧ fixed")
    let success = try Fixture.scorer().score(m.text).only(.success)
    expectAdjustments(success, [ExpectedAdjustment(.negation, p.negationFactor, m[1])])
    expectClose(success.contribution, 0.8 * p.negationFactor)
}

@Test func theMarkerActsWithinItsClauseAndWindow() throws {
    // A clause break ends its reach.
    let split = try Fixture.scorer().score("I need to call, it was fixed").only(.success)
    expectAdjustments(split, [])
    expectClose(split.contribution, 0.8)
    // More than unrealizedWindow words before the outcome: out of reach.
    #expect(p.unrealizedWindow == 6)
    let far = try Fixture.scorer().score("if one two three four five six fixed").only(.success)
    expectAdjustments(far, [])
    let near = try Fixture.scorer().score("if one two three four five fixed").only(.success)
    #expect(near.adjustments.map(\.rule) == [.unrealized])
}

@Test func unrealizedFactorIsAParameter() throws {
    var parameters = Fixture.parameters
    parameters.unrealizedFactor = 0
    let scorer = try Fixture.scorer(parameters)
    let success = try scorer.score("I need to get it fixed").only(.success)
    expectClose(success.contribution, 0)
}
