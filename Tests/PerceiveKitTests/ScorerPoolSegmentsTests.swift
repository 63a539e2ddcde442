import Testing
@testable import PerceiveKit

/// Segment statistics built from a pool's results, batch by batch in input order, equal the
/// statistics of one scorer going through the rows (what `perceive segments --threads` relies
/// on, issue 5).
@Suite struct ScorerPoolSegmentsTests {
    static let rows: [(text: String, region: String)] = (0..<1_000).map { i in
        let texts = ["I was on hold for 45 minutes", "great service!", "not bad", "still not fixed", "called 3 times",
                     "easy and quick", "", "😡😡", "The app was easy, but delivery took three weeks!!"]
        return (texts[i % texts.count], ["North", "South", "West"][i % 3])
    }

    static func statistics(_ lexicon: Lexicon, _ parameters: Parameters) -> SegmentStatistics {
        SegmentStatistics(textColumns: ["Comment"], byColumns: ["Region"], lexicon: lexicon.name, parameters: parameters)
    }

    @Test func batchesOnTwoThreadsGiveTheSameStatisticsAsOneScorer() throws {
        let lexicon = try BundledLexicons.english()
        let scorer = try Scorer(lexicon: lexicon)
        var sequential = Self.statistics(lexicon, scorer.parameters)
        for row in Self.rows {
            let result = try scorer.score(row.text)
            sequential.add(CommentContribution(result, lexicon: lexicon, parameters: scorer.parameters), column: 0, segments: [row.region])
        }
        let pool = try ScorerPool(threads: 2) { try Scorer(lexicon: lexicon) }
        var parallel = Self.statistics(lexicon, scorer.parameters)
        var start = 0
        while start < Self.rows.count {
            let batch = Array(Self.rows[start..<min(Self.rows.count, start + 300)])
            let contributions = pool.map(batch) { scorer, row in
                CommentContribution(try! scorer.score(row.text), lexicon: scorer.lexicon, parameters: scorer.parameters)
            }
            for (row, contribution) in zip(batch, contributions) { parallel.add(contribution, column: 0, segments: [row.region]) }
            start += 300
        }
        #expect(parallel == sequential)
        #expect(parallel.partialLines() == sequential.partialLines())
        let overall = try #require(parallel.summary().segments.first)
        #expect(overall.n == 1_000)
    }
}
