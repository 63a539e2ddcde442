import Foundation
import Testing
@testable import PerceiveKit

/// The HTML report's building blocks: escaping, evidence highlighting, the CSP hash, and the
/// bounded lists of most negative and positive comments.
@Suite struct HTMLReportTests {
    @Test func sha256KnownVectors() {
        func hex(_ s: String) -> String { SHA256.hash(Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
        // FIPS 180-2 appendix B.1 and B.2, and the empty string.
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func everythingIsEscaped() {
        #expect(HTMLReport.escape("<script>alert(1)</script> & \"x\" 'y'") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;")
    }

    static func page(_ comments: [String]) throws -> (HTMLReport, [CommentScore]) {
        let scorer = try Fixture.scorer()
        let scored = try comments.map { try scorer.score($0) }
        var statistics = SegmentStatistics(textColumns: ["Comment"], byColumns: [], lexicon: "fixture", parameters: .standard)
        for s in scored { statistics.add(CommentContribution(s, lexicon: scorer.lexicon, parameters: .standard), column: 0, segments: []) }
        var extremes = ExtremeComments(capacity: 2)
        for (k, s) in scored.enumerated() { extremes.offer(ReportExample(id: String(k + 1), column: "Comment", segment: "", comment: s)) }
        let page = HTMLReport(title: "t <b>", source: "s.csv", report: statistics.summary(), lexicon: scorer.lexicon, parameters: .standard,
                              negative: extremes.negative, positive: extremes.positive)
        return (page, scored)
    }

    @Test func evidenceIsHighlightedInPlaceAndEscaped() throws {
        let (page, scored) = try Self.page(["<b>bad</b> & easy"])
        // bad: emotion −0.5 (fixture); easy: emotion +0.4 and effort +0.7, colored by the larger.
        #expect(page.highlighted(scored[0]) == "&lt;b&gt;<mark class=\"emotion neg\" title=\"emotion -0.50 — bad (lexicon)\">bad</mark>&lt;/b&gt; &amp; "
            + "<mark class=\"effort pos\" title=\"emotion +0.40 — easy (lexicon)\neffort +0.70 — easy (lexicon)\">easy</mark>")
    }

    @Test func pageHasCSPWithHashesAndNoUnsafeInline() throws {
        let html = try Self.page(["<script>alert(1)</script> bad", "=HYPERLINK(\"x\") good"]).0.html()
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-"))
        #expect(!html.contains("unsafe-inline"))
        #expect(html.components(separatedBy: "<script").count == 2, "one script element: the page's own")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;x&quot;)"))
        #expect(html.contains("<title>t &lt;b&gt;</title>"))
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing is loaded from anywhere")
    }

    @Test func extremeCommentsKeepTheMostNegativeAndPositiveInOrder() throws {
        let (page, _) = try Self.page(["bad", "good", "angry", "easy", "fine", "bad bad"])
        #expect(page.negative.map(\.id) == ["3", "1"])  // angry −0.6, then bad −0.5 (ties keep the earlier)
        #expect(page.positive.map(\.id) == ["4", "2"])  // easy cx (0.4+0.7)/2 = 0.55, good 0.5
    }

    @Test func reportChartsAtMostReportMaxSegmentsPerGrouping() throws {
        // Issue 15, item 6: 86,000 distinct values wrote a 304 MB page. 35 stores, store k with
        // k comments: the report keeps the 30 largest (stores 6…35) and says 5 were left out.
        #expect(SegmentParameters.standard.reportMaxSegments == 30)
        let scorer = try Fixture.scorer()
        var statistics = SegmentStatistics(textColumns: ["Comment"], byColumns: ["Store"], lexicon: "fixture", parameters: .standard)
        let good = try scorer.score("good")
        for k in 1...35 {
            for _ in 0..<k {
                statistics.add(CommentContribution(good, lexicon: scorer.lexicon, parameters: .standard), column: 0, segments: ["store \(k)"])
            }
        }
        let summary = statistics.summary()
        #expect(summary.segments.filter { !$0.by.isEmpty }.count == 35, "segments outputs keep all")
        let html = HTMLReport(title: "t", source: "s.csv", report: summary, lexicon: scorer.lexicon, parameters: .standard,
                              negative: [], positive: []).html()
        #expect(html.contains("5 more segments by Store left out here (the smallest by n)"))
        #expect(html.contains("5 segments left out (the smallest of each grouping beyond 30)"))
        // The table's rows: "Store=store k", with a "(small n)" mark under 30 comments.
        func row(_ k: Int) -> Bool { html.contains("<td>Store=store \(k)<") || html.contains("<td>Store=store \(k) <") }
        for k in 6...35 { #expect(row(k), "store \(k) is shown") }
        for k in 1...5 { #expect(!row(k), "store \(k) is left out") }
    }

    /// Issue 16: the topic section (`report --by-topic`): an impact chart, topic × dimension
    /// and topic × segment tables, and examples with the topic's mentions and only its evidence
    /// highlighted, every comment escaped.
    static func topicPage(_ rows: [(String, String)]) throws -> (HTMLReport, [CommentScore]) {
        let scorer = try Scorer(topics: TopicTaxonomy.standard())
        var statistics = SegmentStatistics(textColumns: ["Comment"], byColumns: ["Region"], lexicon: scorer.lexicon.name,
                                           parameters: scorer.parameters, topics: scorer.topics)
        var extremes = ExtremeComments(capacity: 2, topics: TopicExamples(capacity: 2, parameters: scorer.parameters))
        var scored: [CommentScore] = []
        for (k, (region, text)) in rows.enumerated() {
            let s = try scorer.score(text)
            scored.append(s)
            statistics.add(CommentContribution(s, lexicon: scorer.lexicon, parameters: scorer.parameters), column: 0, segments: [region])
            extremes.offer(ReportExample(id: "R_\(k + 1)", column: "Comment", segment: "Region=\(region)", comment: s))
        }
        let page = HTMLReport(title: "t", source: "s.csv", report: statistics.summary(), lexicon: scorer.lexicon, parameters: scorer.parameters,
                              negative: extremes.negative, positive: extremes.positive, topicExamples: extremes.topics)
        return (page, scored)
    }

    @Test func topicExamplesMarkTheMentionsAndOnlyTheTopicsEvidence() throws {
        let (page, scored) = try Self.topicPage([("North", "The app was easy but the <b>delivery</b> took three weeks.")])
        // "easy" is the app's (its clause, before "but"): not highlighted for delivery.
        #expect(page.highlighted(scored[0], topic: "delivery/shipping")
                == "The app was easy but the &lt;b&gt;<mark class=\"topic only\" title=\"topic delivery/shipping\">delivery</mark>&lt;/b&gt; took "
                + "<mark class=\"success neg\" title=\"success -0.73 — took 3 weeks (duration rule); after &quot;but&quot; ×1.5\">three weeks</mark>.")
        #expect(page.highlighted(scored[0], topic: "digital/website-and-app").hasPrefix(
            "The <mark class=\"topic only\" title=\"topic digital/website-and-app\">app</mark> was <mark class=\"success pos\" title=\"emotion +0.20 — easy (lexicon); before &quot;but&quot; ×0.5"))
        #expect(page.highlighted(scored[0], topic: "digital/website-and-app").hasSuffix("the &lt;b&gt;delivery&lt;/b&gt; took three weeks."))
    }

    @Test func topicSectionHasTheImpactChartTablesAndEscapedExamples() throws {
        let (page, _) = try Self.topicPage([
            ("North", "The <script>x</script> delivery took three weeks and nobody answered."), ("North", "Delivery was late again."),
            ("South", "The app is easy and quick."), ("South", "Great staff, so helpful."), ("South", "The app crashed twice."),
            ("North", "Fine."),
        ])
        let html = page.html()
        #expect(html.contains("<section id=\"topics\">\n<h2>Topics</h2>"))
        #expect(html.contains("<svg class=\"chart impact\""))
        #expect(html.contains("<table class=\"sortable topics\">") && html.contains("<h3>Impact by Region</h3>"))
        #expect(html.contains("<h4>delivery/shipping <span class=\"note\">impact "))
        // The topic table's last columns: the shares of each topic's own cx that are negative and
        // positive; both delivery comments are negative about it.
        #expect(html.contains("<th class=\"num\">cx p adj.</th><th class=\"num\">cx negative</th><th class=\"num\">cx positive</th></tr>"))
        let deliveryRow = try #require(html.components(separatedBy: "<tr><td>delivery/shipping").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(deliveryRow.hasSuffix("<td class=\"num\" data-value=\"1.0\">100%</td><td class=\"num\" data-value=\"0.0\">0%</td>"))
        #expect(html.contains("The &lt;script&gt;x&lt;/script&gt; <mark class=\"topic only\" title=\"topic delivery/shipping\">delivery</mark>"))
        #expect(html.components(separatedBy: "<script").count == 2, "one script element: the page's own")
        // Without topics, no topic section.
        let (plain, _) = try Self.page(["bad"])
        #expect(!plain.html().contains("<section id=\"topics\">"))
    }

    @Test func reportChartsAtMostReportMaxTopics() throws {
        var summary = SegmentSummary(column: "Comment", by: [], values: [], n: 100, coverage: [0, 0, 0], dimensions: [], emotions: [],
                                     negativeDrivers: [], positiveDrivers: [], smallN: false)
        let dimension = DimensionSummary(dimension: .cx, n: 1, shares: [])
        summary.topics = (0..<40).map { k in
            TopicSummary(topic: "t\(k)", n: 1, share: 0.01, dimensions: Array(repeating: dimension, count: 4), impact: Double(k - 20) / 1000, smallN: true)
        }
        let report = SegmentReport(textColumns: ["Comment"], byColumns: [], rowsRead: 100, rowErrors: 0, parameters: .standard,
                                   segments: [summary], topics: ["t"], taxonomy: "x 1")
        let page = HTMLReport(title: "t", source: "s", report: report, lexicon: try Fixture.scorer().lexicon, parameters: .standard, negative: [], positive: [])
        let (shown, leftOut) = page.shownTopics(summary)
        // |impact| largest: t0…t14 (−0.020…−0.006) and t26…t39 (+0.006…+0.019), and one of the
        // ±0.005 pair (t15, the earlier); the rest left out.
        #expect(leftOut == 10 && shown.count == 30)
        #expect(shown.map(\.topic) == (0...15).map { "t\($0)" } + (26...39).map { "t\($0)" })
        #expect(page.topicSection().contains("10 more topics left out here (the smallest impact)"))
    }
}
