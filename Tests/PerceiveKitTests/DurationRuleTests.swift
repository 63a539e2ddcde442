import Foundation
import Testing
@testable import PerceiveKit

// Fixture values used here: on hold effort -0.6; units minutes/mins 1, hour/hours/hrs 60,
// days 1440, weeks 10080; number words a/an 1, half 0.5, three 3, five 5, twenty 20;
// quick cues within, only; ago cue ago; early cue early; delivery (process-context),
// delayed (delay-context), hold (wait-context).

@Test func penaltyCurve() {
    #expect(DurationRule.penalty(minutes: 0, p) == 0)
    expectClose(DurationRule.penalty(minutes: p.durationHalfPenaltyMinutes, p), p.durationMaximumPenalty / 2)
    // k = 0.5, h = 15: √45 / (√45 + √15) = √3 / (√3 + 1) = (3 − √3) / 2
    #expect(p.durationCurveExponent == 0.5 && p.durationHalfPenaltyMinutes == 15)
    expectClose(DurationRule.penalty(minutes: 45, p), (3 - 3.0.squareRoot()) / 2)
    var linear = Parameters.standard
    linear.durationCurveExponent = 1
    linear.durationMaximumPenalty = 0.8
    expectClose(DurationRule.penalty(minutes: 45, linear), 0.8 * 45 / 60)
}

@Test func onHoldFor45MinutesHasTheTermAndTheWait() throws {
    let m = Marked("⟦on hold⟧ for ⟦45 minutes⟧")
    let result = try Fixture.scorer().score(m.text)
    let hold = try result.only(.effort, source: .lexicon)
    #expect((hold.start, hold.end) == m[0])
    expectClose(hold.contribution, -0.6)
    let wait = try result.only(.effort, source: .duration)
    #expect((wait.start, wait.end) == m[1])
    #expect(wait.entry == -1)
    #expect(wait.quantity == 45)
    #expect(wait.adjustments.isEmpty)
    expectClose(wait.base, -DurationRule.penalty(minutes: 45, p))
    expectClose(result.scores.effort, weightedMean([-0.6, -DurationRule.penalty(minutes: 45, p)])!)
}

@Test func durationFollowedByAgoIsADate() throws {
    let result = try Fixture.scorer().score("3 weeks ago")
    #expect(result.evidence.isEmpty)
    #expect(result.scores.effort == nil)
}

@Test func timeGainedOnAScheduleIsASuccess() throws {
    // The service's schedule (a process or delay word) gained the time: success, not a wait.
    let m = Marked("the delivery came ⟦twenty minutes⟧ early")
    let result = try Fixture.scorer().score(m.text)
    let gained = try result.only(.success)
    #expect(gained.source == .duration && (gained.start, gained.end) == m[0] && gained.quantity == 20)
    expectClose(gained.contribution, p.quickDurationBonus)
    #expect(result.scores.effort == nil)
    // Longer than earlyScheduleMaximumMinutes, or with no schedule named: the customer's own
    // timing, nothing.
    #expect(p.earlyScheduleMaximumMinutes == 60)
    #expect(try Fixture.scorer().score("the delivery came five hours early").evidence.isEmpty)
    #expect(try Fixture.scorer().score("we got there twenty minutes early").evidence.isEmpty)
    // Without the cue the same words are a delay.
    #expect(try Fixture.scorer().score("the delivery came twenty minutes late").only(.success).contribution < 0)
}

@Test func gluedDurationFollowedByAgoIsADate() throws {
    // Regression: "2hrs ago" was scored as a two-hour wait while "2 hrs ago" was not.
    #expect(try Fixture.scorer().score("2hrs ago").evidence.isEmpty)
    #expect(try Fixture.scorer().score("2 hrs ago").evidence.isEmpty)
    #expect(try Fixture.scorer().score("2hrs").only(.effort).quantity == 120)
}

@Test func quickMarkerTurnsTheDurationIntoABonus() throws {
    let m = Marked("within ⟦5 minutes⟧")
    let result = try Fixture.scorer().score(m.text)
    let quick = try result.only(.effort, source: .duration)
    #expect((quick.start, quick.end) == m[0])
    #expect(quick.quantity == 5)
    // 5 minutes: penalty √5 / (√5 + √15) = 0.3660…; the bonus is 0.5 × (1 − 0.3660) = 0.3170.
    expectClose(DurationRule.penalty(minutes: 5, p), 5.0.squareRoot() / (5.0.squareRoot() + 15.0.squareRoot()))
    expectClose(quick.base, p.quickDurationBonus * (1 - DurationRule.penalty(minutes: 5, p)))
    expectClose(quick.base, 0.5 * 15.0.squareRoot() / (5.0.squareRoot() + 15.0.squareRoot()))
    expectClose(result.scores.effort, quick.base)
}

@Test func quickBonusFadesForLongDurations() throws {
    // "in 3 weeks" after a quick marker: 30,240 minutes, penalty 0.9782, bonus 0.0109.
    let base = try Fixture.scorer().score("within 3 weeks").only(.effort, source: .duration).base
    let weeks = 30_240.0.squareRoot(), h = 15.0.squareRoot()
    expectClose(base, 0.5 * h / (weeks + h))
    #expect(base < 0.02)
}

@Test func quickMarkerCountsWithinItsWindowOnly() throws {
    #expect(p.quickMarkerWindow == 2)
    expectClose(try Fixture.scorer().score("only took 5 minutes").only(.effort).base,
                p.quickDurationBonus * (1 - DurationRule.penalty(minutes: 5, p)))
    // Not quick: a duration with no wait or delay word weighs unattributedDurationWeight.
    expectClose(try Fixture.scorer().score("only it took 5 minutes").only(.effort).base,
                -DurationRule.penalty(minutes: 5, p) * p.unattributedDurationWeight)
}

private let quantities: [(String, Double)] = [
    ("waited ⟦45 minutes⟧", 45),
    ("waited ⟦three hours⟧", 180),
    ("waited ⟦half an hour⟧", 30),
    ("waited ⟦an hour⟧", 60),
    ("waited ⟦twenty five minutes⟧", 25),
    ("waited ⟦2-3 days⟧", 3 * 1440),
    ("waited ⟦2 to 3 days⟧", 3 * 1440),
    ("waited ⟦45mins⟧", 45),
    ("waited ⟦1.5 hours⟧", 90),
    ("waited ⟦hours⟧", 2 * 60),   // a bare plural counts as vagueDurationCount
]

@Test(arguments: quantities)
func durationQuantities(_ marked: String, _ minutes: Double) throws {
    let m = Marked(marked)
    let wait = try Fixture.scorer().score(m.text).only(.effort)
    #expect(wait.source == .duration)
    #expect((wait.start, wait.end) == m[0])
    expectClose(wait.quantity, minutes)
    expectClose(wait.base, -DurationRule.penalty(minutes: minutes, p))
}

@Test func vagueDurationCountIsAParameter() throws {
    var three = Parameters.standard
    three.vagueDurationCount = 3
    let wait = try Fixture.scorer(three).score("waited hours").only(.effort)
    #expect(wait.quantity == 180)
    expectClose(wait.base, -DurationRule.penalty(minutes: 180, three))
}

@Test func singularUnitWithoutACountIsNoDuration() throws {
    let result = try Fixture.scorer().score("the hour was bad")
    #expect(result.evidence(.effort).isEmpty)
}
