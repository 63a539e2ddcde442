import Testing
@testable import PerceiveKit

// Every data file below has the four header lines (lines 1–4), the column header (line 5)
// and its rows from line 6 on, so a row's line number is 5 + its position.

private let header = "# lexicon: t\n# version: 1\n# source: tests\n# license: CC0-1.0\n"
private let termColumns = "term\tvalence\teffort\tsuccess\temotions\n"
private let shifterColumns = "term\tkind\tweight\n"
private let cueColumns = "term\tkind\tvalue\n"

private func manifest(format: String = "perceive-lexicon/1", terms: [String] = ["terms.tsv"],
                      emotions: [String] = ["joy", "anger"]) -> String {
    let quoted = terms.map { "\"\($0)\"" }.joined(separator: ", ")
    let declared = emotions.map { "    { \"name\": \"\($0)\", \"plutchik\": \"joy\", \"ekman\": null }" }.joined(separator: ",\n")
    return """
        {
          "format": "\(format)",
          "name": "t",
          "version": "1",
          "language": "en",
          "license": "CC0-1.0",
          "source": "tests",
          "terms": [\(quoted)],
          "shifters": ["shifters.tsv"],
          "cues": ["cues.tsv"],
          "emotions": [
        \(declared)
          ]
        }
        """
}

/// Loads a lexicon named "test" from the given rows (each file gets the standard header
/// and column header unless `raw` files replace them).
private func load(
    terms: [String] = ["good\t0.5"], more: [String]? = nil, shifters: [String] = [], cues: [String] = [],
    raw: [String: String] = [:], manifestText: String? = nil
) throws -> Lexicon {
    func file(_ columns: String, _ rows: [String]) -> String { header + columns + rows.map { $0 + "\n" }.joined() }
    var files = [
        "manifest.json": manifestText ?? manifest(terms: more == nil ? ["terms.tsv"] : ["terms.tsv", "more.tsv"]),
        "terms.tsv": file(termColumns, terms),
        "shifters.tsv": file(shifterColumns, shifters),
        "cues.tsv": file(cueColumns, cues),
    ]
    if let more { files["more.tsv"] = file(termColumns, more) }
    files.merge(raw) { $1 }
    return try LexiconLoader.load(from: InMemoryLexiconSource(displayName: "test", files: files))
}

/// Expects loading to fail with exactly `expected`, and its description to start with `file:line`.
private func expectError(
    _ expected: LexiconError, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Lexicon
) {
    let error = #expect(throws: LexiconError.self, sourceLocation: sourceLocation) { _ = try body() }
    guard let error else { return }
    #expect(error == expected, sourceLocation: sourceLocation)
    #expect(error.line != nil, "no line in \(error)", sourceLocation: sourceLocation)
}

// MARK: - Errors

@Test func missingHeaderLine() {
    let terms = "# lexicon: t\n# version: 1\n# source: tests\n" + termColumns + "good\t0.5\n"
    expectError(LexiconError(file: "test/terms.tsv", line: 4, "missing header line \"# license: …\" before the column header")) {
        try load(raw: ["terms.tsv": terms])
    }
    let error = #expect(throws: LexiconError.self) { try load(raw: ["terms.tsv": terms]) }
    #expect(error?.description == "test/terms.tsv:4: missing header line \"# license: …\" before the column header")
}

@Test func wrongColumnHeader() {
    let terms = header + "term\tvalence\teffort\tsuccess\n" + "good\t0.5\n"
    expectError(LexiconError(file: "test/terms.tsv", line: 5, column: 1,
        "expected the column header \"term<TAB>valence<TAB>effort<TAB>success<TAB>emotions\", found \"term<TAB>valence<TAB>effort<TAB>success\"")) {
        try load(raw: ["terms.tsv": terms])
    }
    let shifters = header + "term\tweight\tkind\n"
    expectError(LexiconError(file: "test/shifters.tsv", line: 5, column: 1,
        "expected the column header \"term<TAB>kind<TAB>weight\", found \"term<TAB>weight<TAB>kind\"")) {
        try load(raw: ["shifters.tsv": shifters])
    }
}

