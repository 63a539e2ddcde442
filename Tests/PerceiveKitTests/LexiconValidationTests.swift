import Foundation
import Testing
@testable import PerceiveKit

/// `lexicon validate`, `lookup` and `formats` in the library: every problem of a folder, the
/// lines the commands print, and the import notes as written to stderr.
@Suite struct LexiconValidationTests {
    static let header = "# lexicon: bad\n# version: 1\n# source: test\n# license: CC0-1.0\n"
    static let manifest = """
        {"format": "perceive-lexicon/1", "name": "bad", "version": "1", "language": "en", "license": "CC0-1.0",
         "source": "test", "terms": ["terms.tsv"], "shifters": [], "cues": [], "emotions": []}
        """

    @Test func oneProblemOfAFolderIsThrownAsItself() throws {
        let dir = try LexiconImportTests.folder(text: [
            "manifest.json": Self.manifest,
            "terms.tsv": Self.header + "term\tvalence\teffort\tsuccess\temotions\ngood\t0.5\nnice\tlots\n",
        ])
        #expect(throws: LexiconError(file: dir + "/terms.tsv", line: 7, column: 6, "valence \"lots\" is not a number")) {
            try LexiconValidation.checkFolder(dir)
        }
    }

    @Test func severalProblemsOfAFolderAreThrownTogether() throws {
        let dir = try LexiconImportTests.folder(text: [
            "manifest.json": Self.manifest,
            "terms.tsv": Self.header + "term\tvalence\teffort\tsuccess\temotions\ngood\t0.5\nnice\tlots\ngood\t0.3\n",
        ])
        do {
            try LexiconValidation.checkFolder(dir)
            Issue.record("expected LexiconProblems")
        } catch let error as LexiconProblems {
            #expect(error.problems.map(\.line) == [7, 8])
            #expect(error.description == "2 problems in \(dir)")
        }
    }

    @Test func namesAndFilesAreLeftToTheLoader() throws {
        try LexiconValidation.checkFolder("en-cx")
        try LexiconValidation.checkFolder("mine=/nonexistent/afinn.txt")
    }

    @Test func summaryCountsTermsPhrasesShiftersAndCues() throws {
        let dir = try LexiconImportTests.folder(text: ["afinn.txt": LexiconConversionTests.afinn])
        let loaded = try LexiconImportTests.load("tiny=afinn:\(dir)/afinn.txt")
        // The fixture vocabulary: 3 shifters and 1 cue.
        #expect(LexiconValidation.summary(loaded) == "ok: tiny imported (afinn): 3 scored terms, 1 phrases, 3 shifters, 1 cues")
    }

    @Test func lookupNamesTheConvertedAndTheOriginalLine() throws {
        let dir = try LexiconImportTests.folder(text: ["afinn.txt": LexiconConversionTests.afinn])
        let loaded = try LexiconImportTests.load("mine=\(dir)/afinn.txt")
        let found = try loaded.lookup("lousy")
        #expect(found.line == "lousy  valence -0.6  (afinn:mine/terms.tsv:8)  from \(dir)/afinn.txt:2")
        #expect(found.found)
        let missing = try loaded.lookup("splendid")
        #expect(missing.line == "splendid: not in mine")
        #expect(!missing.found)
    }

    @Test func formatsLineUpNamePolicyAndMapping() {
        #expect(LexiconFormat.afinn.overviewLine == "afinn           duplicates: refuse  valence = score / 5 (integers −5 … 5)")
        #expect(LexiconFormat.vader.overviewLine.hasPrefix("vader           duplicates: last    "))
    }

    @Test func notesAreCutToFiveWithoutVerbose() {
        let notes = (1...7).map { ImportNote(location: SourceLocation(file: "a.txt", line: $0), message: "skipped") }
        let short = ImportNote.report(notes, verbose: false)
        #expect(short == (1...5).map { "perceive: note: a.txt:\($0): skipped\n" }.joined()
                + "perceive: … and 2 more notes (--verbose lists them)\n")
        #expect(ImportNote.report(notes, verbose: true) == (1...7).map { "perceive: note: a.txt:\($0): skipped\n" }.joined())
        #expect(ImportNote.report(Array(notes.prefix(5)), verbose: false).split(separator: "\n").count == 5)
        #expect(ImportNote.report([], verbose: false) == "")
    }
}
