import Testing
@testable import PerceiveKit

// Attribution of evidence to topics and per-topic scores, with the fixture lexicon and
// taxonomy. Fixture values used here: good +0.5, bad -0.5, easy +0.4 / effort +0.7,
// broken -0.5 / success -0.6, great +0.6 / joy 0.5; contrast word "but".

@Test func evidenceGoesToTheTopicOfItsOwnClause() throws {
    let result = try TopicFixture.scorer().score("The app was easy, the parcel was bad.")
    #expect(result.topics?.map(\.path) == ["digital", "delivery"])
    #expect(result.evidence.indices.map(result.topicPaths(ofEvidence:)) == [["digital"], ["digital"], ["delivery"]])
    let app = try result.topic("digital")
    expectClose(app.emotion, 0.4)
    expectClose(app.effort, 0.7)
    #expect(app.success == nil)
    #expect(app.evidenceCount == 2)
    let parcel = try result.topic("delivery")
    expectClose(parcel.emotion, -0.5)
    #expect(parcel.effort == nil && parcel.success == nil)
    #expect(parcel.evidenceCount == 1)
}

@Test func aContrastWordEndsTheClause() throws {
    let result = try TopicFixture.scorer().score("The agent was good but the parcel was bad")
    #expect(result.evidence.indices.map(result.topicPaths(ofEvidence:)) == [["service/staff"], ["delivery"]])
    expectClose(try result.topic("service/staff").emotion, 0.5 * p.contrastBeforeWeight)
    expectClose(try result.topic("delivery").emotion, -0.5 * p.contrastAfterWeight)
}

@Test func withNoTopicInItsClauseEvidenceTakesItsSentences() throws {
    // "broken" has no topic in its clause; its sentence names the parcel.
    let result = try TopicFixture.scorer().score("The parcel came, broken.")
    let parcel = try result.topic("delivery")
    #expect(result.evidence.indices.map(result.topicPaths(ofEvidence:)) == [["delivery"], ["delivery"]])
    expectClose(parcel.emotion, -0.5)
    expectClose(parcel.success, -0.6)
    #expect(parcel.effort == nil)
}

@Test func evidenceWithNoTopicInReachIsUnattributed() throws {
    // "Good" is in a sentence of its own; the parcel is mentioned with no opinion.
    let result = try TopicFixture.scorer().score("The parcel came. Good.")
    #expect(result.topicPaths(ofEvidence: 0) == [])
    let parcel = try result.topic("delivery")
    #expect(parcel.emotion == nil && parcel.effort == nil && parcel.success == nil)
    #expect(parcel.evidenceCount == 0)
    #expect(parcel.mentions.map(\.start) == [4])
}

@Test func aClauseThatNamesTwoTopicsGivesItsEvidenceToBoth() throws {
    let result = try TopicFixture.scorer().score("The agent and the app were great")
    #expect(result.topics?.map(\.path) == ["service/staff", "digital"])
    for path in ["service/staff", "digital"] {
        let topic = try result.topic(path)
        expectClose(topic.emotion, 0.6)
        #expect(topic.evidenceCount == 2, "the emotion and the named emotion (joy)")
    }
    let joy = try #require(result.evidence.firstIndex { $0.dimension == .emotions })
    #expect(result.topicPaths(ofEvidence: joy) == ["service/staff", "digital"])
}

@Test func aTopicScoreIsTheStrengthWeightedMeanOfItsEvidence() throws {
    // emotion: good +0.5 and easy +0.4 → (0.25 + 0.16) / 0.9; bad -0.5 goes to the parcel.
    let result = try TopicFixture.scorer().score("The app was good and easy; the parcel was bad.")
    let app = try result.topic("digital")
    expectClose(app.emotion, (0.5 * 0.5 + 0.4 * 0.4) / 0.9)
    expectClose(app.emotion, weightedMean([0.5, 0.4])!)
    expectClose(app.effort, 0.7)
    #expect(app.evidenceCount == 3)
    expectClose(try result.topic("delivery").emotion, -0.5)
}

@Test func topicsAreInOrderOfFirstMentionWithEveryMention() throws {
    let result = try TopicFixture.scorer().score("The app, the parcel, the app again.")
    #expect(result.topics?.map(\.path) == ["digital", "delivery"])
    #expect(try result.topic("digital").mentions.map(\.start) == [4, 25])
}

@Test func aCommentWithoutTopicsHasAnEmptyList() throws {
    let result = try TopicFixture.scorer().score("Good.")
    #expect(result.topics?.isEmpty == true)
    #expect(result.topicPaths(ofEvidence: 0) == [])
}

@Test func eachSentenceKeepsItsOwnTopics() throws {
    let result = try TopicFixture.scorer().score("The parcel was good. The agent was bad, the app easy.")
    let parts = result.sentenceComments()
    #expect(parts.map { $0.topics?.map(\.path) ?? [] } == [["delivery"], ["service/staff", "digital"]])
    let second = parts[1]
    // Offsets relative to the sentence: "The agent was bad, the app easy."
    #expect(try second.topic("service/staff").mentions.map { [$0.start, $0.end] } == [[4, 9]])
    #expect(try second.topic("digital").mentions.map { [$0.start, $0.end] } == [[23, 26]])
    expectClose(try second.topic("service/staff").emotion, -0.5)
    expectClose(try second.topic("digital").effort, 0.7)
    #expect(second.evidence.indices.map(second.topicPaths(ofEvidence:)) == [["service/staff"], ["digital"], ["digital"]])
    expectClose(try parts[0].topic("delivery").emotion, 0.5)
}
