import Foundation
import Testing
@testable import PerceiveKit

/// `bench --corpus PATH,key=value,…` with the per-corpus options as defaults.
@Suite struct BenchCorpusSpecParsingTests {
    @Test func settingsAfterThePathOverrideTheDefaults() throws {
        var defaults = BenchCorpusDefaults()
        defaults.labelKind = ["valence:-4..4"]
        defaults.textColumn = ["comment"]
        defaults.header = false
        let spec = try BenchCorpusSpec(parsing: "data/dev.tsv,name=dev,label=rating,kind=effort:ordinal:1..5,header=yes,quote=no,outside=skip,rows=odd,space=ekman",
                                       defaults: defaults)
        #expect(spec.path == "data/dev.tsv")
        #expect(spec.name == "dev")
        #expect(spec.textColumn == "comment")
        #expect(spec.labelColumn == "rating")
        #expect(spec.kind == .ordinal(.effort, 1...5))
        #expect(spec.header == true)
        #expect(spec.quoting == false)
        #expect(spec.skipOutOfRange == true)
        #expect(spec.rows == .odd)
        #expect(spec.emotionSpace == .ekman)
    }

    @Test func aBarePathTakesTheDefaultsAndAPartWithoutEqualsBelongsToThePath() throws {
        var defaults = BenchCorpusDefaults()
        defaults.labelKind = ["valence:binary"]
        defaults.header = false
        let spec = try BenchCorpusSpec(parsing: "a,b.csv,label-names=names.txt", defaults: defaults)
        #expect(spec.path == "a,b.csv")
        #expect(spec.name == "a,b.csv")
        #expect(spec.textColumn == "text")
        #expect(spec.labelColumn == "label")
        #expect(spec.kind == .binary(.valence))
        #expect(spec.header == false)
        #expect(spec.quoting == nil)
        #expect(spec.labelNames == "names.txt")
        #expect(spec.labelMap == nil)
        #expect(spec.rows == .all)
        #expect(spec.emotionSpace == .lexicon)
    }

    @Test func repeatedOptionsGoOnePerCorpus() throws {
        var defaults = BenchCorpusDefaults()
        defaults.labelKind = ["valence:-4..4", "emotion"]
        defaults.labelMap = ["m1.json", "m2.json"]
        let second = try BenchCorpusSpec(parsing: "b.csv", defaults: defaults, index: 1)
        #expect(second.kind == .emotion)
        #expect(second.labelMap == "m2.json")
        let first = try BenchCorpusSpec(parsing: "a.csv", defaults: defaults, index: 0)
        #expect(first.kind == .continuous(.valence, -4...4))
        #expect(first.labelMap == "m1.json")
    }

    @Test func problemsNameTheArgumentOrPath() {
        func message(_ argument: String, kind: String? = "valence:-4..4") -> String? {
            var defaults = BenchCorpusDefaults()
            defaults.labelKind = kind.map { [$0] } ?? []
            do { _ = try BenchCorpusSpec(parsing: argument, defaults: defaults); return nil } catch { return error.description }
        }
        #expect(message("a.csv,colour=red") == "--corpus a.csv,colour=red: unknown setting \"colour\" (known: header, kind, label, label-map, label-names, name, no-topic, outside, quote, rows, space, text)")
        #expect(message("a.csv", kind: nil) == "--corpus a.csv: give the label kind (--label-kind or kind=…), e.g. valence:-4..4")
        #expect(message("a.csv,outside=drop") == "--corpus a.csv: outside=drop: expected skip or stop")
        #expect(message("a.csv,rows=first") == "--corpus a.csv: rows=first: expected all, odd or even")
        #expect(message("a.csv,space=wheel") == "--corpus a.csv: emotion space \"wheel\": expected lexicon, ekman or plutchik")
    }
}
