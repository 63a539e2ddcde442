import Testing
@testable import PerceiveKit

// Fixture values used here: good +0.5, bad -0.5, easy +0.4 / effort +0.7,
// fixed +0.4 / success +0.8, angry -0.6 / anger 0.8, on hold effort -0.6.

@Test func termBecomesOneEvidence() throws {
    let result = try Fixture.scorer().score("good")
    #expect(result.evidence.count == 1)
    let e = try #require(result.evidence.first)
    #expect(e.dimension == .emotion)
    #expect(e.category == -1)
    #expect(e.source == .lexicon)
    #expect(e.entry == Fixture.entry("good"))
    #expect((e.start, e.end) == (0, 4))
    #expect((e.firstToken, e.endToken) == (0, 1))
    #expect(e.sentence == 0)
    #expect(e.base == 0.5)
    #expect(e.contribution == 0.5)
    #expect(e.quantity == nil)
    #expect(e.adjustments.isEmpty)
    #expect(result.scores.emotion == 0.5)
    #expect(result.scores.effort == nil && result.scores.success == nil)
}

@Test func termGivesOneEvidencePerDimensionItScores() throws {
    let easy = try Fixture.scorer().score("easy")
    #expect(easy.evidence.map(\.dimension) == [.emotion, .effort])
    #expect(easy.evidence.map(\.base) == [0.4, 0.7])
    #expect(easy.scores.success == nil)
    let fixed = try Fixture.scorer().score("fixed")
    #expect(fixed.evidence.map(\.dimension) == [.emotion, .success])
    #expect(fixed.evidence.map(\.base) == [0.4, 0.8])
    #expect(fixed.scores.effort == nil)
}

@Test func namedEmotionsBecomeEvidenceOfTheirCategory() throws {
    let result = try Fixture.scorer().score("angry")
    let anger = try result.only(.emotions, category: "anger")
    #expect(anger.base == 0.8)
    #expect(result.evidence.map(\.dimension) == [.emotion, .emotions])
    #expect(result.scores.emotions.map(\.name) == ["anger"])
    expectClose(result.scores.emotions.first?.intensity, 0.8)
}

@Test func phraseIsOneEvidenceOverItsTokens() throws {
    let m = Marked("⟦on hold⟧")
    let e = try Fixture.scorer().score(m.text).only(.effort)
    #expect(e.entry == Fixture.entry("on hold"))
    #expect((e.start, e.end) == m[0])
    #expect((e.firstToken, e.endToken) == (0, 2))
}

@Test func shiftersAndCuesAreNotEvidence() throws {
    let result = try Fixture.scorer(rules: [LexiconRule()]).score("not very but although still within times")
    #expect(result.matchCount == 7)
    #expect(result.evidence.isEmpty)
}

@Test func offsetsAreUTF8Bytes() throws {
    let m = Marked("café ⟦good⟧")
    #expect(m[0] == (6, 10))
    let e = try Fixture.scorer().score(m.text).only(.emotion)
    #expect((e.start, e.end) == m[0])
}

@Test func evidenceKnowsItsSentence() throws {
    let m = Marked("⟦Good⟧. ⟦Bad⟧.")
    let result = try Fixture.scorer().score(m.text)
    #expect(try result.evidence(.emotion, at: m[0].start).sentence == 0)
    #expect(try result.evidence(.emotion, at: m[1].start).sentence == 1)
    #expect(result.sentences.map(\.scores.emotion) == [0.5, -0.5])
}

@Test func evidenceIsInReadingOrder() throws {
    let result = try Fixture.scorer().score("bad, then easy, then good")
    #expect(result.evidence.map(\.start) == [0, 10, 10, 21])
    #expect(result.evidence.map(\.dimension) == [.emotion, .emotion, .effort, .emotion])
}
