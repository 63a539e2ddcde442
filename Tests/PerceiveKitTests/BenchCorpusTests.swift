import Foundation
import Testing
@testable import PerceiveKit

/// Reading labeled corpora for the bench, on files written here.
@Suite struct BenchCorpusTests {
    static func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let categories = ["joy", "anger", "anxiety"].map { EmotionCategory(name: $0, plutchik: $0 == "anxiety" ? "fear" : $0, ekman: $0 == "anxiety" ? "fear" : $0) }

    @Test func continuousLabelsAreMappedOntoMinusOneToOne() throws {
        // 1..5: 1 → −1, 3 → 0, 4 → 0.5; "NA" and "" are left out and counted
        let path = try Self.file("c.csv", "text,rating\n\"Fine, really\",3\nGreat,4\nAwful,1\nNothing,NA\nBlank,\n")
        var spec = BenchCorpusSpec(path: path, labelColumn: "rating", kind: .continuous(.valence, 1...5))
        spec.textColumn = "text"
        let corpus = try BenchCorpus(spec: spec, lexiconCategories: Self.categories)
        #expect(corpus.texts == ["Fine, really", "Great", "Awful"])
        #expect(corpus.gold == [0, 0.5, -1])
        #expect(corpus.lines == [2, 3, 4])
        #expect(corpus.missing == 2)
    }

    @Test func headerlessTSVWithBareQuotesAndBinaryLabels() throws {
        let path = try Self.file("u.txt", "He said \"wow\" twice.\t1\nNot \"great\".\t0\n")
        var spec = BenchCorpusSpec(path: path, textColumn: "1", labelColumn: "2", kind: .binary(.valence))
        spec.header = false
        let corpus = try BenchCorpus(spec: spec, lexiconCategories: Self.categories)
        #expect(corpus.texts == ["He said \"wow\" twice.", "Not \"great\"."])
        #expect(corpus.gold == [1, -1])
    }

    @Test func emotionIdsGoThroughNamesAndAnInverseMap() throws {
        // names: 0 rage, 1 glee, 2 neutral; map {"anger": ["rage"], "joy": ["glee"]} (GoEmotions' direction)
        let names = try Self.file("names.txt", "rage\nglee\nneutral\n")
        let map = try Self.file("map.json", "{\"anger\": [\"rage\"], \"joy\": [\"glee\"]}")
        let path = try Self.file("g.tsv", "so mad\t0\t\nyay and grr\t1,0\t\nok\t2\t\n")
        var spec = BenchCorpusSpec(path: path, textColumn: "1", labelColumn: "2", kind: .emotions)
        spec.header = false
        spec.labelNames = names
        spec.labelMap = map
        spec.emotionSpace = .ekman
        let corpus = try BenchCorpus(spec: spec, lexiconCategories: Self.categories)
        #expect(corpus.labels == EmotionSpace.ekmanLabels + ["neutral"])
        let anger = try #require(corpus.labels.firstIndex(of: "anger")), joy = try #require(corpus.labels.firstIndex(of: "joy"))
        #expect(corpus.goldLabels == [[anger], [anger, joy], [corpus.labels.count - 1]])
    }

    @Test func unknownEmotionStopsWithItsLine() throws {
        let path = try Self.file("e.jsonl", "{\"text\": \"a\", \"label\": \"joy\"}\n{\"text\": \"b\", \"label\": \"awe\"}\n")
        let spec = BenchCorpusSpec(path: path, kind: .emotion)
        #expect { try BenchCorpus(spec: spec, lexiconCategories: Self.categories) } throws: {
            "\($0)".hasPrefix("\(path):2: emotion label \"awe\" is not one of the lexicon labels (joy, anger, anxiety)")
        }
    }

    @Test func labelKindsParse() throws {
        #expect(try BenchLabelKind.parse("valence:-4..4").get() == .continuous(.valence, -4...4))
        #expect(try BenchLabelKind.parse("effort:ordinal:1..5").get() == .ordinal(.effort, 1...5))
        #expect(try BenchLabelKind.parse("success:binary").get() == .binary(.success))
        #expect(try BenchLabelKind.parse("valence:3class").get() == .threeClass(.valence))
        #expect(try BenchLabelKind.parse("emotions").get() == .emotions)
        #expect((try? BenchLabelKind.parse("valence:4..-4").get()) == nil)
        #expect((try? BenchLabelKind.parse("mood:1..5").get()) == nil)
        #expect(try BenchLabelKind.parse("success:nocue:-1..1").get() == .noCueContinuous(.success, -1...1))
        #expect(try BenchLabelKind.parse("effort:nocue:1..5").get().description == "effort:nocue:1..5")
        // valence always has a value: no nocue kind for it
        #expect((try? BenchLabelKind.parse("valence:nocue:-1..1").get()) == nil)
    }

    @Test func noCueKindKeepsEmptyCellsAsNoCue() throws {
        // success:nocue:-1..1: "" and "NA" are kept as no cue (gold 0, hasGold false); with
        // success:-1..1 the same rows are left out and counted as missing.
        let path = try Self.file("s.tsv", "text\tsuccess\nsolved\t1\nhello\t\nfailed\t-0.5\nwhatever\tNA\n")
        let corpus = try BenchCorpus(spec: BenchCorpusSpec(path: path, labelColumn: "success", kind: .noCueContinuous(.success, -1...1)), lexiconCategories: Self.categories)
        #expect(corpus.texts == ["solved", "hello", "failed", "whatever"])
        #expect(corpus.gold == [1, 0, -0.5, 0])
        #expect(corpus.hasGold == [true, false, true, false])
        #expect(corpus.noCue == 2 && corpus.missing == 0)
        let dropping = try BenchCorpus(spec: BenchCorpusSpec(path: path, labelColumn: "success", kind: .continuous(.success, -1...1)), lexiconCategories: Self.categories)
        #expect(dropping.texts == ["solved", "failed"])
        #expect(dropping.missing == 2 && dropping.noCue == 0)
    }

    @Test func rowsFilterKeepsOddOrEvenDataRows() throws {
        // Data rows are numbered from 1 after the header; a blank line is not a row.
        let path = try Self.file("h.tsv", "id\ttext\tlabel\nd1\tone\t1\nd2\ttwo\t\n\nd3\tthree\t-1\nd4\tfour\t0\n")
        var spec = BenchCorpusSpec(path: path, kind: .noCueContinuous(.effort, -1...1))
        spec.rows = .odd
        #expect(try BenchCorpus(spec: spec, lexiconCategories: Self.categories).texts == ["one", "three"])
        spec.rows = .even
        let even = try BenchCorpus(spec: spec, lexiconCategories: Self.categories)
        #expect(even.texts == ["two", "four"])
        #expect(even.lines == [3, 6])
        #expect(even.hasGold == [false, true])
    }
}
