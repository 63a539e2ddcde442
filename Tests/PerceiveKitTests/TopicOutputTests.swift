import Foundation
import Testing
@testable import PerceiveKit

// Topics in the records (JSON, CSV) and in the explanation, with the fixture lexicon and taxonomy.
// Fixture values: easy +0.4 / effort +0.7, bad -0.5.

private let text = "The app was easy, the parcel was bad. Good."

private func records(_ format: ScoreRecordFormat, topics: Bool = true, evidence: Bool = true, sentences: Bool = false) throws -> String {
    let scorer = try TopicFixture.scorer()
    var formatter = ScoreFormatter(for: scorer)
    formatter.includeTopics = topics
    formatter.includeEvidence = evidence
    let out = ByteBuffer()
    let writer = ScoreRecordWriter(renderer: ScoreRecordRenderer(format: format, formatter: formatter, sentences: sentences), output: out)
    try writer.begin()
    try writer.record(try scorer.score(text), id: "1")
    try writer.end()
    return out.text
}

@Test func jsonRecordsCarryTopicsAndEachEvidenceItemItsTopics() throws {
    let json = try records(.ndjson)
    #expect(json.contains(#","topics":[{"topic":"digital","mentions":[{"text":"app","start":4,"end":7}],"emotion":0.4,"effort":0.7,"success":null,"emotions":{},"evidence":2},{"topic":"delivery","mentions":[{"text":"parcel","start":22,"end":28}],"emotion":-0.5,"effort":null,"success":null,"emotions":{},"evidence":1}],"evidence":["#))
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let evidence = try #require(object["evidence"] as? [[String: Any]])
    #expect(evidence.map { $0["topic"] as? [String] } == [["digital"], ["digital"], ["delivery"], []])
}

@Test func withoutEvidenceTheTopicsStay() throws {
    let json = try records(.ndjson, evidence: false)
    #expect(json.contains(#""topics":[{"topic":"digital""#) && !json.contains(#""evidence":["#))
}

@Test func withTopicsOffTheRecordIsAsBefore() throws {
    let scorer = try TopicFixture.scorer()
    var formatter = ScoreFormatter(lexicon: Fixture.lexicon, parameters: scorer.parameters)
    let plain = formatter.json(try Fixture.scorer().score(text), id: "1")
    formatter.includeTopics = false
    #expect(formatter.json(try scorer.score(text), id: "1") == plain)
    #expect(try records(.csv, topics: false).hasPrefix(ScoreFormatter.csvHeader.joined(separator: ",") + "\n"))
}

@Test func csvHasATopicsColumnAfterTheEvidence() throws {
    let lines = try records(.csv).split(separator: "\n")
    #expect(lines[0].hasSuffix(",emotions,evidence,topics"))
    #expect(lines[1].hasSuffix(",digital;delivery"))
}

@Test func sentenceRecordsHaveTheTopicsOfTheirSentence() throws {
    let lines = try records(.ndjson, sentences: true).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].contains(#""topics":[{"topic":"digital""#) && lines[0].contains(#"{"topic":"delivery""#))
    #expect(lines[1].contains(#""topics":[],"evidence":[{"#))
}

@Test func theExplanationShowsEachMentionAndEachContributionsTopics() throws {
    let scorer = try TopicFixture.scorer()
    let (analysis, result) = try scorer.analysis(of: text)
    let explanation = ExplanationFormatter(for: scorer).text(analysis, result)
    #expect(explanation.contains("""
        Topics (2 mentions):
          "app" [4–7)  digital  term "app" (fixture.tsv:19)
          "parcel" [22–28)  delivery  term "parcel" (fixture.tsv:6)
        """))
    #expect(explanation.contains("final  share  topics\n"))
    #expect(explanation.contains("+0.4   +0.114 digital\n"))
    #expect(explanation.contains("– (no topic in its clause or sentence)\n"))
    #expect(explanation.contains("""
        Per topic (the same formulas over the contributions attributed to it):
          digital: emotion +0.4, effort +0.7, success null from 2 contributions
          delivery: emotion -0.5, effort null, success null from 1 contribution
        """))
    let without = ExplanationFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters).text(analysis, result)
    #expect(!without.contains("Topics") && without.contains("final  share\n"))
}

/// Named emotions per topic combine the items attributed to the topic as a comment's do
/// (1 − Π(1 − c) per category): anger goes to the delivery, joy to the app, in the record, in
/// each sentence's record, and in the explanation.
@Test func namedEmotionsAreScoredPerTopic() throws {
    let scorer = try Scorer(topics: TopicTaxonomy.standard())
    let text = "The delivery driver was rude and I am furious. The app is great, I love it."
    let result = try scorer.score(text)
    let topics = try #require(result.topics)
    #expect(topics.map(\.path) == ["delivery/shipping", "digital/website-and-app"])
    #expect(topics[0].emotions.map(\.name) == ["anger"] && abs(topics[0].emotions[0].intensity - 0.96) < 1e-9)
    #expect(topics[1].emotions.map(\.name) == ["joy"] && abs(topics[1].emotions[0].intensity - 0.82) < 1e-9)
    // The same items, by sentence: each sentence's topic has its sentence's emotions.
    let sentences = result.sentenceComments()
    #expect(sentences.map { $0.topics?.first?.emotions.map(\.name) ?? [] } == [["anger"], ["joy"]])
    let json = ScoreFormatter(for: scorer).json(result, id: "1")
    #expect(json.contains(#""success":null,"emotions":{"anger":0.96},"evidence":4}"#))
    let (analysis, scored) = try scorer.analysis(of: text)
    #expect(ExplanationFormatter(for: scorer).text(analysis, scored).contains(
        "  delivery/shipping: emotion -0.78, effort null, success null from 4 contributions; emotions anger 0.96\n"))
}
