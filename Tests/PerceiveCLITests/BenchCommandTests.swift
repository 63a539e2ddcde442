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

    /// A cx-real-dev-like file: several label columns, bare (unbalanced) quotes in the texts,
    /// success empty where the text says nothing. The even data rows (d02, d04, …) hold the
    /// fixture of `BenchDetectionMetricsTests`: gold 1, –, −1, 0.5, –, −0.5.
    static let multiColumn: String = {
        let even = ["1", "", "-1", "0.5", "", "-0.5"]
        var out = "id\tsource\ttext\tvalence\teffort\tsuccess\temotions\n"
        for n in 1...12 {
            let text = n % 2 == 1 ? "odd \(n): he said \"never again" : "even \(n): \"fixed\" it"
            let success = n % 2 == 1 ? "0.25" : even[n / 2 - 1]
            out += "d\(n < 10 ? "0" : "")\(n)\tsrc\t\(text)\t0\t\t\(success)\t\n"
        }
        return out
    }()

    @Test func multiColumnTSVWithoutQuotingReadsOneHalf() throws {
        let dir = try Self.folder(["comments.tsv": Self.multiColumn, "a.scores": "0.8\n0.2\nnull\n0.4\n\n-0.6\n"])
        let spec = "\(dir.path)/comments.tsv,text=text,label=success,kind=success:nocue:-1..1,quote=no"
        // The odd half: data rows 1, 3, …, 11, texts read whole (the bare quote stays).
        let export = try CLI.run(["bench", "--corpus", spec + ",rows=odd", "--export-texts", "\(dir.path)/odd.jsonl"])
        #expect(export.status == 0, "stderr: \(export.stderr)")
        let odd = try String(contentsOfFile: "\(dir.path)/odd.jsonl", encoding: .utf8)
        #expect(odd == stride(from: 1, through: 11, by: 2).map { "{\"text\":\"odd \($0): he said \\\"never again\"}\n" }.joined())
        // The even half against scores with a null and an empty line (no value):
        // r0 = 1.3/√2.675, detection P = R = F1 = 3/4 (worked out in BenchDetectionMetricsTests).
        let result = try CLI.run(["bench", "--corpus", spec + ",rows=even", "--predictions", "a=\(dir.path)/a.scores", "--bootstrap", "50", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try CLI.object(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        let corpus = try #require((object["corpora"] as? [[String: Any]])?.first)
        #expect(corpus["kind"] as? String == "success:nocue:-1..1")
        #expect(corpus["rows"] as? String == "even")
        #expect(corpus["items"] as? Int == 6 && corpus["labelled"] as? Int == 4 && corpus["noCue"] as? Int == 2)
        let system = try #require((corpus["systems"] as? [[String: Any]])?.first)
        #expect(system["predicted"] as? Int == 4)
        let metrics = try #require(system["metrics"] as? [String: Any])
        func value(_ name: String) throws -> Double { try #require((metrics[name] as? [String: Any])?["value"] as? Double) }
        #expect(abs(try value("r0") - 1.3 / (2.675).squareRoot()) < 1e-6)
        #expect(abs(try value("pearson") - 1.1 / (1.04 * 7 / 6).squareRoot()) < 1e-6)
        #expect(abs(try value("detectionF1") - 0.75) < 1e-6)
    }

    @Test func predictionsOfTheWrongLengthStop() throws {
        let dir = try Self.folder(["comments.tsv": Self.multiColumn, "a.scores": "0.8\nnull\n"])
        let result = try CLI.run(["bench", "--corpus", "\(dir.path)/comments.tsv,label=success,kind=success:nocue:-1..1,rows=odd",
                                  "--predictions", "a=\(dir.path)/a.scores", "--bootstrap", "5"])
        #expect(result.status == 2)
        #expect(result.stderr == "perceive: a: 2 scores for the 6 labeled rows of comments.tsv\n")
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
    /// A SemEval-style file and a two-topic taxonomy written here, scored with en-cx.
    static let absa = """
        <sentences>
          <sentence id="1"><text>The soup was great.</text><aspectCategories><aspectCategory category="food" polarity="positive"/></aspectCategories></sentence>
          <sentence id="2"><text>The waiter was rude and the soup was great.</text><aspectCategories><aspectCategory category="service" polarity="negative"/><aspectCategory category="food" polarity="positive"/></aspectCategories></sentence>
          <sentence id="3"><text>We loved it.</text><aspectCategories><aspectCategory category="anecdotes/miscellaneous" polarity="positive"/></aspectCategories></sentence>
          <sentence id="4"><text>The waiter forgot us, terrible.</text><aspectCategories><aspectCategory category="service" polarity="conflict"/></aspectCategories></sentence>
        </sentences>

        """
    static let restaurantTopics = "# topics: r\n# version: 1\n# source: tests\n# license: CC0-1.0\ntopic\tterm\texclude\nfood\tsoup\nservice\twaiter\n"

    @Test func topicLabelsFromSemEvalXML() throws {
        let dir = try Self.folder(["r.xml": Self.absa, "r.tsv": Self.restaurantTopics])
        let args = ["bench", "--corpus", "\(dir.path)/r.xml", "--topics", "\(dir.path)/r.tsv", "--bootstrap", "20", "--seed", "3"]
        let table = try CLI.run(args)
        #expect(table.status == 0, "stderr: \(table.stderr)")
        // Found: {food +}, {service, food: "and" joins the clause, rude and great cancel → both
        // neutral}, {}, {service −}: detection 4 of 4, no false positive. Polarity: food 1 of 2;
        // service 0 of 2 (sentence 2 neutral, sentence 4 conflict, which nothing matches).
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "r.xml: 4 items, topics, gold topics: 4 (4 with a polarity, 1 conflict), items without a topic: 1, 95% bootstrap intervals (20 resamples, seed 3)")
        #expect(lines[2].hasPrefix("en-cx   0.750 [0.250, 1.000]  1.000 [1.000, 1.000]  1.000 [1.000, 1.000]  1.000 [1.000, 1.000]  0.250 [0.000, 1.000]  0.250 [0.000, 1.000]"))
        #expect(Array(lines[3...6]) == [
            "per topic, en-cx:",
            "topic    precision             recall                F1                    n  polarity accuracy     n",
            "food     1.000 [0.475, 1.000]  1.000 [0.475, 1.000]  1.000 [0.475, 1.000]  2  0.500 [0.000, 1.000]  2",
            "service  1.000 [0.000, 1.000]  1.000 [0.000, 1.000]  1.000 [0.000, 1.000]  2  0.000 [0.000, 0.000]  2",
        ])
        let csv = try CLI.run(args + ["--format", "csv"]).stdout
        #expect(csv.contains("\nr.xml,topics,4,en-cx,polarityAccuracy:food,0.500000,0.000000,1.000000\n"))
        #expect(csv.contains("\nr.xml,topics,4,en-cx,goldConflict,1,,\n"))
        let json = try CLI.object(Substring(try CLI.run(args + ["--format", "json"]).stdout.trimmingCharacters(in: .newlines)))
        let corpus = try #require((json["corpora"] as? [[String: Any]])?.first)
        #expect(corpus["labels"] as? [String] == ["food", "service"])
        #expect((corpus["topicCounts"] as? [String: Int]) == ["topics": 4, "withPolarity": 4, "conflict": 1, "noTopic": 1])
        let system = try #require((corpus["systems"] as? [[String: Any]])?.first)
        let service = try #require((system["perLabel"] as? [String: Any])?["service"] as? [String: Any])
        #expect(service["polarityAccuracy"] as? Double == 0 && service["polarityCounted"] as? Int == 2 && service["f1"] as? Double == 1)
        let odd = try CLI.run(["bench", "--corpus", "\(dir.path)/r.xml,rows=odd", "--topics", "\(dir.path)/r.tsv", "--bootstrap", "20"])
        #expect(odd.stdout.hasPrefix("r.xml: 2 items (odd rows), topics, gold topics: 1 (1 with a polarity, 0 conflict), items without a topic: 1"))
    }

    @Test func malformedXMLStopsWithFileLineAndColumn() throws {
        let dir = try Self.folder(["bad.xml": "<sentences>\n<sentence id=\"1\"><text>a</sentence></sentences>\n", "r.tsv": Self.restaurantTopics])
        let result = try CLI.run(["bench", "--corpus", "\(dir.path)/bad.xml", "--topics", "\(dir.path)/r.tsv"])
        #expect(result.status == 2)
        #expect(result.stderr == "perceive: \(dir.path)/bad.xml:2:25: expected </text> (opened at 2:18), found </sentence>\n")
    }
}
