import Testing
@testable import PerceiveKit

// Fixture: hold, queue (wait-context); delayed (delay-context); delivery (process-context);
// for, waited, took (duration-lead); flight, trip (measured). Penalty of m minutes: DurationRule.penalty(minutes:).

@Test func aWaitOnHoldIsEffort() throws {
    let m = Marked("on hold for ⟦45 minutes⟧")
    let result = try Fixture.scorer().score(m.text)
    let wait = try result.evidence(.effort, at: m[0].start)
    #expect(wait.source == .duration)
    expectClose(wait.contribution, -DurationRule.penalty(minutes: 45, p))
    #expect(result.scores.success == nil)
}

@Test func aDelayedFlightIsAFailedOutcomeNotEffort() throws {
    let m = Marked("flight delayed by ⟦three hours⟧")
    let result = try Fixture.scorer().score(m.text)
    let delay = try result.only(.success)
    #expect(delay.source == .duration)
    #expect((delay.start, delay.end) == m[0])
    expectClose(delay.contribution, -DurationRule.penalty(minutes: 180, p) * p.delaySuccessWeight)
    #expect(result.scores.effort == nil)
}

@Test func howLongADeliveryTookWeighsLessThanLateness() throws {
    let result = try Fixture.scorer().score("the delivery took five days")
    let took = try result.only(.success)
    expectClose(took.contribution, -DurationRule.penalty(minutes: 5 * 1440, p) * p.processDurationWeight)
}

@Test func theNearestContextWins() throws {
    // "queue" is nearer the duration than "delayed".
    let result = try Fixture.scorer().score("delayed, and then three hours in a queue")
    #expect(result.evidence(.effort).count == 1)
    #expect(result.scores.success == nil)
}

@Test func aDurationWithNoContextWeighsLess() throws {
    let result = try Fixture.scorer().score("the flight was five hours")
    let effort = try result.only(.effort)
    expectClose(effort.contribution, -DurationRule.penalty(minutes: 300, p) * p.unattributedDurationWeight)
}

@Test func aBarePluralUnitNeedsALeadWord() throws {
    #expect(try Fixture.scorer().score("the unused days").scores.effort == nil)
    let result = try Fixture.scorer().score("waited hours in the queue")
    expectClose(result.scores.effort, -DurationRule.penalty(minutes: p.vagueDurationCount * 60, p))
}

@Test func theLengthOfAStayIsNoWait() throws {
    // A duration of a day or more at most four words after a stay word, in its clause.
    #expect(try Fixture.scorer().score("we stayed three days").evidence(.effort).isEmpty)
    #expect(try Fixture.scorer().score("spent at the resort 2 weeks").evidence(.effort).isEmpty)
    // Less than a day, or a wait word nearer than the stay word: a wait.
    let hours = try Fixture.scorer().score("spent 2 hours")
    expectClose(try hours.only(.effort).contribution, -DurationRule.penalty(minutes: 120, p) * p.unattributedDurationWeight)
    let queue = try Fixture.scorer().score("spent 2 days in the queue")
    expectClose(try queue.only(.effort).contribution, -DurationRule.penalty(minutes: 2 * 1440, p))
    // Too far, or across a clause break: as before.
    #expect(try Fixture.scorer().score("stayed in old town 2 days").evidence(.effort).isEmpty)
    let far = try Fixture.scorer().score("stayed in the big old town 2 days")
    expectClose(try far.only(.effort).contribution, -DurationRule.penalty(minutes: 2 * 1440, p) * p.unattributedDurationWeight)
    #expect(try !Fixture.scorer().score("we stayed, then five hours").evidence(.effort).isEmpty)
}

@Test func theLengthOfAThingIsNoWait() throws {
    // A duration right before a measured word, across a hyphen or a compound duration.
    #expect(try Fixture.scorer().score("a three-hour trip").evidence(.effort).isEmpty)
    #expect(try Fixture.scorer().score("a 2hrs 40 mins flight").evidence(.effort).isEmpty)
    #expect(try Fixture.scorer().score("a 2 hrs flight").evidence(.effort).isEmpty)
    // "long" after a duration is a length unless a wait word is in reach.
    #expect(try Fixture.scorer().score("the flight was five hours long").evidence(.effort).isEmpty)
    let queue = try Fixture.scorer().score("the queue was an hour long")
    expectClose(try queue.only(.effort).contribution, -DurationRule.penalty(minutes: 60, p))
}

@Test func aQuickPhraseBeforeADurationMakesItABonus() throws {
    // "less than" is a quick marker as a phrase, not word by word.
    let result = try Fixture.scorer().score("answered in less than five minutes")
    let quick = try result.only(.effort)
    let penalty = DurationRule.penalty(minutes: 5, p)
    expectClose(quick.contribution, p.quickDurationBonus * (1 - penalty / p.durationMaximumPenalty))
}
