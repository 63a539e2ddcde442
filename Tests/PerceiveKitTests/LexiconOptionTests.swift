import Foundation
import Testing
@testable import PerceiveKit

/// Resolving `--lexicon` (embedded name, folder, NAME=PATH) and `--ruleset vader`'s files.
@Suite struct LexiconOptionTests {
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-lexopt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: (dir as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func embeddedNameLoadsTheBundledLexicon() throws {
        #expect(try LexiconReference.lexicon(forOption: "en-cx").name == "en-cx")
    }

    @Test func neitherNameNorFolderIsRefused() {
        #expect(throws: LexiconOptionError("--lexicon /nonexistent/lex: neither an embedded lexicon (\(BundledLexicons.names.joined(separator: ", "))) nor a lexicon folder")) {
            try LexiconReference.lexicon(forOption: "/nonexistent/lex")
        }
    }

    @Test func nameEqualsFileImportsIt() throws {
        let dir = try Self.folder(["afinn.txt": "good\t3\nbad\t-3\n"])
        let lexicon = try LexiconReference.lexicon(forOption: "mine=afinn:\(dir)/afinn.txt")
        #expect(lexicon.name == "mine")
    }

    @Test func vaderFolderGivesItsLexiconAndTheEmojiFileBeside() throws {
        let dir = try Self.folder(["vader_lexicon.txt": "good\t1.9\t0.9\t[2, 2]\n", "emoji_utf8_lexicon.txt": "😀\tgrinning face\n"])
        let files = try VADERLexicon.files(lexiconOption: "vader=\(dir)", emojiOption: nil)
        #expect(files.lexicon == "\(dir)/vader_lexicon.txt")
        #expect(files.emoji == "\(dir)/emoji_utf8_lexicon.txt")
        let given = try VADERLexicon.files(lexiconOption: "vader=\(dir)/vader_lexicon.txt", emojiOption: "e.txt")
        #expect(given.lexicon == "\(dir)/vader_lexicon.txt")
        #expect(given.emoji == "e.txt")
    }

    @Test func vaderWithoutAnEmojiFileBesideHasNone() throws {
        let dir = try Self.folder(["lex.txt": "good\t1.9\t0.9\t[2, 2]\n"])
        let files = try VADERLexicon.files(lexiconOption: "vader=\(dir)/lex.txt", emojiOption: nil)
        #expect(files.lexicon == "\(dir)/lex.txt")
        #expect(files.emoji == nil)
    }

    @Test func vaderRefusesEmbeddedNamesOtherFormatsAndMissingFiles() {
        let usage = "--ruleset vader needs VADER's lexicon file: --lexicon vader=PATH/vader_lexicon.txt (vaderSentiment's file)"
        #expect(throws: LexiconOptionError(usage)) { try VADERLexicon.files(lexiconOption: "en-cx", emojiOption: nil) }
        #expect(throws: LexiconOptionError("--lexicon a=afinn:x.txt: --ruleset vader reads VADER's format, not afinn")) {
            try VADERLexicon.files(lexiconOption: "a=afinn:x.txt", emojiOption: nil)
        }
        #expect(throws: LexiconOptionError("--lexicon vader=/nonexistent/v.txt: /nonexistent/v.txt: no such file or folder")) {
            try VADERLexicon.files(lexiconOption: "vader=/nonexistent/v.txt", emojiOption: nil)
        }
    }
}
