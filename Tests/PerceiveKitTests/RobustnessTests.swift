import Foundation
import Testing
@testable import PerceiveKit

/// Regression tests for what the fuzzers found (each named after what broke), and hostile
/// inputs to the library: tokenizer, scorer and lexicon loader. Each states its expected result.
@Suite struct RobustnessTests {
    /// Checks the tokenization contract: tokens in order without overlap, only white space
    /// between them, sentences that tile the text and hold their tokens.
    static func expectWellFormed(_ t: TokenizedText, _ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var previous = 0
        func gapIsSpace(_ a: Int, _ b: Int) -> Bool {
            String(decoding: bytes[a..<b], as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        }
        for token in t.tokens {
            #expect(Int(token.start) >= previous && token.start < token.end && Int(token.end) <= bytes.count, sourceLocation: sourceLocation)
            #expect(gapIsSpace(previous, Int(token.start)), "uncovered bytes before \(token.start)", sourceLocation: sourceLocation)
            previous = Int(token.end)
        }
        #expect(gapIsSpace(previous, bytes.count), sourceLocation: sourceLocation)
        var end: Int32 = t.sentences.first?.start ?? 0
        for (s, sentence) in t.sentences.enumerated() {
            #expect(sentence.start == end, sourceLocation: sourceLocation)
            for k in Int(sentence.firstToken)..<Int(sentence.endToken) {
                let token = t.tokens[k]
                #expect(token.sentence == Int32(s) && token.start >= sentence.start && token.end <= sentence.end,
                        "token \(k) \(token.start)..<\(token.end) outside sentence \(s) \(sentence.start)..<\(sentence.end)",
                        sourceLocation: sourceLocation)
            }
            end = sentence.end
        }
        #expect(t.tokens.isEmpty || Int(end) == bytes.count, sourceLocation: sourceLocation)
    }

    static func tokenize(_ bytes: [UInt8], locale: String = "en", useICU: Bool = false) throws -> TokenizedText {
        let tokenizer = try Tokenizer(locale: locale)
        var result = TokenizedText()
        try bytes.withUnsafeBufferPointer { (b) throws(TokenizerError) in try tokenizer.tokenize(b, into: &result, useICUForASCII: useICU) }
        return result
    }

    // MARK: - Found by fuzzing

    /// fuzz-tokenizer-ascii: in Swedish (and Finnish) ICU keeps "a:b" one word; the ASCII fast
    /// path split it. Expected: the fast path is off for such locales and the result is ICU's.
    @Test func asciiFastPathFollowsSwedishColonRule() throws {
        let bytes = Array("a:b ab:c".utf8)
        let fast = try Self.tokenize(bytes, locale: "sv")
        let icu = try Self.tokenize(bytes, locale: "sv", useICU: true)
        #expect(fast.tokens == icu.tokens && fast.sentences == icu.sentences)
        #expect(fast.tokens.map { [$0.start, $0.end] } == [[0, 3], [4, 8]])
        #expect(try Tokenizer(locale: "sv").usesASCIIFastPath == false)
        #expect(try Tokenizer(locale: "en").usesASCIIFastPath == true)
    }

    /// fuzz-tokenizer-ascii: `@ss=standard` suppresses sentence breaks after abbreviations.
    /// Expected: locales with keywords always use ICU; "Mr. Smith left." stays one sentence.
    @Test func asciiFastPathIsOffForLocaleKeywords() throws {
        let bytes = Array("Mr. Smith left. Dr. Who came.".utf8)
        let t = try Self.tokenize(bytes, locale: "en@ss=standard")
        // ICU's English suppressions hold "Mr." (no break after it) but not "Dr.".
        #expect(t.sentences.map { [$0.start, $0.end] } == [[0, 16], [16, 20], [20, 29]])
        #expect(try Self.tokenize(bytes, locale: "en").sentences.map { [$0.start, $0.end] } == [[0, 4], [4, 16], [16, 20], [20, 29]])
        #expect(try Tokenizer(locale: "en@ss=standard").usesASCIIFastPath == false)
    }

