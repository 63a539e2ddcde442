import Testing
@testable import PerceiveKit

// Fixture: great +0.6 (joy 0.5), good +0.5; another (sarcasm); waited (duration-lead).

@Test func greatAnotherWaitIsSarcastic() throws {
    let m = Marked("⟦great⟧, ⟦another⟧ two hour wait")
    let result = try Fixture.scorer().score(m.text)
    let valence = try result.only(.emotion)
    #expect((valence.start, valence.end) == m[0])
    expectAdjustments(valence, [ExpectedAdjustment(.sarcasm, p.sarcasmFactor, m[1])])
    expectClose(result.scores.emotion, 0.6 * p.sarcasmFactor)
    // No joy is expressed.
    #expect(result.scores.emotions.allSatisfy { $0.intensity == 0 })
}

@Test func praiseFarBeforeTheMarkerIsSincere() throws {
    let result = try Fixture.scorer().score("great, it worked so I bought another")
    expectClose(result.scores.emotion, 0.6)
}

@Test func sarcasmStaysInItsSentence() throws {
    let result = try Fixture.scorer().score("Good. Another one please")
    expectClose(result.scores.emotion, 0.5)
}

@Test func aMarkerThatIsASentenceOfItsOwnReachesBack() throws {
    // "Another." alone reaches into the sentence before it; "Another one came." does not.
    let alone = try Fixture.scorer().score("It was great. Another.")
    let great = try alone.only(.emotion)
    #expect(great.adjustments.map(\.rule) == [.sarcasm])
    expectClose(great.contribution, 0.6 * p.sarcasmFactor)
    let sentence = try Fixture.scorer().score("It was great. Another one came.")
    #expect(try sentence.only(.emotion).adjustments.isEmpty)
}