@Test func nonNumericValueNamesItsColumn() {
    expectError(LexiconError(file: "test/terms.tsv", line: 7, column: 5, "valence \"abc\" is not a number")) {
        try load(terms: ["good\t0.5", "bad\tabc"])
    }
    expectError(LexiconError(file: "test/terms.tsv", line: 6, column: 10, "effort \"lots\" is not a number")) {
        try load(terms: ["easy\t0.4\tlots"])
    }
    let error = #expect(throws: LexiconError.self) { try load(terms: ["easy\t0.4\tlots"]) }
    #expect(error?.description == "test/terms.tsv:6:10: effort \"lots\" is not a number")
    expectError(LexiconError(file: "test/shifters.tsv", line: 6, column: 18, "weight \"much\" is not a number")) {
        try load(shifters: ["very\tintensifier\tmuch"])
    }
}

@Test func outOfRangeValue() {
    expectError(LexiconError(file: "test/terms.tsv", line: 6, column: 6, "valence 1.5 is outside -1.0…1.0")) {
        try load(terms: ["good\t1.5"])
    }
    expectError(LexiconError(file: "test/terms.tsv", line: 6, column: 12, "success -2 is outside -1.0…1.0")) {
        try load(terms: ["lost\t-0.5\t\t-2"])
    }
    expectError(LexiconError(file: "test/shifters.tsv", line: 6, column: 18, "weight 2.5 is outside 0.0…2.0")) {
        try load(shifters: ["very\tintensifier\t2.5"])
    }
}

@Test func unknownEmotion() {
    expectError(LexiconError(file: "test/terms.tsv", line: 6, column: 12,
                             "unknown emotion \"joyful\" (the manifest declares joy, anger)")) {
        try load(terms: ["good\t0.5\t\t\tjoyful:0.5"])
    }
    expectError(LexiconError(file: "test/terms.tsv", line: 6, column: 12, "intensity \"1.5\" of joy must be a number in (0, 1]")) {
        try load(terms: ["good\t0.5\t\t\tjoy:1.5"])
    }
}

@Test func termWithoutAnyScore() {
    expectError(LexiconError(file: "test/terms.tsv", line: 6, "term \"good\" has no valence, effort, success or emotions")) {
        try load(terms: ["good\t\t\t"])
    }
}

@Test func tooManyFields() {
    expectError(LexiconError(file: "test/terms.tsv", line: 6,
        "expected at most 5 TAB-separated fields (term, valence, effort, success, emotions), found 6")) {
        try load(terms: ["good\t0.5\t\t\t\textra"])
    }
}

@Test func duplicateTermGivesTheFirstLocation() {
    expectError(LexiconError(file: "test/terms.tsv", line: 8, column: 1, "duplicate term \"good\" (first defined at test/terms.tsv:6)")) {
        try load(terms: ["good\t0.5", "bad\t-0.5", "good\t0.6"])
    }
    expectError(LexiconError(file: "test/more.tsv", line: 6, column: 1, "duplicate term \"good\" (first defined at test/terms.tsv:6)")) {
        try load(terms: ["good\t0.5"], more: ["good\t0.6"])
    }
}

@Test func duplicateTermsAfterCaseFolding() {
    expectError(LexiconError(file: "test/terms.tsv", line: 7, column: 1, "duplicate term \"Wi-Fi\" (first defined at test/terms.tsv:6)")) {
        try load(terms: ["Wi-Fi\t0.2", "wi-fi\t0.2"])
    }
}

@Test func shifterThatIsAlsoAScoredTerm() {
    expectError(LexiconError(file: "test/shifters.tsv", line: 6, column: 1,
                             "\"good\" is a scored term at test/terms.tsv:6 and may not also be a shifter")) {
        try load(terms: ["good\t0.5"], shifters: ["good\tintensifier\t0.3"])
    }
}

