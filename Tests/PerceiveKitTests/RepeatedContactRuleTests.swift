import Testing
@testable import PerceiveKit

// Fixture cues used here: contact called, emailed, calls, call; count twice 2, once 1; times, time;
// repeat again; ordinal third 3; number three 3.

@Test func calledThreeTimes() throws {
    let m = Marked("⟦called 3 times⟧")
    let result = try Fixture.scorer().score(m.text)
    let e = try result.only(.effort)
    #expect(e.source == .repeatedContact)
    #expect(e.entry == Fixture.entry("called"))
    #expect((e.start, e.end) == m[0])
    #expect(e.quantity == 3)
    #expect(e.adjustments.isEmpty)
    expectClose(e.base, -2 * p.repeatedContactPenalty)
    expectClose(result.scores.effort, -2 * p.repeatedContactPenalty)
}

private let counts: [(String, Double)] = [
    ("⟦called twice⟧", 2),
    ("⟦called again⟧", 2),
    ("⟦called three times⟧", 3),
    ("⟦called them 3 times⟧", 3),
    ("⟦called for the third time⟧", 3),
    ("the ⟦third time I called⟧", 3),
]

@Test(arguments: counts)
func contactCounts(_ marked: String, _ count: Double) throws {
    let m = Marked(marked)
    let e = try Fixture.scorer().score(m.text).only(.effort)
    #expect(e.source == .repeatedContact)
    #expect((e.start, e.end) == m[0])
    #expect(e.quantity == count)
    expectClose(e.base, -p.repeatedContactPenalty * (count - 1))
}

@Test func repeatedContactPenaltyIsCapped() throws {
    let e = try Fixture.scorer().score("called 10 times").only(.effort)
    #expect(e.quantity == 10)
    #expect(p.repeatedContactPenalty * 9 > p.repeatedContactMaximumPenalty)
    expectClose(e.base, -p.repeatedContactMaximumPenalty)
}

@Test func singleContactIsNoPenalty() throws {
    #expect(try Fixture.scorer().score("called once").evidence.isEmpty)
    #expect(try Fixture.scorer().score("I called").evidence.isEmpty)
}

@Test func countBelongsToTheNearestContactVerb() throws {
    let m = Marked("called and ⟦emailed twice⟧")
    let e = try Fixture.scorer().score(m.text).only(.effort)
    #expect(e.entry == Fixture.entry("emailed"))
    #expect((e.start, e.end) == m[0])
}

@Test func countMustBeWithinTheCountWindow() throws {
    #expect(p.countWindow == 6)
    #expect(try Fixture.scorer().score("called them up about it and 3 times").only(.effort).quantity == 3)
    #expect(try Fixture.scorer().score("called them up about it and then 3 times").evidence.isEmpty)
}

@Test func aNumberRightBeforeAPluralContactIsItsCount() throws {
    let m = Marked("it took ⟦5 calls⟧ and ⟦three separate calls⟧ more")
    let result = try Fixture.scorer().score(m.text)
    let found = result.evidence(.effort)
    #expect(found.map(\.quantity) == [5, 3])
    #expect(found.map { ($0.start, $0.end) }.elementsEqual([m[0], m[1]], by: ==))
    expectClose(found[0].base, -min(p.repeatedContactMaximumPenalty, 4 * p.repeatedContactPenalty))
    // One call, a number that is not right before it, or a singular noun: no count.
    #expect(try Fixture.scorer().score("1 calls").evidence.isEmpty)
    #expect(try Fixture.scorer().score("5 of the calls").evidence.isEmpty)
    #expect(try Fixture.scorer().score("24/7 call").evidence.isEmpty)
}

@Test func countDoesNotCrossClausePunctuation() throws {
    #expect(try Fixture.scorer().score("called, 3 times").evidence.isEmpty)
}
