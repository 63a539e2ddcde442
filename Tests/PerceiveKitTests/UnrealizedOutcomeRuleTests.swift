import Testing
@testable import PerceiveKit

// Fixture values used here: fixed +0.4 / success +0.8, broken -0.5 / success -0.6;
// unrealized cues "need to", "if"; counterfactual "would have"; "not" is a negator;
// angry -0.6, anger 0.8; "had to" is a burden and "call" an action.

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

@Test func aFailureThatWouldHaveHappenedDidNot() throws {
    // The failure is turned, and the words' own valence and named emotions with it.
    let m = Marked("it ⟦would have⟧ been broken")
    let result = try Fixture.scorer().score(m.text)
    let success = try result.only(.success)
    expectAdjustments(success, [ExpectedAdjustment(.counterfactual, p.counterfactualFactor, m[0])])
    expectClose(success.contribution, -0.6 * p.counterfactualFactor)
    let emotion = try result.only(.emotion)
    expectAdjustments(emotion, [ExpectedAdjustment(.counterfactual, p.counterfactualFactor, m[0])])
    expectClose(emotion.contribution, -0.5 * p.counterfactualFactor)
    expectClose(result.scores.success, -0.6 * p.counterfactualFactor)  // its only success contribution
}

@Test func aBurdenThatWouldHaveBeenNeededWasAvoided() throws {
    let m = Marked("we ⟦would have⟧ had to call")
    let effort = try Fixture.scorer().score(m.text).only(.effort)
    expectAdjustments(effort, [ExpectedAdjustment(.counterfactual, p.counterfactualFactor, m[0])])
    expectClose(effort.contribution, p.burdenEffort * p.counterfactualFactor)
}

@Test func counterfactualsLeaveTheRestAlone() throws {
    let scorer = try Fixture.scorer()
    // A positive outcome after "would have" is not turned by it (the fixture's "would have"
    // is no unrealized cue), nor is a failure in another clause, nor named emotions of other words.
    expectAdjustments(try scorer.score("it would have been fixed").only(.success), [])
    expectAdjustments(try scorer.score("it would have been nice, it was broken").only(.success), [])
    let angry = try scorer.score("I would have been angry")
    #expect(angry.evidence.allSatisfy { $0.adjustments.isEmpty }, "no success or effort, nothing to turn")
    var parameters = Fixture.parameters
    parameters.counterfactualFactor = 0
    expectClose(try Fixture.scorer(parameters).score("it would have been broken").only(.success).contribution, 0)
}