@Test func duplicateShifterGivesTheFirstLocation() {
    expectError(LexiconError(file: "test/shifters.tsv", line: 7, column: 1, "duplicate shifter \"not\" (first defined at test/shifters.tsv:6)")) {
        try load(shifters: ["not\tnegator", "not\tnegator"])
    }
    // The curly apostrophe folds to the straight one: the same shifter twice.
    expectError(LexiconError(file: "test/shifters.tsv", line: 7, column: 1, "duplicate shifter \"don't\" (first defined at test/shifters.tsv:6)")) {
        try load(shifters: ["don't\tnegator", "don’t\tnegator"])
    }
}

@Test func unknownShifterOrCueKind() {
    expectError(LexiconError(file: "test/shifters.tsv", line: 6, column: 6,
                             "expected a shifter kind (negator, intensifier, diminisher, contrast, concessive)")) {
        try load(shifters: ["very\tbooster\t0.3"])
    }
    expectError(LexiconError(file: "test/cues.tsv", line: 6, column: 9,
        "expected a cue kind (duration-unit, number, count, times, ordinal, contact, repeat, transfer, persistence, resolution, first-time, quick, ago, goal, product, obtain, blocked, burden, action, delay-context, process-context, duration-lead, wait-context, sarcasm, measured, done, unrealized, stay, currency, limit, setting, frame, counterfactual, early)")) {
        try load(cues: ["minutes\tunit\t1"])
    }
}

@Test func shifterKindWithoutItsWeight() {
    expectError(LexiconError(file: "test/shifters.tsv", line: 6, "an intensifier needs a weight")) {
        try load(shifters: ["very\tintensifier"])
    }
    expectError(LexiconError(file: "test/shifters.tsv", line: 6, "a diminisher needs a weight")) {
        try load(shifters: ["slightly\tdiminisher\t"])
    }
}

private let cuesWithoutValue: [(String, String)] = [
    ("minutes\tduration-unit", "a duration-unit cue needs a value"),
    ("three\tnumber", "a number cue needs a value"),
    ("twice\tcount\t", "a count cue needs a value"),
    ("third\tordinal", "an ordinal cue needs a value"),
]

@Test(arguments: cuesWithoutValue)
func cueKindWithoutItsValue(_ row: String, _ message: String) {
    expectError(LexiconError(file: "test/cues.tsv", line: 6, message)) { try load(cues: [row]) }
}

@Test func cueKindsWithoutValuesLoad() throws {
    let lexicon = try load(cues: ["called\tcontact", "times\ttimes", "ago\tago"])
    #expect(lexicon.entries.first { $0.term == "called" }?.cues.kinds == [.contact])
}

@Test func badManifestFormat() {
    // Line 2 of the manifest is the "format" field.
    expectError(LexiconError(file: "test/manifest.json", line: 2, "format is \"perceive-lexicon/2\", expected \"perceive-lexicon/1\"")) {
        try load(manifestText: manifest(format: "perceive-lexicon/2"))
    }
}

@Test func emotionCategoryDeclaredTwice() {
    // Lines 12 and 14 of the manifest declare "joy".
    expectError(LexiconError(file: "test/manifest.json", line: 14, "emotion category \"joy\" is declared twice")) {
        try load(manifestText: manifest(emotions: ["joy", "anger", "joy"]))
    }
}

@Test func missingManifestFieldIsNamed() {
    let text = manifest().replacingOccurrences(of: "\"terms\": [\"terms.tsv\"],\n", with: "")
    let error = #expect(throws: LexiconError.self) { try load(manifestText: text) }
    #expect(error?.file == "test/manifest.json")
    #expect(error?.message == "missing field \"terms\"")
}

// MARK: - Matching

/// The entry terms matched in `text`, in order.
private func matchedTerms(_ text: String, _ lexicon: Lexicon) throws -> [String] {
    let scorer = try Scorer(lexicon: lexicon, ruleset: Ruleset(name: "none", parameters: p, rules: []))
    return try scorer.analysis(of: text).0.matches.map { lexicon.entries[Int($0.entry)].term }
}

