import Foundation
import Testing

/// `perceive lexicon convert|validate|stats|lookup`, run as a user would, on files written here.
@Suite struct LexiconCommandTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-lexcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func convertThenValidateThenLookup() throws {
        let dir = try Self.folder(["afinn.txt": "superb\t5\nlousy\t-3\nfall short\t-2\n"])
        let out = dir.appendingPathComponent("tiny").path
        let convert = try CLI.run(["lexicon", "convert", "--from", "afinn", dir.appendingPathComponent("afinn.txt").path, "-o", out])
        #expect(convert.status == 0, "stderr: \(convert.stderr)")
        #expect(convert.stdout.contains("3 scored terms (1 phrases)"))
        let validate = try CLI.run(["lexicon", "validate", out])
        #expect(validate.status == 0, "stderr: \(validate.stderr)")
        #expect(validate.stdout.hasPrefix("ok: tiny imported (native): 3 scored terms, 1 phrases"))
        let lookup = try CLI.run(["lexicon", "lookup", out, "fall short", "splendid"])
        #expect(lookup.status == 1)
        #expect(lookup.stdout == "fall short  valence -0.4  (\(out)/terms.tsv:9)\nsplendid: not in tiny\n")
        // The converted folder scores comments.
        let score = try CLI.run(["score", "--format", "ndjson", "--lexicon", out, "superb"])
        #expect(score.status == 0)
        #expect(score.stdout.contains("\"emotion\":1"))
    }

    @Test func lookupInAThirdPartyFileNamesItsLine() throws {
        let dir = try Self.folder(["afinn.txt": "superb\t5\nlousy\t-3\n"])
        let lookup = try CLI.run(["lexicon", "lookup", "mine=\(dir.path)/afinn.txt", "lousy"])
        #expect(lookup.status == 0, "stderr: \(lookup.stderr)")
        #expect(lookup.stdout == "lousy  valence -0.6  (afinn:mine/terms.tsv:8)  from \(dir.path)/afinn.txt:2\n")
    }

    @Test func thirdPartyFileLoadsDirectlyWithNameEqualsPath() throws {
        let dir = try Self.folder(["afinn.txt": "superb\t5\nlousy\t-3\n"])
        let score = try CLI.run(["score", "--format", "ndjson", "--lexicon", "mine=\(dir.path)/afinn.txt", "lousy"])
        #expect(score.status == 0, "stderr: \(score.stderr)")
        #expect(score.stdout.contains("\"emotion\":-0.6"))
    }

    @Test func nrcCategoryMapFromAFile() throws {
        let lines = ["anger", "anticipation", "disgust", "fear", "joy", "negative", "positive", "sadness", "surprise", "trust"]
            .map { "eager\t\($0)\t\($0 == "anticipation" || $0 == "positive" ? 1 : 0)" }
        let dir = try Self.folder(["nrc.txt": lines.joined(separator: "\n") + "\n", "map.json": "{\"anticipation\": \"joy\", \"fear\": null}"])
        let lookup = try CLI.run(["lexicon", "lookup", "--category-map", "\(dir.path)/map.json", "nrc=\(dir.path)/nrc.txt", "eager"])
        #expect(lookup.status == 0, "stderr: \(lookup.stderr)")
        #expect(lookup.stdout.hasPrefix("eager  valence 0.5  emotions joy:0.5  ("))
    }

    @Test func validateReportsFileAndLine() throws {
        let dir = try Self.folder([
            "bad/manifest.json": """
            {"format": "perceive-lexicon/1", "name": "bad", "version": "1", "language": "en", "license": "CC0-1.0",
             "source": "test", "terms": ["terms.tsv"], "shifters": [], "cues": [], "emotions": []}
            """,
            "bad/terms.tsv": "# lexicon: bad\n# version: 1\n# source: test\n# license: CC0-1.0\nterm\tvalence\teffort\tsuccess\temotions\ngood\t0.5\nnice\tlots\n",
        ])
        let result = try CLI.run(["lexicon", "validate", dir.appendingPathComponent("bad").path])
        #expect(result.status == 2)
        #expect(result.stderr == "perceive: \(dir.path)/bad/terms.tsv:7:6: valence \"lots\" is not a number\n")
    }

    @Test func validateReportsEveryProblemOfAFolder() throws {
        let header = "# lexicon: bad\n# version: 1\n# source: test\n# license: CC0-1.0\n"
        let dir = try Self.folder([
            "bad/manifest.json": """
            {"format": "perceive-lexicon/1", "name": "bad", "version": "1", "language": "en", "license": "CC0-1.0",
             "source": "test", "terms": ["terms.tsv", "missing.tsv"], "shifters": ["shifters.tsv"], "cues": [],
             "emotions": [{"name": "joy", "plutchik": "joy", "ekman": null}]}
            """,
            "bad/terms.tsv": header + "term\tvalence\teffort\tsuccess\temotions\ngood\t0.5\nnice\tlots\nfine\t0.2\t\t\tglee:0.5\ngood\t0.3\ngreat\t0.8\n",
            "bad/shifters.tsv": header + "term\tkind\tweight\nnot\tnegation\nvery\tintensifier\n",
        ])
        let path = dir.appendingPathComponent("bad").path
        let result = try CLI.run(["lexicon", "validate", path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            perceive: \(path)/terms.tsv:7:6: valence "lots" is not a number
            perceive: \(path)/terms.tsv:8:12: unknown emotion "glee" (the manifest declares joy)
            perceive: \(path)/terms.tsv:9:1: duplicate term "good" (first defined at \(path)/terms.tsv:6)
            perceive: \(path)/missing.tsv: cannot read the file (missing or unreadable)
            perceive: \(path)/shifters.tsv:6:5: expected a shifter kind (negator, intensifier, diminisher, contrast, concessive)
            perceive: \(path)/shifters.tsv:7: an intensifier needs a weight
            perceive: 6 problems in \(path)

            """)
    }

    @Test func convertRefusesADuplicateAfinnTerm() throws {
        let dir = try Self.folder(["afinn.txt": "superb\t5\nsuperb\t4\n"])
        let result = try CLI.run(["lexicon", "convert", "\(dir.path)/afinn.txt", "-o", dir.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("perceive: \(dir.path)/afinn.txt:2:1: duplicate term \"superb\" (first at \(dir.path)/afinn.txt:1)"))
    }

    @Test func statsCountsShiftersByKind() throws {
        let dir = try Self.folder([
            "t.csv": "x,y\nbotched,-0.75\nsplendid,1\n",
            "s.csv": "x,y\nnever,1\nhugely,2\nbarely,3\nwhereas,4\nnot,1\n",
        ])
        let result = try CLI.run(["lexicon", "stats", "--format", "json", "t=sentimentr-csv:\(dir.path)/t.csv,\(dir.path)/s.csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try CLI.object(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        #expect(object["scoredTerms"] as? Int == 2)
        #expect(object["shifters"] as? [String: Int] == ["negator": 2, "intensifier": 1, "diminisher": 1, "contrast": 1, "concessive": 0])
        #expect((object["valence"] as? [String: Int]) == ["positive": 1, "negative": 1])
    }
}
