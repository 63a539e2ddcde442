import Foundation
import Testing

/// `perceive score --ruleset vader`, run as a user would, with a fixture VADER lexicon written
/// here (values checked against vaderSentiment 3.3.2 on the same fixture).
@Suite struct VADERScoreCommandTests {
    /// A folder with `vader_lexicon.txt` and `emoji_utf8_lexicon.txt` in VADER's formats.
    static func fixtureFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-vader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "good\t1.9\t0.9\t[2, 2]\nbad\t-2.5\t0.6\t[-2, -3]\nkind\t2.4\t0.6\t[2, 3]\nlove\t3.2\t0.4\t[3, 3]\n"
            .write(to: folder.appendingPathComponent("vader_lexicon.txt"), atomically: true, encoding: .utf8)
        try "💘\tlove\n".write(to: folder.appendingPathComponent("emoji_utf8_lexicon.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func ndjsonHasVADERsFourValuesBesideOurs() throws {
        let folder = try Self.fixtureFolder()
        let lexicon = folder.appendingPathComponent("vader_lexicon.txt").path
        let result = try CLI.run(["score", "--ruleset", "vader", "--lexicon", "vader=\(lexicon)", "--format", "ndjson",
                                  "The book was kind of good.", "I 💘 it"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try CLI.object(lines[0])
        #expect(first["neg"] as? Double == 0)
        #expect(first["neu"] as? Double == 0.657)
        #expect(first["pos"] as? Double == 0.343)
        #expect(first["compound"] as? Double == 0.3832)
        #expect(first["emotion"] as? Double == 0.3832)
        #expect(first["effort"] is NSNull)
        // The emoji file beside the lexicon file is used by default: 💘 reads as "love".
        let second = try CLI.object(lines[1])
        #expect(second["compound"] as? Double == 0.6369)
        #expect(second["pos"] as? Double == 0.677)
    }

    @Test func csvHasFourExtraColumns() throws {
        let folder = try Self.fixtureFolder()
        let result = try CLI.run(["score", "--ruleset", "vader", "--lexicon", "vader=\(folder.path)", "--format", "csv", "bad"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",evidence,neg,neu,pos,compound") == true)
        #expect(lines.last?.hasSuffix(",1,0,0,-0.5423") == true)
    }

    /// A survey export is written back row by row, as with Perceive's rules, with VADER's four
    /// values; a ragged row is kept, marked with its error (exit code 1).
    @Test func surveyExportRowsComeBackWithVADERsValues() throws {
        let folder = try Self.fixtureFolder()
        try "id,Region,Comment\nA1,North,\"The book was kind of good.\"\nA2,South,bad\nA3,West,x,extra\n"
            .write(to: folder.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        let ndjson = try CLI.run(["score", "--ruleset", "vader", "--lexicon", "vader=\(folder.path)", "--input", "export.csv",
                                  "--text-column", "Comment", "--id-column", "id", "--quiet", "--no-evidence"], in: folder)
        #expect(ndjson.status == 1, "\(ndjson.stderr)")
        let lines = ndjson.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let first = try CLI.object(lines[0])
        #expect(first["id"] as? String == "A1")
        #expect(first["row"] as? Int == 1)
        #expect((first["fields"] as? [String: Any])?["Region"] as? String == "North")
        #expect(first["compound"] as? Double == 0.3832)
        #expect(first["pos"] as? Double == 0.343)
        #expect(try CLI.object(lines[1])["compound"] as? Double == -0.5423)
        #expect(try CLI.object(lines[2])["error"] != nil)
        let csv = try CLI.run(["score", "--ruleset", "vader", "--lexicon", "vader=\(folder.path)", "--input", "export.csv",
                               "--text-column", "Comment", "--format", "csv", "--quiet"], in: folder)
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "id,Region,Comment,emotion,emotion_band,effort,effort_band,success,success_band,cx,cx_band,emotions,evidence,neg,neu,pos,compound,error")
        #expect(rows[2].hasSuffix(",1,0,0,-0.5423,"))
        #expect(rows.count == 4)
    }

    @Test func vaderRulesetNeedsAVADERLexicon() throws {
        let result = try CLI.run(["score", "--ruleset", "vader", "good"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--lexicon vader=PATH/vader_lexicon.txt"))
    }

    @Test func malformedLexiconLineIsReportedWithFileLineAndColumn() throws {
        let folder = try Self.fixtureFolder()
        let bad = folder.appendingPathComponent("broken.txt")
        try "good\t1.9\nnice\thigh\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try CLI.run(["score", "--ruleset", "vader", "--lexicon", "vader=\(bad.path)", "good"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.txt:2:6: expected the mean rating (a number), found \"high\""))
    }
}
