import Testing
@testable import PerceiveKit

// Fixture values used here: fixed +0.4 / success +0.8, broken -0.5 / success -0.6;
// persistence cues still, yet, never (never is also a negator).

@Test func stillNotFixed() throws {
    let m = Marked("⟦still⟧ ⟦not⟧ fixed")
    let result = try Fixture.scorer().score(m.text)
    let success = try result.only(.success)
    expectAdjustments(success, [
        ExpectedAdjustment(.negation, p.negationFactor, m[1]),
        ExpectedAdjustment(.unresolved, p.unresolvedFactor, m[0]),
    ])
    expectClose(result.scores.success, 0.8 * p.negationFactor * p.unresolvedFactor)
    // Only the outcome weighs more; the feeling is just negated.
    expectAdjustments(try result.only(.emotion), [ExpectedAdjustment(.negation, p.negationFactor, m[1])])
    // A failed resolution is no first-contact ease.
    #expect(result.scores.effort == nil)
}

@Test func neverIsBothNegatorAndPersistenceMarker() throws {
    let m = Marked("⟦never⟧ fixed")
    let success = try Fixture.scorer().score(m.text).only(.success)
    expectAdjustments(success, [
        ExpectedAdjustment(.negation, p.negationFactor, m[0]),
        ExpectedAdjustment(.unresolved, p.unresolvedFactor, m[0]),
    ])
}

@Test func persistenceMarkerRightAfterTheOutcome() throws {
    let m = Marked("⟦not⟧ fixed ⟦yet⟧")
    let success = try Fixture.scorer().score(m.text).only(.success)
    expectAdjustments(success, [
        ExpectedAdjustment(.negation, p.negationFactor, m[0]),
        ExpectedAdjustment(.unresolved, p.unresolvedFactor, m[1]),
    ])
}

@Test func stillBroken() throws {
    let m = Marked("⟦still⟧ broken")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.only(.success), [ExpectedAdjustment(.unresolved, p.unresolvedFactor, m[0])])
    expectClose(result.scores.success, -0.6 * p.unresolvedFactor)
    #expect(try result.only(.emotion).adjustments.isEmpty)
}

@Test func successfulOutcomeIsNotUnresolved() throws {
    let success = try Fixture.scorer().score("still fixed").only(.success)
    #expect(success.adjustments.isEmpty)
    #expect(success.contribution == 0.8)
}

@Test func failedOutcomeWithoutPersistenceMarker() throws {
    #expect(try Fixture.scorer().score("broken").only(.success).adjustments.isEmpty)
}

@Test func persistenceMarkerMustBeWithinTheUnresolvedWindow() throws {
    #expect(p.unresolvedWindow == 4)
    let inside = Marked("⟦still⟧ a b not fixed")
    #expect(try Fixture.scorer().score(inside.text).only(.success).adjustments.map(\.rule) == [.negation, .unresolved])
    let outside = try Fixture.scorer().score("still a b c not fixed").only(.success)
    #expect(outside.adjustments.map(\.rule) == [.negation])
}

@Test func persistenceMarkerStaysInItsSentence() throws {
    let success = try Fixture.scorer().score("Still here. Not fixed.").only(.success)
    #expect(success.adjustments.map(\.rule) == [.negation])
}
