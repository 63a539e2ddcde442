import Foundation
import Testing

/// `score`, `segments` and `merge` on survey exports, run through the built binary.
@Suite struct SurveyCommandsTests {
    static func folder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-survey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static let export = """
        ResponseId,Region,Q7 Comments,Q8
        R_1,North,"Quick and easy, thanks!",fine
        R_2,South,"On hold for 45 minutes.
        Still not fixed.",bad
        R_3,North,=HYPERLINK("x") awful,ok
        R_4,South,too,many,fields
        R_5,West,"",

        """

    @Test func everyInputRowGivesOneOutputRowAndBadRowsAreMarked() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.export.write(to: directory.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["score", "--input", "export.csv", "--text-column", "Q7 Comments", "--id-column", "ResponseId",
                                  "--format", "ndjson", "--no-evidence"], in: directory)
        #expect(result.status == 1, "a ragged row makes the exit code 1")
        let objects = try result.stdout.split(separator: "\n").map(CLI.object)
        #expect(objects.map { $0["id"] as? String } == ["R_1", "R_2", "R_3", "R_4", "R_5"])
        #expect(objects.map { $0["line"] as? Int } == [2, 3, 5, 6, 7])
        #expect((objects[3]["error"] as? String)?.hasSuffix("export.csv:6:1: expected 4 fields as in the header, found 5") == true)
        #expect(objects.enumerated().allSatisfy { $0.offset == 3 || $0.element["error"] == nil })
        #expect((objects[1]["fields"] as? [String: Any])?["Region"] as? String == "South")
        // stderr is a pipe here: no progress bar, only the summary line.
        #expect(result.stderr == "perceive: export.csv: 5 rows read, 4 comments scored, 1 rows with errors\n")
    }

    @Test func csvOutputKeepsTheOriginalColumnsAndGuardsFormulas() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.export.write(to: directory.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["score", "-i", "export.csv", "--text-column", "3", "--format", "csv", "-o", "scored.csv", "--quiet"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let written = try String(contentsOf: directory.appendingPathComponent("scored.csv"), encoding: .utf8)
        let lines = written.split(separator: "\n", omittingEmptySubsequences: false)
        // Topics (issue 16) add a `topics` column before `error`; --no-topics leaves it out.
        #expect(lines[0] == "ResponseId,Region,Q7 Comments,Q8,emotion,emotion_band,effort,effort_band,success,success_band,cx,cx_band,emotions,evidence,topics,error")
        #expect(lines[1].hasPrefix("R_1,North,\"Quick and easy, thanks!\",fine,"))
        #expect(lines[2] == "R_2,South,\"On hold for 45 minutes.")
        #expect(written.contains("\nR_3,North,\"'=HYPERLINK(\"\"x\"\") awful\",ok,"))
        #expect(written.contains("\nR_4,South,too,many,,,,,,,,,,,,\"error: "))
        #expect(written.hasSuffix("\n"))
        let plain = try CLI.run(["score", "-i", "export.csv", "--text-column", "3", "--format", "csv", "--quiet", "--no-topics"], in: directory)
        #expect(plain.stdout.hasPrefix("ResponseId,Region,Q7 Comments,Q8,emotion,emotion_band,effort,effort_band,success,success_band,cx,cx_band,emotions,evidence,error\n"))
        #expect(plain.stdout.contains("\nR_4,South,too,many,,,,,,,,,,,\"error: "))
    }

    @Test func severalTextColumnsAndSentences() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "id,a,b\n1,Great.,Slow. Rude.\n2,ok,\n".write(to: directory.appendingPathComponent("x.csv"), atomically: true, encoding: .utf8)
        let two = try CLI.run(["score", "-i", "x.csv", "--text-column", "a", "--text-column", "b", "--format", "ndjson", "--quiet"], in: directory)
        let objects = try two.stdout.split(separator: "\n").map(CLI.object)
        #expect(objects.map { "\($0["row"]!)/\($0["column"]!)" } == ["1/a", "1/b", "2/a", "2/b"])
        let sentences = try CLI.run(["score", "-i", "x.csv", "--text-column", "b", "--sentences", "--format", "ndjson", "--quiet"], in: directory)
        let rows = try sentences.stdout.split(separator: "\n").map(CLI.object)
        #expect(rows.map { $0["text"] as? String } == ["Slow. ", "Rude.", ""])
        #expect(rows.map { $0["sentence"] as? Int } == [1, 2, 0])
    }

    @Test func missingColumnOrFileIsAUsageError() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.export.write(to: directory.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        let missing = try CLI.run(["score", "-i", "export.csv", "--text-column", "Comment"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("export.csv:1:1: expected a column named \"Comment\""))
        let unreadable = try CLI.run(["segments", "-i", "/nonexistent/export.csv", "--text-column", "Comment"], in: directory)
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("/nonexistent/export.csv:1:1: expected a readable file"))
    }

    @Test func mergedPartialsGiveTheSameSummaryAsOneRun() throws {
        let sample = CLI.packageRoot.appendingPathComponent("corpora/sample/survey.csv")
        let lines = try String(contentsOf: sample, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        // Split after a complete record (the sample has quoted fields with line breaks).
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cut = try #require(lines.indices.first { $0 > lines.count / 2 && lines[$0].hasPrefix("R_") })
        try (lines[0..<cut].joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        try ([String(lines[0])] + lines[cut...].map(String.init)).joined(separator: "\n").write(to: directory.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
        let by = ["--text-column", "Comment", "--by", "Region", "--by", "Channel", "--quiet"]
        for part in ["a", "b"] {
            let r = try CLI.run(["segments", "-i", "\(part).csv", "--emit-partials", "-o", "part-\(part).ndjson"] + by, in: directory)
            #expect(r.status == 0, "stderr: \(r.stderr)")
        }
        let single = try CLI.run(["segments", "-i", sample.path, "--format", "json"] + by, in: directory)
        let merged = try CLI.run(["merge", "part-b.ndjson", "part-a.ndjson", "--format", "json"], in: directory)
        #expect(single.status == 0 && merged.status == 0)
        #expect(merged.stdout == single.stdout)
        #expect(single.stdout.contains("\"rows\":240"))
    }

    /// Issue 16: `segments --by-topic` (topic statistics per segment) agrees with the topics
    /// `score` gives each comment, and its partials merge like one run.
    @Test func segmentsByTopicAgreesWithScoreAndItsPartialsMergeLikeOneRun() throws {
        let sample = CLI.packageRoot.appendingPathComponent("corpora/sample/survey.csv").path
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let common = ["-i", sample, "--text-column", "Comment", "--quiet"]
        let segments = try CLI.run(["segments", "--by", "Region", "--by-topic", "--format", "json"] + common, in: directory)
        #expect(segments.status == 0, "stderr: \(segments.stderr)")
        let report = try CLI.object(Substring(segments.stdout))
        #expect(report["taxonomy"] as? String == "en-cx 1.0.0")
        let overall = try #require((report["segments"] as? [[String: Any]])?.first)
        let topics = try #require(overall["topics"] as? [[String: Any]])
        let impacts = topics.compactMap { $0["impact"] as? Double }
        #expect(!impacts.isEmpty && impacts == impacts.sorted(), "by impact, the most negative first")
        // Each topic's n and mean effort, from score's per-comment topics.
        let scored = try CLI.run(["score", "--format", "ndjson", "--no-evidence"] + common, in: directory)
        var mentions: [String: Int] = [:], effort: [String: [Double]] = [:]
        for line in scored.stdout.split(separator: "\n") {
            for topic in try CLI.object(line)["topics"] as? [[String: Any]] ?? [] {
                let path = try #require(topic["topic"] as? String)
                mentions[path, default: 0] += 1
                if let x = topic["effort"] as? Double { effort[path, default: []].append(x) }
            }
        }
        #expect(topics.count == mentions.count)
        for topic in topics {
            let path = try #require(topic["topic"] as? String)
            #expect(topic["n"] as? Int == mentions[path], "\(path)")
            let e = try #require((topic["dimensions"] as? [String: Any])?["effort"] as? [String: Any])
            let values = effort[path] ?? []
            #expect(e["n"] as? Int == values.count, "\(path)")
            if let mean = e["mean"] as? Double {  // score writes 4 decimals: each value within 0.00005
                #expect(abs(mean - values.reduce(0, +) / Double(values.count)) <= 0.00005 + 1e-9, "\(path)")
            }
        }
        // Partials of the two halves (cut after a whole record) merged in either order: the same bytes as one run.
        let lines = try String(contentsOfFile: sample, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let cut = try #require(lines.indices.first { $0 > lines.count / 2 && lines[$0].hasPrefix("R_") })
        try (lines[0..<cut].joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        try ([String(lines[0])] + lines[cut...].map(String.init)).joined(separator: "\n").write(to: directory.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
        for part in ["a", "b"] {
            let r = try CLI.run(["segments", "-i", "\(part).csv", "--text-column", "Comment", "--by", "Region", "--by-topic", "--quiet",
                                 "--emit-partials", "-o", "\(part).ndjson"], in: directory)
            #expect(r.status == 0, "stderr: \(r.stderr)")
        }
        for format in ["json", "csv", "table", "markdown"] {
            let single = try CLI.run(["segments", "--by", "Region", "--by-topic", "--format", format] + common, in: directory)
            let merged = try CLI.run(["merge", "b.ndjson", "a.ndjson", "--format", format], in: directory)
            #expect(merged.status == 0 && merged.stdout == single.stdout, "\(format)")
        }
        // Partials without topics do not merge with them; --no-topics with --by-topic is refused.
        let plain = try CLI.run(["segments", "-i", "a.csv", "--text-column", "Comment", "--by", "Region", "--quiet", "--emit-partials", "-o", "plain.ndjson"], in: directory)
        #expect(plain.status == 0)
        let mixed = try CLI.run(["merge", "plain.ndjson", "b.ndjson"], in: directory)
        #expect(mixed.status == 2 && mixed.stderr.contains("b.ndjson:1:1: expected partials with the same topics as the first file: it has none (segments without --by-topic), this one those of en-cx 1.0.0 (47 topics)"))
        let refused = try CLI.run(["segments", "--by-topic", "--no-topics"] + common, in: directory)
        #expect(refused.status == 2 && refused.stderr.contains("--no-topics: not with --by-topic"))
        let contradictory = try CLI.run(["segments", "--topics", "+extra.tsv", "--no-topics"] + common, in: directory)
        #expect(contradictory.status == 2 && contradictory.stderr.contains("--no-topics: not with --topics"))
    }
}
