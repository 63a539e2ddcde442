import Foundation
import Testing
@testable import PerceiveKit

/// Importers, on small files written here in each format (never third-party data).
@Suite struct LexiconImportTests {
    /// A tiny rule vocabulary in place of en-cx's (whose files are retuned).
    static let vocabulary: ImportVocabulary = {
        let header = "# lexicon: fixture\n# version: 0\n# source: written for the tests\n# license: CC0-1.0\n"
        return ImportVocabulary(
            name: "fixture",
            shifters: header + "term\tkind\tweight\nnot\tnegator\t\nvery\tintensifier\t0.3\nbut\tcontrast\t\n",
            cues: header + "term\tkind\tvalue\nminutes\tduration-unit\t1\n",
            categories: ["joy", "trust", "anger", "anxiety", "disgust", "sadness", "surprise"].map {
                EmotionCategory(name: $0, plutchik: $0 == "anxiety" ? "fear" : $0, ekman: $0 == "trust" ? nil : ($0 == "anxiety" ? "fear" : $0))
            })
    }()
    static let options = ImportOptions(vocabulary: vocabulary)

    static func load(_ argument: String, _ policy: DuplicatePolicy? = nil) throws -> LexiconReference.Loaded {
        try LexiconReference(parsing: argument).load(duplicatePolicy: policy, options: options)
    }

    /// Writes `files` (name → bytes) into a new temporary folder and returns its path.
    static func folder(_ files: [String: [UInt8]]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        return dir
    }

    static func folder(text files: [String: String]) throws -> String {
        try folder(files.mapValues { Array($0.utf8) })
    }

    static func term(_ lexicon: Lexicon, _ text: String) throws -> LexiconEntry? {
        try LexiconLookup.entry(text, in: lexicon)
    }

    // MARK: AFINN

    @Test func afinnScoresAreDividedByFive() throws {
        let dir = try Self.folder(text: ["afinn.txt": "superb\t5\nlousy\t-3\nmeh\t0\nfall short\t-2\n"])
        let loaded = try Self.load("a=\(dir)/afinn.txt")
        #expect(loaded.format == .afinn)
        #expect(try Self.term(loaded.lexicon, "superb")?.valence == 1.0)        // 5 / 5
        #expect(try Self.term(loaded.lexicon, "lousy")?.valence == -0.6)        // -3 / 5
        #expect(try Self.term(loaded.lexicon, "fall short")?.valence == -0.4)   // a phrase, -2 / 5
        #expect(try Self.term(loaded.lexicon, "meh") == nil)                    // 0 carries nothing
        #expect(loaded.notes.map(\.location.line) == [3])
    }

