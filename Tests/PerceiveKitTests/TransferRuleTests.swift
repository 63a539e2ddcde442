import Testing
@testable import PerceiveKit

// Fixture values used here: transfer cues transferred (not scored) and bounced (effort -0.4);
// count twice 2; contact called.

@Test func transferWithoutLexiconEffortUsesTheTransferPenalty() throws {
    let m = Marked("⟦transferred⟧")
    let e = try Fixture.scorer().score(m.text).only(.effort)
    #expect(e.source == .transfer)
    #expect(e.entry == Fixture.entry("transferred"))
    #expect((e.start, e.end) == m[0])
    #expect(e.quantity == nil)
    #expect(e.adjustments.isEmpty)
    expectClose(e.contribution, p.transferPenalty)
}

@Test func transferredTwice() throws {
    let m = Marked("⟦transferred⟧ ⟦twice⟧")
    let result = try Fixture.scorer().score(m.text)
    let e = try result.only(.effort)
    #expect((e.start, e.end) == m[0])
    #expect(e.quantity == 2)
    expectAdjustments(e, [ExpectedAdjustment(.transfer, 1 + p.transferCountStep, m[1])])
    expectClose(result.scores.effort, p.transferPenalty * (1 + p.transferCountStep))
}

@Test func transferredThreeTimes() throws {
    let m = Marked("transferred ⟦3 times⟧")
    let e = try Fixture.scorer().score(m.text).only(.effort)
    #expect(e.quantity == 3)
    expectAdjustments(e, [ExpectedAdjustment(.transfer, 1 + 2 * p.transferCountStep, m[0])])
}

@Test func transferCueWithLexiconEffortAdjustsThatEvidence() throws {
    let m = Marked("⟦bounced⟧ ⟦3 times⟧")
    let e = try Fixture.scorer().score(m.text).only(.effort)
    #expect(e.source == .lexicon)
    #expect((e.start, e.end) == m[0])
    #expect(e.base == -0.4)
    #expect(e.quantity == 3)
    expectAdjustments(e, [ExpectedAdjustment(.transfer, 1 + 2 * p.transferCountStep, m[1])])
}

@Test func contactAndTransferCountsStaySeparate() throws {
    let m = Marked("I ⟦called twice⟧ and was ⟦transferred⟧ ⟦twice⟧")
    let result = try Fixture.scorer().score(m.text)
    let contact = try result.only(.effort, source: .repeatedContact)
    #expect((contact.start, contact.end) == m[0])
    expectClose(contact.contribution, -p.repeatedContactPenalty)
    let transfer = try result.only(.effort, source: .transfer)
    #expect((transfer.start, transfer.end) == m[1])
    expectAdjustments(transfer, [ExpectedAdjustment(.transfer, 1 + p.transferCountStep, m[2])])
    expectClose(result.scores.effort, weightedMean([-p.repeatedContactPenalty, p.transferPenalty * (1 + p.transferCountStep)])!)
}