    /// fuzz-tokenizer: ICU's word and sentence rules disagreed on text with control characters,
    /// and a token crossed its sentence's end. Expected: the token stays whole in its sentence.
    @Test func tokenCrossingASentenceBreakStaysInItsSentence() throws {
        let hex = "4450002e004d002e0063652031772008d8a77374692e656c6cd984d8aed8afd985d8a920d8b3d98ad8a62ed8a920"
            + "d8acd8afd8a7d88c706872617365aad8b80bb1d8aa20d8b3d8a7d8b9d8aad98ad9862e"
        var bytes: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            bytes.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        #expect(bytes.count == 81)
        Self.expectWellFormed(try Self.tokenize(bytes, locale: "de"), bytes)
    }

    /// Output: `CommentScore.text(_:_:)` copied the whole comment for every evidence item, so a
    /// 5 MB comment never finished writing JSON. Expected: the exact slice, found by offset.
    @Test func evidenceTextIsFoundByOffsetNotByCopy() throws {
        let scorer = try Scorer()
        let comment = "Ünïcödé 👍🏽 — very bad, but great."
        let result = try scorer.score(comment)
        for e in result.evidence {
            let expected = String(decoding: Array(comment.utf8)[Int(e.start)..<Int(e.end)], as: UTF8.self)
            #expect(result.text(e.start, e.end) == expected)
        }
        #expect(result.text(0, 0) == "")
        #expect(!result.evidence.isEmpty)
    }

    /// Issue 15, item 3: `share(of:)` summed every evidence item for each item, so writing the
    /// evidence of a 1 MB comment took minutes. Expected: the denominators once per comment
    /// (`shareTotals()`), and 100,000 shares that are exact and add up to the scores.
    @Test func evidenceSharesOfManyContributionsAreNotQuadratic() throws {
        let repeats = 20_000  // each "good good bad easy" adds 4 emotion and 1 effort contribution
        let comment = String(repeating: "good good bad easy ", count: repeats)
        let result = try Fixture.scorer(rules: [LexiconRule()]).score(comment)
        #expect(result.evidence.count == 100_000)
        let totals = result.shareTotals()
        expectClose(totals[.emotion], 1.9 * Double(repeats), tolerance: 1e-6)
        expectClose(totals[.effort], 0.7 * Double(repeats), tolerance: 1e-6)
        #expect(totals[.success] == 0 && totals[.emotions] == 0)
        var sums = [0.0, 0.0], wrong = 0
        for e in result.evidence {
            let share = try #require(result.share(of: e, totals: totals))
            if share != e.contribution * abs(e.contribution) / totals[e.dimension] { wrong += 1 }
            sums[e.dimension == .emotion ? 0 : 1] += share
        }
        #expect(wrong == 0)
        expectClose(result.scores.emotion, 0.41 / 1.9, tolerance: 1e-12)
        expectClose(sums[0], result.scores.emotion, tolerance: 1e-9)
        expectClose(sums[1], 0.7, tolerance: 1e-9)
        expectClose(result.scores.effort, 0.7, tolerance: 1e-12)
        // The one-item form agrees with the precomputed one.
        #expect(result.share(of: result.evidence[2]) == result.share(of: result.evidence[2], totals: totals))
        // JSON carries every share.
        let json = ScoreFormatter(lexicon: Fixture.lexicon, parameters: .standard).json(result, id: nil)
        #expect(json.components(separatedBy: "\"share\":").count - 1 == 100_000)
    }