    @Test func afinnRefusesADuplicateWithBothLines() throws {
        let dir = try Self.folder(text: ["afinn.txt": "superb\t5\nlousy\t-3\nSuperb\t4\n"])
        #expect {
            try Self.load("a=afinn:\(dir)/afinn.txt")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(dir)/afinn.txt:3:1: duplicate term \"Superb\" (first at \(dir)/afinn.txt:1)")
        }
        // With --on-duplicate mean: (1 + 0.8) / 2
        let loaded = try Self.load("a=afinn:\(dir)/afinn.txt", .mean)
        #expect(abs((try Self.term(loaded.lexicon, "superb")?.valence ?? 0) - 0.9) < 1e-9)
    }

    @Test func afinnReportsABadScoreWithItsLine() throws {
        let dir = try Self.folder(text: ["afinn.txt": "superb\t5\nlousy\tbad\n"])
        #expect {
            try Self.load("a=afinn:\(dir)/afinn.txt")
        } throws: { "\($0)" == "\(dir)/afinn.txt:2:7: score \"bad\" is not an integer in -5…5" }
    }

    // MARK: Hu & Liu

    @Test func huLiuListsLatin1AndCommentHeader() throws {
        let positive = Array(";;;;\n; Opinion Lexicon: Positive\n;\r\n\r\nagile\r\namazing\r\nenvious\r\n".utf8)
        // "naïve" in ISO-8859-1: ï is the single byte 0xEF.
        let negative = Array(";;;;\r\n; Opinion Lexicon: Negative\r\n\r\nawful\r\nna".utf8) + [0xEF] + Array("ve\r\nenvious\r\n".utf8)
        let dir = try Self.folder(["positive-words.txt": positive, "negative-words.txt": negative])
        let loaded = try Self.load("huliu=\(dir)")
        #expect(loaded.format == .huliu)
        #expect(try Self.term(loaded.lexicon, "amazing")?.valence == HuLiuLexiconFormat.polarityWeight)
        #expect(try Self.term(loaded.lexicon, "naïve")?.valence == -HuLiuLexiconFormat.polarityWeight)
        // "envious" is in both lists; the negative list is read first (file names sort), so it stays negative.
        #expect(try Self.term(loaded.lexicon, "envious")?.valence == -HuLiuLexiconFormat.polarityWeight)
        #expect(loaded.notes.contains { $0.message.contains("ISO-8859-1") })
        #expect(loaded.notes.contains { $0.location.line == 7 && $0.message.hasPrefix("duplicate term \"envious\": kept the first") })
    }

    // MARK: NRC EmoLex

    @Test func nrcEmolexMapsCategoriesOntoOurs() throws {
        var text = ""
        for (word, marked) in [("furious", ["anger", "negative"]), ("dread", ["fear", "anticipation", "negative"]), ("table", [String]())] {
            for category in ["anger", "anticipation", "disgust", "fear", "joy", "negative", "positive", "sadness", "surprise", "trust"] {
                text += "\(word)\t\(category)\t\(marked.contains(category) ? 1 : 0)\r\n"
            }
        }
        let dir = try Self.folder(text: ["NRC-Emotion-Lexicon-Wordlevel.txt": text])
        let loaded = try Self.load("nrc=\(dir)")
        #expect(loaded.format == .nrcEmolex)
        let lexicon = loaded.lexicon
        let furious = try #require(try Self.term(lexicon, "furious"))
        #expect(furious.valence == -NRCEmoLexLexiconFormat.polarityWeight)
        #expect(furious.emotions.map { lexicon.categories[$0.category].name } == ["anger"])
        let dread = try #require(try Self.term(lexicon, "dread"))
        // fear → anxiety; anticipation is not mapped
        #expect(dread.emotions.map { lexicon.categories[$0.category].name } == ["anxiety"])
        #expect(dread.emotions.first?.intensity == NRCEmoLexLexiconFormat.emotionIntensity)
        #expect(try Self.term(lexicon, "table") == nil)
    }

    @Test func nrcEmolexRejectsAnUnknownCategory() throws {
        let dir = try Self.folder(text: ["nrc.txt": "calm\tjoy\t1\ncalm\tserenity\t1\n"])
        #expect {
            try Self.load("nrc=nrc-emolex:\(dir)/nrc.txt")
        } throws: { "\($0)".hasPrefix("\(dir)/nrc.txt:2:6: unknown NRC category \"serenity\"") }
    }

    // MARK: NRC VAD

    @Test func nrcVADVersionOneScaleIsStretched() throws {
        let dir = try Self.folder(text: ["vad.txt": "Word\tValence\tArousal\tDominance\nsplendid\t0.9\t0.5\t0.6\nsoggy\t0.25\t0.3\t0.3\nbeige\t0.5\t0.1\t0.4\n"])
        let loaded = try Self.load("vad=\(dir)/vad.txt")
        #expect(loaded.format == .nrcVAD)
        #expect(abs((try Self.term(loaded.lexicon, "splendid")?.valence ?? 0) - 0.8) < 1e-9)   // 2·0.9 − 1
        #expect(abs((try Self.term(loaded.lexicon, "soggy")?.valence ?? 0) + 0.5) < 1e-9)      // 2·0.25 − 1
        #expect(try Self.term(loaded.lexicon, "beige") == nil)                                   // 2·0.5 − 1 = 0
    }

    // MARK: sentimentr CSV

    @Test func sentimentrPolarityAndShifterTables() throws {
        let dir = try Self.folder(text: [
            "hash_sentiment_fixture.csv": "x,y\na plus,1.0\nbotched,-0.75\n\"well, well\",0.25\n",
            "hash_valence_shifters.csv": "x,y\nnever,1\nhugely,2\nbarely,3\nwhereas,4\n",
        ])
        let loaded = try Self.load("jr=\(dir)")
        #expect(loaded.format == .sentimentrCSV)
        let lexicon = loaded.lexicon
        #expect(try Self.term(lexicon, "botched")?.valence == -0.75)
        #expect(try Self.term(lexicon, "a plus")?.valence == 1.0)
        #expect(try Self.term(lexicon, "well, well")?.valence == 0.25)
        #expect(try Self.term(lexicon, "never")?.shifter == .negator)
        let hugely = try #require(try Self.term(lexicon, "hugely"))
        #expect(hugely.shifter == .intensifier && hugely.shifterWeight == SentimentrCSVLexiconFormat.amplifierWeight)
        #expect(try Self.term(lexicon, "barely")?.shifter == .diminisher)
        #expect(try Self.term(lexicon, "whereas")?.shifter == .contrast)
        // Its own shifters replace the borrowed ones: "very" is no shifter here.
        #expect(try Self.term(lexicon, "very")?.shifter == nil)
        #expect(SentimentrCSVLexiconFormat.ShifterType(rawValue: 3)?.kind == .diminisher)
    }

    @Test func sentimentrLargeScaleIsDividedByItsMaximum() throws {
        let dir = try Self.folder(text: ["socal.csv": "x,y\nsublime,4\ndull,-2\n"])
        let loaded = try Self.load("socal=\(dir)/socal.csv")
        #expect(try Self.term(loaded.lexicon, "sublime")?.valence == 1.0)   // 4 / 4
        #expect(try Self.term(loaded.lexicon, "dull")?.valence == -0.5)     // -2 / 4
    }

    @Test func sentimentrBadNumberStopsWithItsLine() throws {
        let dir = try Self.folder(text: ["t.csv": "x,y\nfine,0.5\nodd,abc\n"])
        #expect { try Self.load("t=\(dir)/t.csv") } throws: {
            "\($0)" == "\(dir)/t.csv:3: y \"abc\" is not a number"
        }
    }

    // MARK: VADER

    @Test func vaderMeansAreDividedByFourAndCapitalVariantsDropped() throws {
        let dir = try Self.folder(text: [
            "vader_lexicon.txt": "glad\t2.0\t0.5\t[2, 2, 2, 2, 2, 2, 2, 2, 2, 2]\ngrim\t-2.6\t0.4\t[-3, -2, -3, -3, -2, -3, -2, -3, -3, -2]\n:-p\t1.0\t0.1\t[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n:-P\t1.6\t0.2\t[2, 1, 2, 2, 1, 2, 1, 2, 2, 1]\n",
        ])
        let loaded = try Self.load("vader=\(dir)/vader_lexicon.txt")
        #expect(loaded.format == .vader)
        #expect(try Self.term(loaded.lexicon, "glad")?.valence == 0.5)                    // 2.0 / 4
        #expect(abs((try Self.term(loaded.lexicon, "grim")?.valence ?? 0) + 0.65) < 1e-9)  // -2.6 / 4
        #expect(try Self.term(loaded.lexicon, ":-p")?.valence == 0.25)                    // the lower-case entry
        #expect(loaded.notes.contains { $0.location.line == 4 })
    }

    // MARK: Recognition and conversion

    @Test func formatsAreRecognizedFromContent() {
        #expect(LexiconFormat.recognize(text: "good\t3\nbad\t-3\n", path: "x") == .afinn)
        #expect(LexiconFormat.recognize(text: "good\t1.9\t0.9\t[2, 1]\n", path: "x") == .vader)
        #expect(LexiconFormat.recognize(text: "good\tjoy\t1\n", path: "x") == .nrcEmolex)
        #expect(LexiconFormat.recognize(text: "x,y\ngood,1\n", path: "x") == .sentimentrCSV)
        #expect(LexiconFormat.recognize(text: "; header\ngood\n", path: "x") == .huliu)
        #expect(LexiconFormat.recognize(text: "Word\tValence\tArousal\tDominance\n", path: "x") == .nrcVAD)
        #expect(LexiconFormat.recognize(text: "a,b,c\n1,2,3\n", path: "x") == nil)
    }

    @Test func convertedFilesLoadAsANativeLexicon() throws {
        let dir = try Self.folder(text: ["afinn.txt": "superb\t5\nlousy\t-3\n"])
        var imported = try LexiconFormat.afinn.read(paths: ["\(dir)/afinn.txt"], name: "tiny", options: Self.options)
        _ = try imported.lexicon()
        let files = try imported.nativeFiles()
        #expect(files.keys.sorted() == ["cues.tsv", "manifest.json", "shifters.tsv", "terms.tsv"])
        let out = try Self.folder(text: files)
        let lexicon = try LexiconLoader.load(directory: out)
        #expect(lexicon.name == "tiny")
        #expect(try Self.term(lexicon, "lousy")?.valence == -0.6)
        #expect(try Self.term(lexicon, "lousy")?.termLocation?.line == 8)   // 5 header lines, the column header, then superb
    }
}
