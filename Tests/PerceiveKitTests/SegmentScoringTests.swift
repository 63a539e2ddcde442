import Foundation
import Testing
@testable import PerceiveKit

/// `segments` and `report`'s scoring stage (``SegmentStatistics/add(rowsFrom:scoringOn:scored:)``):
/// the statistics of one scorer going through the rows, for any thread count, with malformed
/// rows counted and never dropped; and the summary in each format.
@Suite struct SegmentScoringTests {
    static let texts = ["I was on hold for 45 minutes", "great service!", "not bad", "still not fixed", "called 3 times",
                        "easy and quick", "", "The app was easy, but delivery took three weeks!!"]

    /// 600 rows, row 300 with an extra cell (an error row).
    static func export() throws -> String {
        var csv = "Region,Comment\n"
        for i in 0..<600 {
            csv += ["North", "South", "West"][i % 3] + ",\"" + texts[i % texts.count] + "\"" + (i == 299 ? ",extra" : "") + "\n"
        }
        return try BenchCorpusTests.file("export.csv", csv)
    }

    static func statistics(threads: Int, scored: inout Int) throws -> SegmentStatistics {
        let input = try TabularInput(path: try export(), options: TabularInputOptions(
            format: .csv, textColumns: [ColumnSelector("Comment")], byColumns: [ColumnSelector("Region")]))
        let lexicon = try BundledLexicons.english()
        let pool = try ScorerPool(threads: threads) { try Scorer(lexicon: lexicon) }
        var statistics = SegmentStatistics(textColumns: input.textLabels, byColumns: input.byLabels,
                                           lexicon: lexicon.name, parameters: pool.primary.parameters)
        var count = 0
        try statistics.add(rowsFrom: { try input.next() }, scoringOn: pool) { row, column, _ in
            #expect(column == 0 && row.error == nil)
            count += 1
        }
        scored = count
        return statistics
    }

    @Test func statisticsAreThoseOfOneScorerForAnyThreadCount() throws {
        var scoredOne = 0, scoredTwo = 0
        let one = try Self.statistics(threads: 1, scored: &scoredOne)
        let two = try Self.statistics(threads: 2, scored: &scoredTwo)
        #expect(one == two)
        #expect((one.rowsRead, one.rowErrors, scoredOne, scoredTwo) == (600, 1, 599, 599))
        // The same contributions, added one by one.
        let scorer = try Scorer()
        var expected = SegmentStatistics(textColumns: ["Comment"], byColumns: ["Region"], lexicon: scorer.lexicon.name, parameters: scorer.parameters)
        for i in 0..<600 where i != 299 {
            let result = try scorer.score(Self.texts[i % Self.texts.count])
            expected.add(CommentContribution(result, lexicon: scorer.lexicon, parameters: scorer.parameters), column: 0,
                         segments: [["North", "South", "West"][i % 3]])
        }
        (expected.rowsRead, expected.rowErrors) = (600, 1)
        #expect(one == expected)
        #expect(one.summary().segments.first?.n == 599)
    }

    @Test func theSummaryIsRenderedInEachFormat() throws {
        var scored = 0
        let report = try Self.statistics(threads: 1, scored: &scored).summary()
        let formatter = SegmentFormatter(report)
        #expect(report.rendered(.table) == formatter.table())
        #expect(report.rendered(.csv) == formatter.csv())
        #expect(report.rendered(.json) == formatter.json())
        #expect(report.rendered(.markdown) == formatter.markdown())
        #expect(SegmentReportFormat.allCases.map(\.rawValue) == ["table", "csv", "json", "markdown"])
    }
}