    static let partialsHeader = "{\"format\":\"perceive-segment-partials\",\"version\":1,\"scale\":\"2^52\",\"lexicon\":\"en-cx\",\"neutralBand\":0.05,\"columns\":[\"comment\"],\"by\":[\"Region\"],\"groupings\":[[],[0]],\"rows\":3,\"rowErrors\":0}"
    static func partialsLine(n: String = "3", sum: String = "123") -> String {
        "{\"column\":0,\"grouping\":0,\"values\":[],\"n\":\(n),\"coverage\":[3,1,2],\"dimensions\":[{\"n\":3,\"sum\":\"\(sum)\",\"sumOfSquares\":\"456\",\"bands\":[1,1,1]},{\"n\":1,\"sum\":\"-7\",\"sumOfSquares\":\"49\",\"bands\":[1,0,0]},{\"n\":2,\"sum\":\"0\",\"sumOfSquares\":\"8\",\"bands\":[1,0,1]},{\"n\":3,\"sum\":\"5\",\"sumOfSquares\":\"9\",\"bands\":[0,2,1]}],\"emotions\":{},\"drivers\":{}}"
    }

    /// fuzz-partials: two lines of one segment with n = Int.max overflowed when merged (a
    /// trap in `perceive merge`). Expected: refused with file:line, no trap.
    @Test func partialsWithCountsThatWouldOverflowAreRefused() throws {
        let lines = [Self.partialsHeader, Self.partialsLine(n: "9223372036854775807"), Self.partialsLine()]
        let error = #expect(throws: InputError.self) { try SegmentStatistics.parsePartials(lines, file: "p.ndjson") }
        #expect(error?.line == 2)
        let huge = [Self.partialsHeader, Self.partialsLine(sum: "170141183460469231731687303715884105727"), Self.partialsLine()]
        #expect(throws: InputError.self) { try SegmentStatistics.parsePartials(huge, file: "p.ndjson") }
        let fine = try SegmentStatistics.parsePartials([Self.partialsHeader, Self.partialsLine(), Self.partialsLine()], file: "p.ndjson")
        #expect(fine.summary().rowsRead == 3)
    }

    /// fuzz-partials: a grouping naming a `by` position that does not exist indexed out of
    /// range in `summary()`. Expected: refused at the header line.
    @Test func partialsWithGroupingOutsideByAreRefused() throws {
        let header = Self.partialsHeader.replacingOccurrences(of: "[[],[0]]", with: "[[],[5]]")
        let error = #expect(throws: InputError.self) { try SegmentStatistics.parsePartials([header, Self.partialsLine()], file: "p.ndjson") }
        #expect(error?.line == 1)
    }

    /// Issue 15, item 10: `merge` accepted partials no data could produce: a sum implying a
    /// mean outside −1…1, a sum of squares below what the sum implies (a negative variance), a
    /// fractional n (read as its integer part). Expected: each refused at its line.
    @Test func impossiblePartialsAreRefusedAtTheirLine() throws {
        let one = 1 << 52  // 1.0 in the partials' fixed point
        let cases: [(String, String)] = [
            (Self.partialsLine(sum: String(4 * one)),
             "p.ndjson:2:1: dimension emotion: sum \(4 * one) over n = 3 implies a mean outside −1…1"),
            (Self.partialsLine(sum: String(-4 * one)),
             "p.ndjson:2:1: dimension emotion: sum \(-4 * one) over n = 3 implies a mean outside −1…1"),
            (Self.partialsLine(sum: String(3 * one)),
             "p.ndjson:2:1: dimension emotion: sum of squares 456 is below what the sum \(3 * one) implies over n = 3 (a negative variance)"),
            (Self.partialsLine(n: "2.5"), "p.ndjson:2:1: expected a whole number n, found 2.5"),
            (Self.partialsLine().replacingOccurrences(of: "\"sumOfSquares\":\"456\"", with: "\"sumOfSquares\":\"\(4 * one)\""),
             "p.ndjson:2:1: dimension emotion: sum of squares \(4 * one) is outside 0…n (n = 3)"),
            (Self.partialsLine().replacingOccurrences(of: "\"bands\":[1,1,1]", with: "\"bands\":[1,1.5,1]"),
             "p.ndjson:2:1: expected n, sum, sumOfSquares and bands (whole numbers n and bands) in dimension 1"),
        ]
        for (line, message) in cases {
            let error = #expect(throws: InputError.self) { try SegmentStatistics.parsePartials([Self.partialsHeader, line], file: "p.ndjson") }
            #expect(error?.description == message)
        }
        // The bounds themselves are possible: a mean of exactly 1 with its squares.
        let edge = Self.partialsLine(sum: String(3 * one)).replacingOccurrences(of: "\"sumOfSquares\":\"456\"", with: "\"sumOfSquares\":\"\(3 * one)\"")
        #expect(try SegmentStatistics.parsePartials([Self.partialsHeader, edge], file: "p.ndjson").summary().rowsRead == 3)
    }

