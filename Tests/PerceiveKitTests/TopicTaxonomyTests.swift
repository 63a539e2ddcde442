import Testing
@testable import PerceiveKit

// The taxonomy loader: every problem with file:line:column, all of them collected; the
// default taxonomy; `+FILE` conflicts. Lines 1–4 are the header, line 5 the column row.

private let header = "# topics: t\n# version: 1\n# source: tests\n# license: CC0-1.0\n"

private func taxonomy(_ rows: [String], header: String = header, columns: String = "topic\tterm\texclude") -> String {
    header + columns + "\n" + rows.map { $0 + "\n" }.joined()
}

private func problems(_ text: String) -> [String] {
    TopicTaxonomy.problems(in: text, file: "t.tsv").map(\.description)
}

@Test func aGoodFileLoadsWithItsTopicsInOrder() throws {
    let loaded = try TopicTaxonomy(parsing: taxonomy(["b/x\tone", "a\ttwo\ttwo way", "b/x\tthree"]), file: "t.tsv")
    #expect(loaded.name == "t" && loaded.version == "1")
    #expect(loaded.topics == ["b/x", "a"])
    #expect(loaded.terms.map(\.text) == ["one", "two", "three"])
    #expect(loaded.termCounts == [2, 1])
    #expect(loaded.terms[1].location.description == "t.tsv:7")
    #expect(loaded.terms[1].exclusions.map(\.text) == ["two way"])
}

@Test func everyRowProblemIsReportedWithItsLineAndColumn() {
    let found = problems(taxonomy([
        "Delivery\tparcel",                     // 6: path with a capital
        "a/b/c\tparcel",                        // 7: three levels
        "delivery\t ",                          // 8: empty term
        "delivery\tParcel",                     // 9: upper case
        "delivery\tparcel",                     // 10: fine
        "service\tparcel",                      // 11: duplicate
        "delivery\tcarry-on",                   // 12: fine
        "travel\tcarry on",                     // 13: the same tokens
        "billing\tcharge\tin charge|fee|",      // 14: an exclusion without the term, an empty one
        "billing\tcharges\tcharges",            // 15: the term itself
        "billing\tfee\tfee\tmore",              // 16: four fields
    ]))
    #expect(found == [
        "t.tsv:6:1: topic path \"Delivery\" is not one or two levels of lower-case letters, digits and \"-\" separated by \"/\" (e.g. service/contact-centre)",
        "t.tsv:7:1: topic path \"a/b/c\" is not one or two levels of lower-case letters, digits and \"-\" separated by \"/\" (e.g. service/contact-centre)",
        "t.tsv:8:10: empty term",
        "t.tsv:9:10: term \"Parcel\" has upper-case letters: write it in lower case (matching ignores case)",
        "t.tsv:11:9: duplicate term \"parcel\" (first defined at t.tsv:10, under delivery)",
        "t.tsv:13:8: duplicate term \"carry on\" (first defined at t.tsv:12 as \"carry-on\", which tokenizes alike, under delivery)",
        "t.tsv:14:26: exclusion \"fee\" does not contain the term \"charge\" (an exclusion is a longer phrase around its term)",
        "t.tsv:14:30: empty exclusion (two \"|\" in a row, or one at an end)",
        "t.tsv:15:17: exclusion \"charges\" is the term itself",
        "t.tsv:16:17: expected 2 or 3 TAB-separated fields (topic, term, exclude), found 4",
    ])
}

@Test func aMissingHeaderLineOrAWrongColumnRowIsReported() {
    #expect(problems(taxonomy(["a\tb"], header: "# topics: t\n# version: 1\n# source: tests\n")) == [
        "t.tsv:4:1: missing header line \"# license: …\" before the column header",
    ])
    #expect(problems(taxonomy(["a\tb"], columns: "topic\tterms")) == [
        "t.tsv:5:1: expected the column header \"topic<TAB>term<TAB>exclude\", found \"topic<TAB>terms\"",
    ])
    #expect(problems(header) == ["t.tsv:5: no column header \"topic<TAB>term<TAB>exclude\" found (is this a perceive-topics/1 file?)"])
}

@Test func aFileWithNoTopicsIsRefused() {
    #expect(problems(taxonomy([], columns: "topic\tterm\texclude\n# nothing yet")) == [
        "t.tsv:5: no topics: the file has no term rows after the column header",
    ])
}

