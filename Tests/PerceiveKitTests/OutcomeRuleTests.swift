import Testing
@testable import PerceiveKit

// Fixture: goals bag, refund, seat; product speaker; obtain have, got; great +0.6 (joy 0.5),
// bad -0.5, broken -0.5 / success -0.6; negators not, never, don't; still (persistence).

@Test func obtainingAGoalIsASuccess() throws {
    let m = Marked("I ⟦got my refund⟧ today")
    let result = try Fixture.scorer().score(m.text)
    let outcome = try result.only(.success)
    #expect(outcome.source == .outcome)
    #expect(outcome.entry == Fixture.entry("refund"))
    #expect((outcome.start, outcome.end) == m[0])
    expectClose(outcome.contribution, p.goalObtainedSuccess)
    expectClose(result.scores.success, p.goalObtainedSuccess)
}

@Test func stillNotHavingTheBagIsAnUnresolvedFailure() throws {
    // "don't" negates the outcome, "still" marks it unresolved: 0.3 × -0.74 × 1.4.
    let m = Marked("two weeks since I landed and I ⟦still⟧ ⟦don't⟧ ⟦have my bag⟧")
    let result = try Fixture.scorer().score(m.text)
    let outcome = try result.only(.success)
    #expect(outcome.source == .outcome)
    #expect((outcome.start, outcome.end) == m[2])
    expectAdjustments(outcome, [ExpectedAdjustment(.negation, p.negationFactor, m[1]), ExpectedAdjustment(.unresolved, p.unresolvedFactor, m[0])])
    expectClose(result.scores.success, p.goalObtainedSuccess * p.negationFactor * p.unresolvedFactor)
    #expect(try #require(result.scores.success) < 0)
}

@Test func aMissingGoalIsAFailure() throws {
    let m = Marked("booked weeks ago and at check-in there was ⟦no seat⟧")
    let result = try Fixture.scorer().score(m.text)
    let outcome = try result.only(.success)
    #expect(outcome.source == .outcome)
    #expect(outcome.entry == Fixture.entry("seat"))
    #expect((outcome.start, outcome.end) == m[0])
    expectClose(result.scores.success, p.goalMissingSuccess)
}

@Test func theGoalMustBeInTheObtainingClause() throws {
    #expect(try Fixture.scorer().score("I got there, my bag did too").scores.success == nil)
    #expect(p.goalWindow == 4)   // "refund" is 5 words after "got"
    #expect(try Fixture.scorer().score("got the one and only good refund").scores.success == nil)
}

@Test func aVerdictOnTheProductIsAnOutcome() throws {
    let m = Marked("⟦great⟧ speaker")
    let result = try Fixture.scorer().score(m.text)
    let verdict = try result.only(.success)
    #expect(verdict.source == .verdict)
    #expect(verdict.entry == Fixture.entry("great"))
    #expect((verdict.start, verdict.end) == m[0])
    expectClose(verdict.contribution, 0.6 * p.productVerdictWeight)
    expectClose(result.scores.emotion, 0.6)
}

@Test func aNegatedVerdictIsNegatedToo() throws {
    let result = try Fixture.scorer().score("the speaker is not great")
    let verdict = try result.only(.success)
    expectClose(verdict.contribution, 0.6 * p.productVerdictWeight * p.negationFactor)
}

@Test func noVerdictOutsideAProductClause() throws {
    // The product is named in another clause; "broken" scores success itself (no double count).
    #expect(try Fixture.scorer().score("great service, the speaker arrived").scores.success == nil)
    let result = try Fixture.scorer().score("the speaker is broken")
    let success = try result.only(.success)
    #expect(success.source == .lexicon)
    expectClose(result.scores.success, -0.6)
}

@Test func aNeutralPhraseMakesNoVerdict() throws {
    // "gift card" weighs 0: in a product clause it is no outcome (a success of 0 would be one).
    let result = try Fixture.scorer().score("the speaker came with a gift card")
    #expect(result.scores.success == nil)
    #expect(result.evidence.allSatisfy { $0.dimension != .success })
}

@Test func anEasyProductIsNoEffort() throws {
    // "easy" before the product: a property of the product; its valence and verdict stay.
    let result = try Fixture.scorer().score("an easy speaker")
    #expect(result.scores.effort == nil)
    expectClose(result.scores.emotion, 0.4)
    expectClose(result.scores.success, 0.4 * p.productVerdictWeight)
}

@Test func aProductThatIsEasyToUseIsEffort() throws {
    let result = try Fixture.scorer().score("the speaker is easy to set up")
    expectClose(result.scores.effort, 0.7)
}

@Test func theToneOfAnOutcomeCommentGradesItsSuccess() throws {
    // "broken" (success -0.6) and "bad" (valence -0.5) with "broken"'s own valence -0.5:
    // valence -0.5, added to success at the strongest valence term × outcomeToneWeight.
    let result = try Fixture.scorer(.standard).score("bad, it is broken")
    let tone = try result.only(.success, source: .tone)
    expectClose(tone.contribution, -0.5 * p.outcomeToneWeight)
    // The score is clamped to -1 … 1 (with outcomeToneWeight 2.5 the mean is -1.04).
    expectClose(result.scores.success, max(-1, weightedMean([-0.6, -0.5 * p.outcomeToneWeight])!))
}

@Test func noToneWithoutAnOutcome() throws {
    #expect(try Fixture.scorer(.standard).score("bad, very bad").scores.success == nil)
}

@Test func aSlowProductIsNoEffort() throws {
    #expect(try Fixture.scorer().score("the speaker is easy").scores.effort == nil)
}

@Test func effortWithTheProductInTheClauseIsStillEffort() throws {
    // "easy" is neither before the product nor its complement.
    let result = try Fixture.scorer().score("easy for me to call about the speaker")
    expectClose(result.scores.effort, 0.7)
}
