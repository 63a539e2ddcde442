import Foundation
import Testing
@testable import PerceiveKit

/// `lexicon convert` in the library (``LexiconConversion``) and the options of the lexicon
/// commands: `--from`, `--on-duplicate`, `--category-map`.
@Suite struct LexiconConversionTests {
    static let afinn = "superb\t5\nlousy\t-3\nfall short\t-2\n"

    @Test func convertsAnAfinnFileIntoANativeFolderThatLoads() throws {
        let dir = try LexiconImportTests.folder(text: ["afinn.txt": Self.afinn])
        let output = dir + "/tiny"
        let conversion = try LexiconConversion(inputs: [dir + "/afinn.txt"], output: output)
        #expect(conversion.name == "tiny")
        #expect(conversion.format == .afinn)
        let result = try conversion.write(version: "1", license: "CC0-1.0", options: LexiconImportTests.options)
        // The fixture vocabulary's 3 shifters (not, very, but) come with the terms.
        #expect(result.description == "wrote \(output): tiny from afinn, 3 scored terms (1 phrases), 3 shifters, 0 with named emotions; 0 notes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == ["cues.tsv", "manifest.json", "shifters.tsv", "terms.tsv"])
        let lexicon = try LexiconLoader.load(directory: output)
        #expect(lexicon.version == "1")
        #expect(try LexiconImportTests.term(lexicon, "fall short")?.valence == -0.4)
    }

    @Test func anExistingLexiconFolderIsOnlyOverwrittenWhenAllowed() throws {
        let dir = try LexiconImportTests.folder(text: ["afinn.txt": Self.afinn])
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try "{}".write(toFile: dir + "/out/manifest.json", atomically: true, encoding: .utf8)
        #expect(throws: LexiconError(file: dir + "/out", "already holds a lexicon (--force overwrites it)")) {
            try LexiconConversion(inputs: [dir + "/afinn.txt"], output: dir + "/out")
        }
        let conversion = try LexiconConversion(inputs: [dir + "/afinn.txt"], format: .afinn, output: dir + "/out/", name: "mine", overwrite: true)
        #expect(conversion.name == "mine")
        #expect(try conversion.write(options: LexiconImportTests.options).statistics.scoredTerms == 3)
    }

    @Test func aDuplicateFollowsThePolicyGiven() throws {
        let dir = try LexiconImportTests.folder(text: ["afinn.txt": "superb\t5\nsuperb\t3\n"])
        let conversion = try LexiconConversion(inputs: [dir + "/afinn.txt"], output: dir + "/out")
        #expect(throws: LexiconError.self) { try conversion.write(options: LexiconImportTests.options) }
        let result = try conversion.write(duplicatePolicy: .mean, options: LexiconImportTests.options)
        #expect(result.notes.map(\.message) == ["duplicate term \"superb\": averaged with the one at \(dir)/afinn.txt:1"])
    }

    @Test func onDuplicateTakesThePoliciesByName() throws {
        #expect(try DuplicatePolicy(option: "mean") == .mean)
        #expect(throws: LexiconOptionError("--on-duplicate keep: expected one of refuse, first, last, mean")) {
            try DuplicatePolicy(option: "keep")
        }
    }

    @Test func fromTakesTheImportFormatsOnly() throws {
        #expect(try LexiconFormat(importOption: "nrc-vad") == .nrcVAD)
        #expect(LexiconFormat.importFormats == [.afinn, .huliu, .nrcEmolex, .nrcVAD, .sentimentrCSV, .vader])
        #expect(throws: LexiconOptionError("--from native: expected one of afinn, huliu, nrc-emolex, nrc-vad, sentimentr-csv, vader")) {
            try LexiconFormat(importOption: "native")
        }
    }

    @Test func aCategoryMapFileReplacesEntriesOfTheDefaultMap() throws {
        let dir = try LexiconImportTests.folder(text: ["map.json": "{\"Anticipation\": \"joy\", \"fear\": null}", "bad.json": "[1, 2]"])
        let map = try ImportOptions(categoryMapFile: dir + "/map.json").nrcCategoryMap
        #expect(map["anticipation"] == .some("joy"))
        #expect(map["fear"] == .some(nil))
        #expect(map["anger"] == .some("anger"))
        #expect(try ImportOptions(categoryMapFile: nil).nrcCategoryMap == NRCEmoLexLexiconFormat.defaultCategoryMap)
        #expect(throws: LexiconError(file: dir + "/bad.json", "expected a JSON object {\"nrc category\": \"our category\" or null}")) {
            try ImportOptions(categoryMapFile: dir + "/bad.json")
        }
    }
}