@Test func theErrorOfALoadNamesTheFirstProblemAndHowManyMore() {
    #expect(throws: TopicTaxonomyError.self) { try TopicTaxonomy(parsing: taxonomy(["A\tb", "c\t"]), file: "t.tsv") }
    do {
        _ = try TopicTaxonomy(parsing: taxonomy(["A\tb", "c\t"]), file: "t.tsv")
    } catch {
        #expect(error.problems.count == 2)
        #expect(error.description.hasPrefix("t.tsv:6:1: topic path \"A\""))
        #expect(error.description.hasSuffix("(and 1 more problem; 'perceive topics validate t.tsv' lists every one)"))
    }
}

@Test func addingAFileMergesPathsAndRefusesTermsInBoth() throws {
    let base = try TopicTaxonomy(parsing: taxonomy(["delivery\tparcel", "travel\tcarry-on"]), file: "base.tsv")
    let extra = try TopicTaxonomy(parsing: taxonomy(["delivery\tcourier", "food\tsoup"]), file: "extra.tsv")
    let both = try base.adding(extra)
    #expect(both.topics == ["delivery", "travel", "food"])
    #expect(both.terms.map { "\(both.topics[Int($0.topic)]) \($0.text)" } == ["delivery parcel", "travel carry-on", "delivery courier", "food soup"])
    #expect(both.name == "t+t")
    let clash = try TopicTaxonomy(parsing: taxonomy(["delivery\tsoup", "luggage\tcarry on", "service\tparcel"]), file: "clash.tsv")
    do {
        _ = try base.adding(clash)
        Issue.record("expected a conflict")
    } catch {
        #expect(error.problems.map(\.description) == [
            "clash.tsv:7:9: term \"carry on\" is also defined at base.tsv:7 (\"carry-on\", travel); a term names one topic: leave it out of one of the files",
            "clash.tsv:8:9: term \"parcel\" is also defined at base.tsv:6 (\"parcel\", delivery); a term names one topic: leave it out of one of the files",
        ])
    }
}

@Test func theDefaultTaxonomyIsEmbedded() throws {
    let standard = try TopicTaxonomy.standard()
    #expect(standard.name == "en-cx")
    #expect(standard.topics.count >= 25)
    #expect(standard.terms.count >= 1200)
    #expect(standard.terms[0].location.file == "embedded:en-cx/topics.tsv")
    #expect(try TopicTaxonomy.forOption(nil)?.terms.count == standard.terms.count)
    #expect(try TopicTaxonomy.forOption(nil, disabled: true) == nil)
    #expect(throws: LexiconOptionError.self) { try TopicTaxonomy.forOption("x.tsv", disabled: true) }
}

@Test func theReportCountsPerLevel() throws {
    let report = TopicTaxonomyReport(TopicFixture.taxonomy)
    #expect(report.rows.map(\.path) == ["delivery", "service", "service/staff", "service/contact-centre", "billing", "product",
                                        "product/battery", "digital"])
    #expect(report.rows.map(\.terms) == [3, 0, 3, 1, 1, 3, 2, 2])
    #expect(report.parentsWithoutTerms == ["service"])
    let levels = report.levels
    #expect(levels[0] == TopicTaxonomyReport.LevelCounts(topics: 4, terms: 9, phrases: 3, exclusions: 2, termsWithExclusions: 1))
    #expect(levels[1] == TopicTaxonomyReport.LevelCounts(topics: 3, terms: 6, phrases: 2, exclusions: 4, termsWithExclusions: 3))
    #expect(report.summary == "ok: fixture 0.0.1 (perceive-topics/1): 7 topics, 15 terms (5 phrases), 6 exclusions on 4 terms")
}

@Test func simpleTermsAreSplitAsTheTokenizerSplitsThem() throws {
    // The loader splits terms of a-z words and single spaces itself; the tokenizer must agree.
    let tokenizer = try Tokenizer(locale: "en")
    var checked = 0
    for term in try TopicTaxonomy.standard().terms {
        for text in [term.text] + term.exclusions.map(\.text) {
            guard let simple = Tokenizer.simpleWords(text) else { continue }
            let tokenized = try tokenizer.tokenize(text)
            #expect(simple == tokenized.tokens.indices.map { Array(tokenized.folded[Int(tokenized.tokens[$0].foldStart)..<Int(tokenized.tokens[$0].foldEnd)]) },
                    "\(text)")
            checked += 1
        }
    }
    #expect(checked > 6000)
    #expect(Tokenizer.simpleWords("carry-on") == nil && Tokenizer.simpleWords("a  b") == nil && Tokenizer.simpleWords("4g") == nil)
}
