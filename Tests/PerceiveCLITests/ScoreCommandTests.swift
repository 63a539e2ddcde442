import Foundation
import Testing

@Suite struct ScoreCommandTests {
    static let holdComment = "I was on hold for 45 minutes, transferred twice, and it's still not fixed."
    static let praiseComment = "Quick and easy, the agent fixed it on the first call. Thank you!"

    func score(_ comments: [String]) throws -> [[String: Any]] {
        let result = try CLI.run(["score", "--format", "ndjson"] + comments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try result.stdout.split(separator: "\n").map(CLI.object)
    }

    func number(_ object: [String: Any], _ key: String) -> Double? { object[key] as? Double ?? (object[key] as? Int).map(Double.init) }

    @Test func holdTransferUnresolvedIsHardFailedAndNegative() throws {
        let object = try #require(try score([Self.holdComment]).first)
        #expect(try #require(number(object, "effort")) < -0.5)
        #expect(try #require(number(object, "success")) < -0.3)
        #expect(try #require(number(object, "emotion")) < 0)
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        let sources = Set(evidence.compactMap { $0["source"] as? String })
        let rules = Set(evidence.flatMap { ($0["rules"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } })
        #expect(sources.contains("duration"))
        #expect(rules.contains("transfer"))
        #expect(rules.contains("unresolved"))
    }

    @Test func firstCallResolutionIsEasyAchievedPositiveAndGrateful() throws {
        let object = try #require(try score([Self.praiseComment]).first)
        #expect(try #require(number(object, "effort")) > 0.3)
        #expect(try #require(number(object, "success")) > 0.3)
        #expect(try #require(number(object, "emotion")) > 0.3)
        let emotions = try #require(object["emotions"] as? [String: Any])
        #expect(emotions["gratitude"] != nil)
    }

    @Test func priceCommentHasNoEffortOrSuccess() throws {
        let object = try #require(try score(["The price went up."]).first)
        #expect(object["effort"] is NSNull)
        #expect(object["success"] is NSNull)
    }

    @Test func shiftersOrderValence() throws {
        let objects = try score(["not bad", "bad", "no problem", "good", "very good", "VERY good!!!"])
        let e = objects.map { number($0, "emotion")! }
        #expect(e[0] > e[1], "not bad > bad")
        #expect(e[2] >= 0, "no problem ≥ 0")
        #expect(e[3] < e[4] && e[4] < e[5], "good < very good < VERY good!!!")
    }

    @Test func secondClauseDominatesAfterBut() throws {
        let object = try #require(try score(["The food was great but the service was awful"]).first)
        #expect(try #require(number(object, "emotion")) < 0)
        let evidence = try #require(object["evidence"] as? [[String: Any]]).filter { $0["dimension"] as? String == "emotion" }
        let great = try #require(evidence.first { $0["text"] as? String == "great" })
        let awful = try #require(evidence.first { $0["text"] as? String == "awful" })
        #expect(abs(number(awful, "contribution")!) > abs(number(great, "contribution")!))
    }

    @Test func scoreJSONGolden() throws {
        let result = try CLI.run(["score", "--format", "json", Self.holdComment, Self.praiseComment, "The price went up."])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "score.json")
    }

    @Test func csvAndTableGolden() throws {
        let csv = try CLI.run(["score", "--format", "csv", Self.holdComment, "=HYPERLINK(\"http://x\") was \"great\", honestly"])
        try CLI.expectGolden(csv.stdout, "score.csv")
        let table = try CLI.run(["score", "--format", "table", Self.holdComment, Self.praiseComment])
        try CLI.expectGolden(table.stdout, "score-table.txt")
    }

    @Test func csvNeutralizesFormulasUnlessAskedNotTo() throws {
        let guarded = try CLI.run(["score", "--format", "csv", "=1+1 terrible"])
        #expect(guarded.stdout.contains("\n1,'=1+1 terrible,"))
        let raw = try CLI.run(["score", "--format", "csv", "--no-csv-formula-guard", "=1+1 terrible"])
        #expect(raw.stdout.contains("\n1,=1+1 terrible,"))
    }

    @Test func inputFileAndStdinGiveOneRowPerLineIncludingEmptyOnes() throws {
        let lines = "great service\n\r\nawful wait\nlast line without newline"
        let result = try CLI.run(["score", "--input", "-", "--format", "ndjson", "--no-evidence"], stdin: lines)
        #expect(result.status == 0)
        let objects = try result.stdout.split(separator: "\n").map(CLI.object)
        #expect(objects.map { $0["id"] as? String } == ["1", "2", "3", "4"])
        #expect(objects[1]["text"] as? String == "")
        #expect(objects[0]["evidence"] == nil)
    }

    @Test func outputFileIsWrittenFromAnyDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["score", "-o", "out.ndjson", "--format", "ndjson", "easy and quick"], in: directory)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let written = try String(contentsOf: directory.appendingPathComponent("out.ndjson"), encoding: .utf8)
        #expect(written.hasPrefix("{\"id\":\"1\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func badUsageExitsWithTwo() throws {
        #expect(try CLI.run(["score"]).status == 2)
        #expect(try CLI.run(["score", "--input", "/nonexistent/file.txt"]).status == 2)
        let missing = try CLI.run(["score", "--input", "/nonexistent/file.txt"])
        #expect(missing.stderr.contains("/nonexistent/file.txt"))
        #expect(try CLI.run(["score", "--format", "xml", "x"]).status == 2)
        #expect(try CLI.run(["score", "--lexicon", "/nonexistent-lexicon", "x"]).status == 2)
    }

    @Test func badLexiconFolderIsReportedWithFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            {"format":"perceive-lexicon/1","name":"t","version":"1","language":"en","license":"x","source":"y",
             "terms":["t.tsv"],"shifters":[],"cues":[],"emotions":[]}
            """.write(to: directory.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try "# lexicon: t\n# version: 1\n# source: y\n# license: x\nterm\tvalence\teffort\tsuccess\temotions\ngood\t0.5\t\t\t\ngood\t0.4\t\t\t\n"
            .write(to: directory.appendingPathComponent("t.tsv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["score", "--lexicon", directory.path, "good"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("t.tsv:7:1: duplicate term \"good\" (first defined at"))
    }
}

@Suite struct ExplainCommandTests {
    @Test func explainGolden() throws {
        let result = try CLI.run(["explain", "The app was easy, but delivery took three weeks!!"])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "explain.txt")
    }

    @Test func explainJSONHasTokensAndMatches() throws {
        let result = try CLI.run(["explain", "--format", "json", "not bad at all :)"])
        let object = try CLI.object(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["text"] as? String } == ["not", "bad", "at", "all", ":", ")"])
        #expect((object["matches"] as? [Any])?.isEmpty == false)
    }

    @Test func paramsGolden() throws {
        let result = try CLI.run(["params"])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "params.txt")
        let json = try CLI.run(["params", "--format", "json"])
        let object = try CLI.object(Substring(json.stdout.trimmingCharacters(in: .newlines)))
        #expect(object["negationFactor"] as? Double == -0.74)
    }

    /// Issue 14: one `params` prints any parameter group; the old flags print the same tables.
    @Test func paramsGroupsMatchTheOldFlags() throws {
        #expect(try CLI.run(["params", "--group", "scoring"]).stdout == CLI.run(["params"]).stdout)
        #expect(try CLI.run(["params", "--group", "vader"]).stdout == CLI.run(["params", "--ruleset", "vader"]).stdout)
        #expect(try CLI.run(["params", "--group", "bench"]).stdout == CLI.run(["bench", "--print-parameters"]).stdout)
        let segments = try CLI.run(["params", "--group", "segments"]).stdout
        #expect(segments.hasPrefix("segmentConfidence  0.95    confidence level"))
        let all = try CLI.run(["params", "--group", "all", "--format", "json"])
        let object = try CLI.object(Substring(all.stdout.trimmingCharacters(in: .newlines)))
        #expect(Set(object.keys) == ["scoring", "vader", "segments", "bench", "input"])
        // Issue 15, item 5: the record limit is a parameter, printed with the readers' group.
        #expect((object["input"] as? [String: Any])?["maxRecordBytes"] as? Int == 16_777_216)
        let input = try CLI.run(["params", "--group", "input"]).stdout
        #expect(input.hasPrefix("maxRecordBytes  16777216"))
        #expect((object["bench"] as? [String: Any])?["neutralThreshold"] as? Double == (object["scoring"] as? [String: Any])?["neutralBand"] as? Double)
    }
}