@Test func longestEntryWinsAtEachPosition() throws {
    let lexicon = try load(terms: ["wait\t-0.1", "wait time\t-0.3", "wait time estimate\t0.2", "time\t0.05"])
    #expect(lexicon.entries.map(\.tokenCount) == [1, 2, 3, 1])
    #expect(try matchedTerms("the wait time estimate", lexicon) == ["wait time estimate"])
    #expect(try matchedTerms("the wait time was long", lexicon) == ["wait time"])
    #expect(try matchedTerms("the wait, time", lexicon) == ["wait", "time"])
    #expect(try matchedTerms("time to wait", lexicon) == ["time", "wait"])
}

@Test func phrasesMatchOnConsecutiveTokens() throws {
    // The fixture has both "hold" (-0.1) and "on hold" (effort -0.6).
    #expect(try matchedTerms("on hold", Fixture.lexicon) == ["on hold"])
    #expect(try matchedTerms("hold on", Fixture.lexicon) == ["hold"])
    #expect(try matchedTerms("on the hold", Fixture.lexicon) == ["hold"])
}

@Test func termsAreCaseFolded() throws {
    let lexicon = try load(terms: ["Wi-Fi\t0.2", "good\t0.5"])
    #expect(lexicon.entries[0].term == "Wi-Fi")
    // The hyphen joining two words is skipped by matching: "Wi-Fi" is the two tokens wi, fi.
    #expect(lexicon.entries[0].tokenCount == 2)
    for text in ["wi-fi", "Wi-Fi", "WI-FI", "wI-fI", "wi fi"] {
        #expect(try matchedTerms(text, lexicon) == ["Wi-Fi"], "\(text)")
    }
    #expect(try matchedTerms("wifi", lexicon).isEmpty)
    #expect(try matchedTerms("GOOD", lexicon) == ["good"])
}

@Test func curlyApostropheMatchesTheStraightOne() throws {
    let lexicon = try load(terms: ["good\t0.5"], shifters: ["don't\tnegator", "won’t\tnegator"])
    #expect(try matchedTerms("don’t", lexicon) == ["don't"])
    #expect(try matchedTerms("don't", lexicon) == ["don't"])
    #expect(try matchedTerms("won't", lexicon) == ["won’t"])
    #expect(try matchedTerms("WON’T", lexicon) == ["won’t"])
}

@Test func fixtureLoadsWithItsCategoriesAndValues() throws {
    let lexicon = Fixture.lexicon
    #expect(lexicon.name == "fixture")
    #expect(lexicon.categories.map(\.name) == ["joy", "anger", "gratitude"])
    let fixed = Fixture.term("fixed")
    #expect(fixed.valence == 0.4 && fixed.effort == nil && fixed.success == 0.8)
    #expect(fixed.cues.contains(.resolution))
    #expect(fixed.termLocation?.description == "fixture/terms.tsv:11")
    let very = Fixture.term("very")
    #expect(very.shifter == .intensifier && very.shifterWeight == 0.3 && !very.isScored)
    #expect(Fixture.term("minutes").cueValue(.durationUnit) == 1)
    #expect(Fixture.term("never").shifter == .negator && Fixture.term("never").cues.contains(.persistence))
}

@Test func hyphenatedAndSpacedSpellingsAreOneTerm() throws {
    let lexicon = try load(terms: ["hassle-free\t0.5"])
    #expect(try matchedTerms("it was hassle free", lexicon) == ["hassle-free"])
    #expect(try matchedTerms("it was hassle-free", lexicon) == ["hassle-free"])
    // A spaced or dashed hyphen is punctuation, not a joiner.
    #expect(try matchedTerms("hassle - free", lexicon).isEmpty)
    #expect(throws: LexiconError.self) { try load(terms: ["hassle-free\t0.5", "hassle free\t0.4"]) }
}

