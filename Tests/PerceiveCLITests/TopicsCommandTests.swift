import Foundation
import Testing

/// Topics in `score` and `explain` (issue 16), `--topics`, `--no-topics`, and `perceive topics`.
@Suite struct TopicsCommandTests {
    /// The example of issue 16.
    static let example = "The app was easy but delivery took three weeks and nobody answered the phone."

    /// A taxonomy file in a temporary folder, removed at the end of the test.
    final class TaxonomyFile {
        let url: URL
        init(_ rows: [String], header: String = "# topics: mine\n# version: 1\n# source: tests\n# license: CC0-1.0\n") throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-topics-\(UUID().uuidString).tsv")
            try (header + "topic\tterm\texclude\n" + rows.map { $0 + "\n" }.joined()).write(to: url, atomically: true, encoding: .utf8)
        }
        var path: String { url.path }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    @Test func scoreJSONWithTopicsGolden() throws {
        let result = try CLI.run(["score", "--format", "json", Self.example])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try CLI.expectGolden(result.stdout, "score-topics.json")
    }

    @Test func recordsCarryTopicsAndEachEvidenceItemItsTopics() throws {
        let result = try CLI.run(["score", "--format", "ndjson", Self.example])
        let object = try CLI.object(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        let topics = try #require(object["topics"] as? [[String: Any]])
        #expect(topics.map { $0["topic"] as? String } == ["digital/website-and-app", "delivery/shipping", "service/contact-centre"])
        let app = topics[0]
        #expect((app["mentions"] as? [[String: Any]])?.map { [$0["text"] as? String, "\($0["start"]!)", "\($0["end"]!)"] } == [["app", "4", "7"]])
        #expect(app["success"] is NSNull)
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(evidence.allSatisfy { $0["topic"] is [String] })
        let easy = evidence.filter { $0["text"] as? String == "easy" }
        #expect(!easy.isEmpty && easy.allSatisfy { $0["topic"] as? [String] == ["digital/website-and-app"] })
        // The counts add up: each item counts once per topic it is attributed to.
        let attributed = evidence.map { ($0["topic"] as? [String] ?? []).count }.reduce(0, +)
        #expect(topics.map { $0["evidence"] as? Int ?? 0 }.reduce(0, +) == attributed)
    }

    @Test func unattributedEvidenceHasAnEmptyTopicList() throws {
        let result = try CLI.run(["score", "--format", "ndjson", "The parcel came. Great!"])
        let object = try CLI.object(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        let great = try #require(evidence.first { $0["text"] as? String == "Great" })
        #expect(great["topic"] as? [String] == [])
        let topics = try #require(object["topics"] as? [[String: Any]])
        #expect(topics.count == 1 && topics[0]["emotion"] is NSNull && topics[0]["evidence"] as? Int == 0)
    }

    @Test func noEvidenceStillPrintsTopicsAndSentencesGetTheirOwn() throws {
        let bare = try CLI.run(["score", "--format", "ndjson", "--no-evidence", Self.example])
        let object = try CLI.object(Substring(bare.stdout.trimmingCharacters(in: .newlines)))
        #expect(object["evidence"] == nil)
        #expect((object["topics"] as? [Any])?.count == 3)
        let sentences = try CLI.run(["score", "--format", "ndjson", "--sentences", "The app crashed. Delivery was quick."])
        let records = try sentences.stdout.split(separator: "\n").map(CLI.object)
        #expect(records.map { ($0["topics"] as? [[String: Any]])?.map { $0["topic"] as? String } } == [["digital/website-and-app"], ["delivery/shipping"]])
        let delivery = try #require((records[1]["topics"] as? [[String: Any]])?.first?["mentions"] as? [[String: Any]])
        #expect(delivery.first?["start"] as? Int == 0)
    }

    @Test func csvHasATopicsColumn() throws {
        let result = try CLI.run(["score", "--format", "csv", Self.example, "no topic here"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0].hasSuffix(",evidence,topics"))
        #expect(lines[1].hasSuffix(",digital/website-and-app;delivery/shipping;service/contact-centre"))
        #expect(lines[2].hasSuffix(","))
    }

    @Test func noTopicsGivesTheOutputOfBeforeTopics() throws {
        // The golden files no-topics-* are the outputs of main before topics (e27d43f).
        let json = try CLI.run(["score", "--no-topics", "--format", "json", ScoreCommandTests.holdComment, ScoreCommandTests.praiseComment, "The price went up."])
        try CLI.expectGolden(json.stdout, "no-topics-score.json")
        let csv = try CLI.run(["score", "--no-topics", "--format", "csv", ScoreCommandTests.holdComment, "=HYPERLINK(\"http://x\") was \"great\", honestly"])
        try CLI.expectGolden(csv.stdout, "no-topics-score.csv")
        let explain = try CLI.run(["explain", "--no-topics", "The app was easy, but delivery took three weeks!!"])
        try CLI.expectGolden(explain.stdout, "no-topics-explain.txt")
    }

    @Test func explainShowsWhichWordsNamedWhichTopic() throws {
        let result = try CLI.run(["explain", Self.example])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "explain-topics.txt")
        #expect(result.stdout.contains("Topics (3 mentions):\n  \"app\" [4–7)  digital/website-and-app  term \"app\" (embedded:en-cx/topics.tsv:"))
        let json = try CLI.run(["explain", "--format", "json", Self.example])
        let object = try CLI.object(Substring(json.stdout.trimmingCharacters(in: .newlines)))
        #expect((object["topics"] as? [Any])?.count == 3)
        #expect((object["evidence"] as? [[String: Any]])?.allSatisfy { $0["topic"] is [String] } == true)
    }

    @Test func aTaxonomyFileReplacesTheDefaultOrIsAddedToIt() throws {
        let mine = try TaxonomyFile(["weather\train", "weather\tsunshine"])
        let replaced = try CLI.run(["score", "--format", "ndjson", "--topics", mine.path, "The app was fine, the rain was awful"])
        #expect(replaced.status == 0, "stderr: \(replaced.stderr)")
        let only = try CLI.object(Substring(replaced.stdout.trimmingCharacters(in: .newlines)))
        #expect((only["topics"] as? [[String: Any]])?.map { $0["topic"] as? String } == ["weather"])
        let added = try CLI.run(["score", "--format", "ndjson", "--topics", "+" + mine.path, "The app was fine, the rain was awful"])
        let both = try CLI.object(Substring(added.stdout.trimmingCharacters(in: .newlines)))
        #expect((both["topics"] as? [[String: Any]])?.map { $0["topic"] as? String } == ["digital/website-and-app", "weather"])
    }

    @Test func aTermInTheDefaultAndTheAddedFileIsRefusedWithBothLocations() throws {
        let clash = try TaxonomyFile(["weather\train", "food\tparcel"])
        let result = try CLI.run(["score", "--topics", "+" + clash.path, "x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(clash.path):7:6: term \"parcel\" is also defined at embedded:en-cx/topics.tsv:"))
        #expect(try CLI.run(["score", "--topics", clash.path, "--no-topics", "x"]).status == 2)
        #expect(try CLI.run(["score", "--topics", "/nonexistent/topics.tsv", "x"]).status == 2)
    }

    @Test func validateListsEveryProblemThenTheirCount() throws {
        let bad = try TaxonomyFile(["Weather\train", "weather\t", "weather\train"])
        let result = try CLI.run(["topics", "validate", bad.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            perceive: \(bad.path):6:1: topic path "Weather" is not one or two levels of lower-case letters, digits and "-" separated by "/" (e.g. service/contact-centre)
            perceive: \(bad.path):7:9: empty term
            perceive: 2 problems in \(bad.path)

            """)
        let good = try TaxonomyFile(["weather\train\train check", "weather/sun\tsunny spells"])
        let ok = try CLI.run(["topics", "validate", good.path])
        #expect(ok.status == 0)
        #expect(ok.stdout == "ok: mine 1 (perceive-topics/1): 2 topics, 2 terms (1 phrases), 1 exclusions on 1 terms\n")
    }

    @Test func listAndStatsDescribeTheTaxonomy() throws {
        let list = try CLI.run(["topics", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.hasPrefix("topic "))
        #expect(list.stdout.contains("\n  service/staff "))
        let mine = try TaxonomyFile(["weather\train", "weather/sun\tsunny spells"])
        let json = try CLI.run(["topics", "list", "--topics", "+" + mine.path, "--format", "json"])
        let object = try CLI.object(Substring(json.stdout.trimmingCharacters(in: .newlines)))
        let rows = try #require(object["topics"] as? [[String: Any]])
        #expect(rows.suffix(2).map { $0["topic"] as? String } == ["weather", "weather/sun"])
        #expect(rows.last?["examples"] as? [String] == ["sunny spells"])
        let stats = try CLI.run(["topics", "stats", mine.path])
        #expect(stats.stdout == """
            taxonomy  mine 1 (perceive-topics/1)
                     topics      terms       phrases     exclusions  terms with exclusions
            level 1  1           1           0           0           0
            level 2  1           1           1           0           0
            all      2           2           1           0           0

            """)
    }
}
