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
}
