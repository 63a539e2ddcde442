import Foundation
import Testing
@testable import PerceiveKit

/// What `bench` reads besides the corpora (its lexicons, the texts it exports) and how its
/// report is written: the parts of the command that live in the library.
@Suite struct BenchInputsTests {
    @Test func twoLexiconsUnderOneNameAreRefused() throws {
        #expect(throws: LexiconOptionError("--lexicon en-cx: two lexicons are named en-cx; name them with NAME=PATH")) {
            try LexiconReference.loadAll(["en-cx", "en-cx"])
        }
    }

    @Test func aLexiconWithImportNotesIsNotedOnceLoaded() throws {
        let dir = try LexiconImportTests.folder(text: ["afinn.txt": "superb\t5\nsuperb\t3\nlousy\t-3\n"])
        var noted: [String] = []
        let loaded = try LexiconReference.loadAll(["en-cx", "mine=\(dir)/afinn.txt"], duplicatePolicy: .first) { noted.append($0) }
        #expect(loaded.map(\.name) == ["en-cx", "mine"])
        #expect(noted == ["perceive: note: mine: 1 import notes (duplicates, skipped lines); 'perceive lexicon validate mine=\(dir)/afinn.txt --verbose' lists them\n"])
    }

    @Test func exportedTextsAreJSONLinesInCorpusOrder() throws {
        let path = try BenchCorpusTests.file("c.csv", "text,label\n\"Say \"\"hi\"\"\",3\nok,-1\n")
        let spec = try BenchCorpusSpec(parsing: "\(path),kind=valence:-4..4", defaults: BenchCorpusDefaults())
        let corpus = try BenchCorpus(spec: spec, lexiconCategories: BenchCorpusTests.categories)
        #expect(corpus.textsAsJSONLines == ["{\"text\":\"Say \\\"hi\\\"\"}", "{\"text\":\"ok\"}"])
    }

    @Test func eachSystemIsDescribedInTheReport() throws {
        let lexicon = try LexiconReference(parsing: "en-cx").load()
        let info = BenchReport.LexiconInfo(.lexicon(lexicon))
        #expect((info.name, info.version, info.format, info.paths, info.notes) == ("en-cx", lexicon.lexicon.version, "native", [], 0))
        let external = BenchReport.LexiconInfo(.external(name: "llm", source: "llm.txt", scores: [0.5, nil]))
        #expect((external.name, external.version, external.format, external.paths, external.notes) == ("llm", "llm.txt", "external scores", [], 0))
    }

    @Test func theReportIsRenderedInEachFormat() {
        let report = BenchReport(command: "perceive bench", parameters: BenchParameters(), lexicons: [], corpora: [])
        #expect(report.rendered(.table) == report.table())
        #expect(report.rendered(.markdown) == report.table(markdown: true))
        #expect(report.rendered(.csv) == report.csv())
        #expect(report.rendered(.json) == report.json())
    }

    @Test func perCorpusOptionsAreGivenOnceOrOncePerCorpus() {
        var defaults = BenchCorpusDefaults()
        defaults.textColumn = ["a", "b"]
        defaults.labelKind = ["valence:binary"]
        #expect(defaults.problem(corpusCount: 2) == nil)
        #expect(defaults.problem(corpusCount: 3) == "--text-column is given 2 times for 3 corpora: give it once (for all) or once per corpus")
        defaults.textColumn = ["a"]
        #expect(defaults.problem(corpusCount: 3) == nil)
    }

    @Test func optionsOverrideOnlyTheirParameters() {
        let parameters = BenchParameters(seed: 7, bootstrapSamples: 50, emotionThreshold: 0.3)
        #expect((parameters.seed, parameters.bootstrapSamples, parameters.emotionThreshold) == (7, 50, 0.3))
        #expect(parameters.confidenceLevel == BenchParameters.standard.confidenceLevel)
    }
}