@Test func emotionListsSplitAtCommasAndOneColon() throws {
    // Empty items are skipped, spaces around names and intensities are trimmed.
    let lexicon = try load(terms: ["good\t0.5\t\t\t joy : 0.5 ,, anger:0.25,"])
    let entry = try #require(lexicon.entries.first { $0.term == "good" })
    #expect(entry.emotions.map(\.category) == [0, 1])
    #expect(entry.emotions.map(\.intensity) == [0.5, 0.25])
    expectError(LexiconError(file: "test/terms.tsv", line: 6, column: 12, "emotion \"joy:0.5:1\" is not of the form name:intensity")) {
        try load(terms: ["good\t0.5\t\t\tjoy:0.5:1"])
    }
    expectError(LexiconError(file: "test/terms.tsv", line: 6, column: 12, "emotion \"joy\" is not of the form name:intensity")) {
        try load(terms: ["good\t0.5\t\t\tanger:0.1,joy"])
    }
}

@Test func filesWithCRLFLineEndsLoadAsWithLF() throws {
    let rows = ["good\t0.5\t\t\tjoy:0.5", "on hold\t-0.3\t-0.6", "great service\t0.8"]
    func crlf(_ columns: String) -> String {
        (header + columns + rows.map { $0 + "\n" }.joined()).replacing("\n", with: "\r\n")
    }
    let lf = try load(terms: rows)
    let windows = try load(raw: ["terms.tsv": crlf(termColumns)])
    #expect(windows.entries.map(\.term) == lf.entries.map(\.term))
    #expect(windows.entries.map(\.valence) == lf.entries.map(\.valence))
    #expect(windows.entries.map(\.effort) == lf.entries.map(\.effort))
    #expect(windows.entries.count == 3)
}

@Test func problemsListsEveryBadRowAndNothingForAGoodLexicon() throws {
    func files(_ terms: [String]) -> [String: String] {
        ["manifest.json": manifest(),
         "terms.tsv": header + termColumns + terms.map { $0 + "\n" }.joined(),
         "shifters.tsv": header + shifterColumns + "not\tnegator\n",
         "cues.tsv": header + cueColumns]
    }
    let good = InMemoryLexiconSource(displayName: "test", files: files(["good\t0.5", "bad\t-0.5\t\t\tanger:0.4"]))
    #expect(LexiconLoader.problems(in: good).isEmpty)
    #expect(try LexiconLoader.load(from: good).entries.count == 3)
    let bad = InMemoryLexiconSource(displayName: "test", files: files(["good\t0.5", "meh\tx", "ok\t0.1", "good\t0.2", "fine\t0.3\t\t\tjoy:0"]))
    #expect(LexiconLoader.problems(in: bad).map(\.description) == [
        "test/terms.tsv:7:5: valence \"x\" is not a number",
        "test/terms.tsv:9:1: duplicate term \"good\" (first defined at test/terms.tsv:6)",
        "test/terms.tsv:10:12: intensity \"0\" of joy must be a number in (0, 1]",
    ])
    // Loading stops at the first of them, as before.
    expectError(LexiconError(file: "test/terms.tsv", line: 7, column: 5, "valence \"x\" is not a number")) { try LexiconLoader.load(from: bad) }
}

@Test func cueKindBitsFollowTheCaseOrder() {
    // CueKind.bit is a switch for speed; it must give each case its position.
    for (position, kind) in CueKind.allCases.enumerated() {
        #expect(kind.bit == UInt64(1) << UInt64(position), "\(kind.rawValue)")
    }
}

@Test func simpleTermsAreReadAsTheTokenizerReadsThem() throws {
    // The loader splits terms of a-z words and single spaces itself (the tokenizer only for
    // the others); on every such term of the embedded lexicon the tokenizer must agree.
    let tokenizer = try Tokenizer(locale: "en")
    var checked = 0
    for entry in try BundledLexicons.english().entries {
        guard let simple = Tokenizer.simpleWords(entry.term) else { continue }
        let t = try tokenizer.tokenize(entry.term)
        let words = t.tokens.indices.filter { !t.isJoinerHyphen($0) }.map { Array(t.folded[Int(t.tokens[$0].foldStart)..<Int(t.tokens[$0].foldEnd)]) }
        #expect(simple == words, "\(entry.term)")
        checked += 1
    }
    #expect(checked > 7000)
}