    // MARK: - Hostile text to the library

    /// Expected: invalid UTF-8, lone surrogates, overlong forms, NUL and control bytes are
    /// all covered by tokens (ICU reads them as U+FFFD); nothing is skipped.
    @Test func tokenizerCoversArbitraryBytes() throws {
        let inputs: [[UInt8]] = [
            [0xFF, 0xFE, 0x61, 0xC3, 0x28], [0xED, 0xA0, 0x80, 0x20, 0xC0, 0xAF], [0x00, 0x01, 0x1F, 0x7F],
            [0xE2, 0x82], Array("a\u{0B}b\u{0C}c\u{85}d\u{2028}e".utf8), [0x0A, 0x0D, 0x0A, 0x0D],
        ]
        for bytes in inputs {
            for locale in ["en", "ja", "th", "ar"] { Self.expectWellFormed(try Self.tokenize(bytes, locale: locale), bytes) }
        }
    }

    /// Expected: scored with every score in range: emoji ZWJ sequences, RTL, mixed scripts,
    /// full-width letters, combining marks.
    @Test func scorerKeepsScoresInRangeOnHostileText() throws {
        let scorer = try Scorer()
        for text in ["👨‍👩‍👧‍👦👍🏽🇩🇪1️⃣\u{200D}\u{200D}", "\u{202E}lamroN\u{202C} bad", "Ｖｅｒｙ ＧＯＯＤ", "e\u{301}\u{301}\u{301}\u{301} bad",
                     "الخدمة bad 服务 good", String(repeating: "NOT BAD!!! ", count: 2000), "", " \t ", "\u{0}"] {
            let r = try scorer.score(text)
            for v in [r.scores.emotion, r.scores.cx] + [r.scores.effort, r.scores.success].compactMap({ $0 }) {
                #expect(v >= -1 && v <= 1)
            }
            #expect(Scores.aggregate(r.evidence, lexicon: scorer.lexicon, parameters: scorer.parameters) == r.scores)
        }
    }

    /// Expected: 10⁵ exclamation marks after a cue: one contribution, score within [-1, 1].
    @Test func extremeEmphasisStaysInRange() throws {
        let scorer = try Scorer()
        let r = try scorer.score("bad" + String(repeating: "!", count: 100_000))
        #expect(r.scores.emotion >= -1 && r.scores.emotion < 0)
        for e in r.evidence {
            #expect(e.contribution == e.adjustments.reduce(e.base) { $0 * $1.factor })
        }
    }

