import Testing
@testable import PerceiveKit

/// Reading SemEval-2014 ABSA XML, on fixtures written here (not the corpus's sentences).
@Suite struct SemEvalABSAReaderTests {
    static func sentences(_ text: String) throws(BenchError) -> [SemEvalABSASentence] {
        try SemEvalABSAReader.sentences(in: Array(text.utf8), file: "r.xml")
    }

    static func problem(_ text: String) -> String? {
        do { _ = try sentences(text); return nil } catch { return error.description }
    }

    @Test func sentencesWithCategoriesTermsAndNone() throws {
        let read = try Self.sentences("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sentences>
                <sentence id="s1">
                    <text>The soup &amp; the waiter were lovely.</text>
                    <aspectTerms><aspectTerm term="soup" polarity="positive" from="4" to="8"/></aspectTerms>
                    <aspectCategories>
                        <aspectCategory category="food" polarity="positive"/>
                        <aspectCategory category="service" polarity="conflict"/>
                    </aspectCategories>
                </sentence>
                <sentence id="s2"><text>No categories here.</text></sentence>
                <sentence id="s3"><text>Empty list.</text><aspectCategories/></sentence>
            </sentences>
            """)
        #expect(read.map(\.id) == ["s1", "s2", "s3"])
        #expect(read.map(\.position) == [1, 2, 3])
        #expect(read.map(\.line) == [3, 11, 12])
        #expect(read[0].text == "The soup & the waiter were lovely.")
        #expect(read[0].categories?.map(\.category) == ["food", "service"])
        #expect(read[0].categories?.map(\.polarity) == ["positive", "conflict"])
        #expect(read[1].categories == nil)
        #expect(read[2].categories?.isEmpty == true)
    }

    @Test func problemsNameTheFileLineAndColumn() {
        #expect(Self.problem("<sentences>\n  <sentence id=\"1\"><text>a</text>\n</sentences>")
            == "r.xml:3:1: expected </sentence> (opened at 2:3), found </sentences>")
        #expect(Self.problem("<reviews/>") == "r.xml:1:1: expected the root element <sentences>, found <reviews>")
        #expect(Self.problem("<sentences>\n <review/></sentences>") == "r.xml:2:2: expected <sentence> in <sentences>, found <review>")
        #expect(Self.problem("<sentences><sentence><text>a</text></sentence></sentences>") == "r.xml:1:12: <sentence> has no id attribute")
        #expect(Self.problem("<sentences><sentence id=\"7\"></sentence></sentences>") == "r.xml:1:12: sentence 7 has no <text>")
        #expect(Self.problem("<sentences><sentence id=\"7\"><text>a</text><text>b</text></sentence></sentences>")
            == "r.xml:1:43: a second <text> in sentence 7")
        #expect(Self.problem("<sentences><sentence id=\"7\"><text>a</text><opinions/></sentence></sentences>")
            == "r.xml:1:43: unexpected <opinions> in <sentence> (expected text, aspectTerms, aspectCategories)")
        #expect(Self.problem("<sentences><sentence id=\"7\"><text>a</text>\n<aspectCategories><aspectCategory category=\"food\" polarity=\"mixed\"/></aspectCategories></sentence></sentences>")
            == "r.xml:2:19: polarity \"mixed\" is not one of conflict, negative, neutral, positive")
        #expect(Self.problem("<sentences><sentence id=\"7\"><text>a</text>\n<aspectCategories><aspectCategory polarity=\"positive\"/></aspectCategories></sentence></sentences>")
            == "r.xml:2:19: <aspectCategory> has no category attribute")
        #expect(Self.problem("<sentences>stray<sentence id=\"7\"><text>a</text></sentence></sentences>")
            == "r.xml:1:1: unexpected text in <sentences> (it holds elements only)")
    }
}
