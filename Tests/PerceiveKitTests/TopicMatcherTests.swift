import Testing
@testable import PerceiveKit

// Topic mentions on tiny marked inputs, with the fixture taxonomy (TopicFixture in
// TestSupport.swift): the marked spans are where the test expects a mention, in order.

/// The mentions of `text` as (path, matched text, start, end).
private func mentions(_ text: String) throws -> [(path: String, text: String, start: Int32, end: Int32)] {
    let (analysis, comment) = try TopicFixture.scorer().analysis(of: text)
    return analysis.topicMentions.map { m in
        (TopicFixture.taxonomy.topics[Int(m.topic)], comment.text(m.start, m.end), m.start, m.end)
    }
}

/// Expects the mentions of `marked`'s text to be its marked spans, with these paths.
private func expectMentions(_ marked: String, _ paths: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let m = Marked(marked)
    let found = try mentions(m.text)
    let expected = zip(paths, m.spans).map { "\($0) [\($1.start), \($1.end))" }
    #expect(found.map { "\($0.path) [\($0.start), \($0.end))" } == expected, sourceLocation: sourceLocation)
}

@Test func aWordNamesItsTopic() throws {
    try expectMentions("The ⟦parcel⟧ came", ["delivery"])
}

@Test func aPhraseIsOneMention() throws {
    try expectMentions("no ⟦tracking number⟧ at all", ["delivery"])
}

@Test func theLongestTermWins() throws {
    // "charge my phone" (product/battery) over "charge" (billing) and "phone" (contact centre).
    try expectMentions("I can't ⟦charge my phone⟧", ["product/battery"])
    try expectMentions("a ⟦phone case⟧", ["product"])
}

@Test func matchingIgnoresCase() throws {
    let found = try mentions("The PARCEL and the Agent")
    #expect(found.map(\.text) == ["PARCEL", "Agent"])
    #expect(found.map(\.path) == ["delivery", "service/staff"])
}

@Test func anExclusionSilencesItsTermOnly() throws {
    try expectMentions("the manager in charge", [])
    try expectMentions("a ⟦charge⟧ of 5", ["billing"])
    try expectMentions("in the staff room", [])
    try expectMentions("the ⟦staff⟧ were kind", ["service/staff"])
    // "phone screen" excludes "phone", not "screen", which names its own topic.
    try expectMentions("the phone ⟦screen⟧ cracked", ["product"])
}

@Test func anExcludedTermLeavesItsPositionToAShorterOne() throws {
    // "battery life insurance" excludes "battery life"; "battery" still names product.
    try expectMentions("⟦battery⟧ life insurance", ["product"])
    try expectMentions("great ⟦battery life⟧", ["product/battery"])
}

@Test func aJoinerHyphenIsSkippedAsInLexiconTerms() throws {
    try expectMentions("could not ⟦log in⟧ or ⟦log-in⟧", ["digital", "digital"])
}

@Test func aTypographicApostropheIsTheASCIIOne() throws {
    try expectMentions("the ⟦manager’s⟧ reply and the ⟦manager's⟧ tone", ["service/staff", "service/staff"])
}

@Test func mentionOffsetsAreUTF8Bytes() throws {
    let found = try mentions("Ça va, parcel")
    #expect(found.map(\.start) == [8])
    #expect(found.map(\.end) == [14])
}

@Test func aScorerWithoutTopicsFindsNone() throws {
    let (analysis, comment) = try Fixture.scorer().analysis(of: "The parcel came")
    #expect(analysis.topicMentions.isEmpty)
    #expect(comment.topics == nil)
}

@Test func topicWordsLeaveLexiconMatchingAsItWas() throws {
    // The scorer's lexicon gains the taxonomy's words in its vocabulary; the scores stay the same.
    let text = "The agent was very good but the parcel never came, I had to call twice. Not easy!"
    let plain = try Fixture.scorer().score(text)
    let withTopics = try TopicFixture.scorer().score(text)
    #expect(plain.scores == withTopics.scores)
    #expect(plain.evidence == withTopics.evidence)
}