    /// Expected: a lexicon folder whose manifest is UTF-16 is refused with the file's name.
    @Test func lexiconInUTF16IsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-robustness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0xFF, 0xFE] + "{\"format\":\"perceive-lexicon/1\"}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: dir.appendingPathComponent("manifest.json"))
        let error = #expect(throws: LexiconError.self) { try LexiconLoader.load(directory: dir.path) }
        #expect(error?.file.hasSuffix("manifest.json") == true)
        #expect(error?.message == "is not valid UTF-8")
    }

    // MARK: - Found by fuzz-csv and fuzz-import

    static func readCSV(_ bytes: [UInt8]) throws -> [CSVRecord] {
        let reader = try CSVCommentReader(path: try CSVCommentReaderTests.file(bytes), delimiter: 0x2C)
        var records: [CSVRecord] = []
        while let r = try reader.next() { records.append(r) }
        return records
    }

    /// fuzz-csv: a first field starting with U+FEFF was written bare by `CSVText.row`, and read
    /// back without it (the reader skips a byte-order mark at the start of a file). Now quoted.
    @Test func csvFieldStartingWithBOMReadsBack() throws {
        let fields = [["\u{FEFF}x1et"], ["\r\n\u{FFFD}\0\0\0t0"]]
        let written = fields.map { CSVText.row($0) }.joined(separator: "\n") + "\n"
        #expect(written.hasPrefix("\"\u{FEFF}x1et\"\n"))
        let back = try Self.readCSV(Array(written.utf8))
        #expect(back.map { $0.fields.map { Array($0.utf8) } } == fields.map { $0.map { Array($0.utf8) } })
        #expect(back.allSatisfy { $0.error == nil })
    }

    /// fuzz-csv: `CSVText.quote` doubles quotes with `String.replacing`, which matches whole
    /// Characters, so a quote joined by a combining mark (a quote and U+0301 are one Character)
    /// is written undoubled and the field reads back cut, with an error. Fixed: quotes are
    /// doubled byte by byte.
    @Test func csvQuoteDoublesAQuoteJoinedByACombiningMark() throws {
        let field = "a\"\u{301}b"
        #expect(Array(CSVText.quote(field).utf8) == Array("\"a\"\"\u{301}b\"".utf8))
        let back = try Self.readCSV(Array((CSVText.row(["x", field]) + "\n").utf8))
        #expect(back.first?.error == nil)
        #expect(back.first.map { $0.fields.map { Array($0.utf8) } } == [Array("x".utf8), Array(field.utf8)])
    }

    static func importVADER(_ text: String, after lexiconText: String? = nil) throws -> ImportedLexicon {
        var lexicon = ImportedLexicon(name: "fuzz", format: .vader, source: "test")
        if let lexiconText { try LexiconFormat.vader.read(text: lexiconText, file: "vader_lexicon.txt", into: &lexicon) }
        try LexiconFormat.vader.read(text: text, file: "fuzz.txt", into: &lexicon)
        return lexicon
    }

    /// fuzz-import: the VADER importer trapped (index out of range,
    /// `VADERLexiconFormat+Import.swift:22`) on a one-field line; the fuzzer's input (first
    /// byte dropped: it picks the format) is one line ending in a tab. Expected now: a clean
    /// `LexiconError`, with its line, for it and for one-field lines of either VADER file.
    @Test func vaderImportOfOneFieldLineIsRefused() throws {
        let crash: [UInt8] = [0x01, 0xC3, 0xC4, 0xC4, 0x02, 0xDF, 0x90, 0x8F, 0x96] + Array("ngoodL".utf8)
            + [0xC4, 0xC4, 0x02, 0xDF, 0x90, 0x8B, 0x96] + Array("ngood".utf8) + [0xFF, 0xFF, 0xFF, 0x01, 0x01, 0x6F, 0x09]
        let first = #expect(throws: LexiconError.self) { try Self.importVADER(String(decoding: crash, as: UTF8.self)) }
        #expect(first?.message == "an emoji file needs the VADER lexicon file before it (emoji take the valence of their description's words)")
        let second = #expect(throws: LexiconError.self) { try Self.importVADER("😀\tgood\n🙂\t\n", after: "good\t1.9\t0.9\t[2, 2]\n") }
        #expect(second?.description == "fuzz.txt:2:1: expected emoji<TAB>description")
        let third = #expect(throws: LexiconError.self) { try Self.importVADER("good\n") }
        #expect(third?.description == "fuzz.txt:1:1: expected token<TAB>mean<TAB>sd<TAB>[ratings]")
    }

    // MARK: - Issue 15, item 11: locales and lexicon folders

    /// `--lang` took any string (ICU falls back to its root rules). Expected: known locales
    /// pass, others are refused with the reason.
    @Test func unknownLocalesAreRefused() {
        for known in ["en", "en-GB", "en_US", "en@ss=standard", "sv", "ja", "th", "", "root"] {
            #expect(Tokenizer.problem(withLocale: known) == nil, "\(known)")
        }
        #expect(Tokenizer.problem(withLocale: "xx-NOPE") == "ICU has no data for the language \"xx\"")
        #expect(Tokenizer.problem(withLocale: "../../etc") == "expected an ICU locale (letters, digits and - _ @ = ;)")
        #expect(Tokenizer.problem(withLocale: String(repeating: "a", count: 5000)) == "expected an ICU locale of at most 100 characters, found 5000")
        #expect(Tokenizer.problem(withLocale: "_GB") == "expected an ICU locale starting with a language code")
        #expect(Tokenizer.availableLocales.contains("en") && Tokenizer.availableLocales.contains("ja"))
    }

    static func fixtureManifest(_ replace: String, with replacement: String) -> InMemoryLexiconSource {
        var files = Fixture.files
        files["manifest.json"] = Fixture.manifest.replacingOccurrences(of: replace, with: replacement)
        return InMemoryLexiconSource(displayName: "t", files: files)
    }

    /// A manifest could name `../../etc/passwd` or an absolute path as a term file. Expected:
    /// refused at the manifest's line.
    @Test func manifestPathsOutsideTheLexiconFolderAreRefused() throws {
        for path in ["../terms.tsv", "/etc/passwd", "terms/../../x.tsv", ""] {
            let source = Self.fixtureManifest("\"terms.tsv\", \"phrases.tsv\"", with: "\"\(path)\", \"phrases.tsv\"")
            let error = #expect(throws: LexiconError.self) { try LexiconLoader.load(from: source) }
            #expect(error?.description == "t/manifest.json:8: terms path \"\(path)\" is not a relative path inside the lexicon folder (no \"..\", not absolute)")
        }
        let cue = Self.fixtureManifest("\"cues.tsv\"", with: "\"../cues.tsv\"")
        #expect(LexiconLoader.problems(in: cue).map(\.description)
                    == ["t/manifest.json:10: cues path \"../cues.tsv\" is not a relative path inside the lexicon folder (no \"..\", not absolute)"])
    }

    /// Expected: a manifest listing no term files is refused; so are Plutchik and Ekman names
    /// that are not among the eight and the six.
    @Test func emptyTermListAndUnknownEmotionFamiliesAreRefused() throws {
        let empty = Self.fixtureManifest("\"terms\": [\"terms.tsv\", \"phrases.tsv\"]", with: "\"terms\": []")
        #expect(LexiconLoader.problems(in: empty).map(\.description) == ["t/manifest.json:8: lists no term files (\"terms\": [])"])
        let plutchik = Self.fixtureManifest("\"plutchik\": \"anger\"", with: "\"plutchik\": \"rage\"")
        #expect(LexiconLoader.problems(in: plutchik).map(\.description) == ["t/manifest.json:13: emotion category \"anger\": unknown Plutchik "
            + "emotion \"rage\" (expected one of anger, anticipation, disgust, fear, joy, sadness, surprise, trust)"])
        let ekman = Self.fixtureManifest("\"ekman\": \"joy\"", with: "\"ekman\": \"glee\"")
        #expect(LexiconLoader.problems(in: ekman).map(\.description) == ["t/manifest.json:12: emotion category \"joy\": unknown Ekman "
            + "emotion \"glee\" (expected one of anger, disgust, fear, joy, sadness, surprise, or null)"])
    }

    /// A lexicon folder without manifest.json was reported as an unreadable file. Expected: a
    /// message that says the manifest is missing and what it is.
    @Test func lexiconFolderWithoutManifestSaysSo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perceive-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: LexiconError.self) { try LexiconLoader.load(directory: directory.path) }
        #expect(error?.message.hasPrefix("no manifest.json in this folder: a lexicon folder names its term, shifter and cue files") == true)
    }

    /// Expected: an empty manifest is refused as invalid JSON, naming the file.
    @Test func emptyLexiconManifestIsRefused() throws {
        let error = #expect(throws: LexiconError.self) {
            try LexiconLoader.load(from: InMemoryLexiconSource(displayName: "t", files: ["manifest.json": ""]))
        }
        #expect(error?.file == "t/manifest.json")
    }
}
