import Foundation
import Testing

/// `perceive bench` on a tiny corpus and lexicon written here.
@Suite struct BenchCommandTests {
    static let lexicon = "superb\t5\nlousy\t-3\ngreat\t3\nawful\t-4\n"
    static let corpus = """
        id\ttext\tscore
        1\tSuperb service.\t4
        2\tLousy, awful app.\t-3
        3\tGreat staff!\t2
        4\tThe price went up.\t-1
        5\tNot great at all.\t-2
        6\tAwful wait but superb agent.\t1

        """

    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    func run(_ dir: URL, _ extra: [String], corpus: String = "corpus.tsv") throws -> CLI.Result {
        try CLI.run(["bench", "--lexicon", "tiny=\(dir.path)/afinn.txt", "--corpus", "\(dir.path)/\(corpus)",
                     "--label-column", "score", "--label-kind", "valence:-4..4", "--bootstrap", "50"] + extra)
    }

    @Test func jsonCarriesCommandLexiconsAndMetrics() throws {
        let dir = try Self.folder(["afinn.txt": Self.lexicon, "corpus.tsv": Self.corpus])
        let result = try run(dir, ["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try CLI.object(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        #expect((object["command"] as? String)?.hasPrefix("perceive bench --lexicon tiny=") == true)
        let lexicons = try #require(object["lexicons"] as? [[String: Any]])
        #expect(lexicons.first?["name"] as? String == "tiny")
        #expect(lexicons.first?["format"] as? String == "afinn")
        let corpora = try #require(object["corpora"] as? [[String: Any]])
        #expect(corpora.first?["items"] as? Int == 6)
        let metrics = try #require(((corpora.first?["systems"] as? [[String: Any]])?.first?["metrics"]) as? [String: Any])
        // Row 4 has no lexicon term: coverage 5/6. Signs: rows 1,2,3,5 right; 4 (0 vs −) wrong;
        // row 6 "awful … but superb": the clause after "but" dominates → positive, right → 5/6.
        let coverage = try #require((metrics["coverage"] as? [String: Any])?["value"] as? Double)
        #expect(abs(coverage - 5.0 / 6) < 1e-6)
        let sign = try #require((metrics["signAccuracy"] as? [String: Any])?["value"] as? Double)
        #expect(abs(sign - 5.0 / 6) < 1e-6)
    }

    @Test func runsRepeatExactly() throws {
        let dir = try Self.folder(["afinn.txt": Self.lexicon, "corpus.tsv": Self.corpus])
        func stable(_ r: CLI.Result) -> String { r.stdout.split(separator: "\n").filter { !$0.contains("commentsPerSecond") }.joined(separator: "\n") }
        let first = try run(dir, ["--format", "csv", "--lexicon", "en-cx"])
        let second = try run(dir, ["--format", "csv", "--lexicon", "en-cx"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(stable(first) == stable(second))
        #expect(stable(first).contains("corpus.tsv,valence:-4..4,6,en-cx,pearson,"))
    }

    @Test func unparsableLabelStopsWithFileAndLine() throws {
        let dir = try Self.folder(["afinn.txt": Self.lexicon, "corpus.tsv": "id\ttext\tscore\n1\tfine\t2\n2\tmeh\tsoso\n"])
        let result = try run(dir, [])
        #expect(result.status == 2)
        #expect(result.stderr == "perceive: \(dir.path)/corpus.tsv:3: label \"soso\" in column score is not a number (expected -4..4)\n")
    }

    @Test func labelOutsideTheRangeStops() throws {
        let dir = try Self.folder(["afinn.txt": Self.lexicon, "corpus.tsv": "id\ttext\tscore\n1\tfine\t2\n2\tmeh\t7\n"])
        let result = try run(dir, [])
        #expect(result.status == 2)
        #expect(result.stderr == "perceive: \(dir.path)/corpus.tsv:3: label 7 in column score is outside the declared range -4..4\n")
    }

    @Test func missingColumnStops() throws {
        let dir = try Self.folder(["afinn.txt": Self.lexicon, "corpus.tsv": "id\tcomment\tscore\n1\tfine\t2\n"])
        let result = try run(dir, [])
        #expect(result.status == 2)
        #expect(result.stderr == "perceive: \(dir.path)/corpus.tsv:1: no column \"text\" (the header has: id, comment, score)\n")
    }

    @Test func multiLabelEmotionsWithAMappingFile() throws {
        let dir = try Self.folder([
            "afinn.txt": Self.lexicon,
            "emotions.jsonl": """
                {"text": "I am so grateful, thank you!", "labels": ["thanks"]}
                {"text": "This is outrageous, I am furious.", "labels": ["rage"]}
                {"text": "The parcel came.", "labels": []}

                """,
            "map.json": "{\"thanks\": \"gratitude\", \"rage\": \"anger\"}",
        ])
        let result = try CLI.run(["bench", "--lexicon", "en-cx", "--corpus", "\(dir.path)/emotions.jsonl,label=labels,kind=emotions,label-map=\(dir.path)/map.json",
                                  "--bootstrap", "20", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try CLI.object(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        let corpus = try #require((object["corpora"] as? [[String: Any]])?.first)
        #expect(corpus["kind"] as? String == "emotions")
        let system = try #require((corpus["systems"] as? [[String: Any]])?.first)
        let perLabel = try #require(system["perLabel"] as? [String: Any])
        #expect((perLabel["gratitude"] as? [String: Any])?["support"] as? Int == 1)
        #expect((perLabel["anger"] as? [String: Any])?["support"] as? Int == 1)
    }
}
