import Testing
@testable import PerceiveKit

// Fixture values used here: good +0.5, bad -0.5, easy +0.4 / effort +0.7;
// intensifier very 0.3; diminishers slightly 0.4, barely 0.9.

private let very = 0.3, slightly = 0.4, barely = 0.9

@Test func intensifierRaisesTheTermByOnePlusItsWeight() throws {
    let m = Marked("⟦very⟧ ⟦good⟧")
    let result = try Fixture.scorer().score(m.text)
    let good = try result.only(.emotion)
    #expect((good.start, good.end) == m[1])
    expectAdjustments(good, [ExpectedAdjustment(.intensifier, 1 + very, m[0])])
    expectClose(result.scores.emotion, 0.5 * (1 + very))
}

@Test func diminisherLowersTheTermByOneMinusItsWeight() throws {
    let m = Marked("⟦slightly⟧ bad")
    let bad = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(bad, [ExpectedAdjustment(.diminisher, 1 - slightly, m[0])])
    expectClose(bad.contribution, -0.5 * (1 - slightly))
}

@Test func intensifierWeighsLessForEachTokenOfDistance() throws {
    let m = Marked("⟦very⟧ really good")
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(good, [ExpectedAdjustment(.intensifier, 1 + very * (1 - p.intensifierDistanceDecay), m[0])])
}

@Test func twoIntensifiersApplyFarthestFirst() throws {
    let m = Marked("⟦very⟧ ⟦very⟧ good")
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(good, [
        ExpectedAdjustment(.intensifier, 1 + very * (1 - p.intensifierDistanceDecay), m[0]),
        ExpectedAdjustment(.intensifier, 1 + very, m[1]),
    ])
    expectClose(good.contribution, 0.5 * (1 + very * 0.95) * (1 + very))
}

@Test func intensifierInCapitalsWeighsMore() throws {
    let m = Marked("⟦VERY⟧ good")
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    // The capitals raise the intensifier's weight; "good" itself is not in capitals.
    expectAdjustments(good, [ExpectedAdjustment(.intensifier, 1 + very * (1 + p.capsEmphasis), m[0])])
}

@Test func diminishersNeverBringTheFactorBelowTheMinimum() throws {
    let m = Marked("⟦barely⟧ ⟦barely⟧ bad")
    let bad = try Fixture.scorer().score(m.text).only(.emotion)
    let far = 1 - barely * (1 - p.intensifierDistanceDecay)   // 0.145
    #expect(far * (1 - barely) < p.minimumIntensityFactor)
    expectAdjustments(bad, [
        ExpectedAdjustment(.diminisher, far, m[0]),
        ExpectedAdjustment(.diminisher, p.minimumIntensityFactor / far, m[1]),
    ])
    expectClose(bad.contribution, -0.5 * p.minimumIntensityFactor)
}

@Test func intensifierRaisesEveryDimensionOfTheTerm() throws {
    let m = Marked("⟦very⟧ easy")
    let result = try Fixture.scorer().score(m.text)
    expectAdjustments(try result.only(.emotion), [ExpectedAdjustment(.intensifier, 1 + very, m[0])])
    expectAdjustments(try result.only(.effort), [ExpectedAdjustment(.intensifier, 1 + very, m[0])])
    expectClose(result.scores.effort, 0.7 * (1 + very))
}

@Test func intensifierOutsideTheWindowDoesNothing() throws {
    #expect(p.intensifierWindow == 3)   // "very" is 4 units before "good"
    let good = try Fixture.scorer().score("very much so really good").only(.emotion)
    #expect(good.adjustments.isEmpty)
}

@Test func intensifierDoesNotCrossClausePunctuation() throws {
    let good = try Fixture.scorer().score("very, good").only(.emotion)
    #expect(good.adjustments.isEmpty)
}

@Test func negationThenIntensifier() throws {
    let m = Marked("⟦not⟧ ⟦very⟧ good")
    let good = try Fixture.scorer().score(m.text).only(.emotion)
    expectAdjustments(good, [
        ExpectedAdjustment(.negation, p.negationFactor, m[0]),
        ExpectedAdjustment(.intensifier, 1 + very, m[1]),
    ])
}
