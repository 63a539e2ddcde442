import Testing
@testable import PerceiveKit

/// The parallel path gives the same results, in the same order, as one scorer.
@Suite struct ScorerPoolTests {
    static let comments: [String] = {
        let parts = ["I was on hold for 45 minutes", "great service!", "not bad", "still not fixed",
                     "called 3 times", "easy and quick", "", "😡😡", "The app was easy, but delivery took three weeks!!"]
        return (0..<2000).map { i in parts[i % parts.count] + (i % 7 == 0 ? " Thanks." : "") }
    }()

    @Test func twoThreadsGiveTheSameScoresInTheSameOrderAsOne() throws {
        let lexicon = try BundledLexicons.english()
        let single = try ScorerPool(threads: 1) { try Scorer(lexicon: lexicon) }
        let double = try ScorerPool(threads: 2) { try Scorer(lexicon: lexicon) }
        #expect(double.threads == 2)
        let format: (Scorer, String) -> String = { scorer, text in
            let result = try! scorer.score(text)
            return ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters).json(result, id: nil)
        }
        let one = single.map(Self.comments, format)
        let two = double.map(Self.comments, format)
        #expect(one.count == Self.comments.count)
        #expect(one == two)
    }

    @Test func smallBatchesRunOnOneThread() throws {
        let pool = try ScorerPool(threads: 4) { try Scorer() }
        #expect(pool.map(["good", "bad"]) { scorer, text in try! scorer.score(text).scores.emotion > 0 } == [true, false])
    }
}
