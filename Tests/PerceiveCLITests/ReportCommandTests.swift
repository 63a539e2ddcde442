import Foundation
import Testing

/// `perceive report` run through the built binary on the bundled sample survey.
@Suite struct ReportCommandTests {
    @Test func reportOfTheSampleSurveyIsSelfContainedAndEscaped() throws {
        let sample = CLI.packageRoot.appendingPathComponent("corpora/sample/survey.csv").path
        let result = try CLI.run(["report", "--input", sample, "--text-column", "Comment", "--id-column", "ResponseId",
                                  "--by", "Region", "--examples", "1000", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg class=\"chart").count - 1 == 5, "4 dimensions by Region, and the emotions")
        #expect(html.contains("I typed &lt;script&gt;alert(1)&lt;/script&gt; as my nickname"))
        #expect(html.contains("=HYPERLINK(&quot;http://example.com&quot;,&quot;click&quot;) for details"))
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
    }

    /// Issue 16: `report --by-topic` adds the topic section; without it, the page has none.
    @Test func reportByTopicHasTheTopicSection() throws {
        let sample = CLI.packageRoot.appendingPathComponent("corpora/sample/survey.csv").path
        let args = ["report", "--input", sample, "--text-column", "Comment", "--id-column", "ResponseId", "--by", "Region", "--quiet"]
        let result = try CLI.run(args + ["--by-topic"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = result.stdout
        #expect(html.contains("<section id=\"topics\">") && html.contains("<svg class=\"chart impact\"") && html.contains("<h3>Impact by Region</h3>"))
        // The examples' heading carries the topic's impact as `segments --by-topic` computes it.
        let segments = try CLI.run(["segments", "--input", sample, "--text-column", "Comment", "--by", "Region", "--quiet", "--by-topic", "--format", "json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(segments.stdout.utf8)) as? [String: Any])
        let overall = try #require((summary["segments"] as? [[String: Any]])?.first?["topics"] as? [[String: Any]])
        let app = try #require(overall.first { $0["topic"] as? String == "digital/website-and-app" })
        let impact = try #require(app["impact"] as? Double)
        #expect(impact < 0 && app["n"] as? Int == 28)
        #expect(html.contains("<h4>digital/website-and-app <span class=\"note\">impact \(String(format: "%.3f", impact)) · 28 comments</span></h4>"))
        #expect(html.components(separatedBy: "<script").count == 2)
        let plain = try CLI.run(args)
        #expect(plain.status == 0 && !plain.stdout.contains("<section id=\"topics\">"))
    }
}
