import Testing
@testable import PerceiveKit

// Scores.aggregate on hand-made evidence, bands, and a property test over the fixture scorer.

/// Evidence with contribution `c` (and base `c`), as a rule would leave it.
private func evidence(_ dimension: Dimension, _ c: Double, category: String? = nil, sentence: Int32 = 0) -> Evidence {
    Evidence(dimension: dimension, category: category.map(Fixture.category) ?? -1, source: .lexicon, entry: -1,
             start: 0, end: 1, firstToken: 0, endToken: 1, sentence: sentence, base: c, quantity: nil, contribution: c)
}

private func aggregate(_ evidence: [Evidence], _ parameters: Parameters = .standard) -> Scores {
    Scores.aggregate(evidence, lexicon: Fixture.lexicon, parameters: parameters)
}

@Test func scoreIsTheStrengthWeightedMean() {
    // (0.5·0.5 − 0.25·0.25) / (0.5 + 0.25) = 0.1875 / 0.75
    let scores = aggregate([evidence(.emotion, 0.5), evidence(.emotion, -0.25)])
    expectClose(scores.emotion, 0.25)
    #expect(scores.emotionCount == 2)
    let mixed = aggregate([evidence(.effort, 0.6), evidence(.effort, -0.6)])
    expectClose(mixed.effort, 0)
    let three = aggregate([evidence(.success, 0.2), evidence(.success, 0.4), evidence(.success, -0.8)])
    // (0.04 + 0.16 − 0.64) / 1.4
    expectClose(three.success, -0.44 / 1.4)
}

@Test func scoreIsClampedToMinusOneOne() {
    expectClose(aggregate([evidence(.emotion, 1.5)]).emotion, 1)
    // (−4 + 0.01) / 2.1 < −1
    expectClose(aggregate([evidence(.effort, -2), evidence(.effort, 0.1)]).effort, -1)
}

@Test func dimensionWithoutEvidenceIsNil() {
    let none = aggregate([])
    #expect(none.emotion == 0)
    #expect(none.effort == nil && none.success == nil)
    #expect(none.cx == 0)
    #expect(none.emotions.isEmpty)
    #expect((none.emotionCount, none.effortCount, none.successCount) == (0, 0, 0))
    let onlyEffort = aggregate([evidence(.effort, -0.4)])
    #expect(onlyEffort.emotionCount == 0 && onlyEffort.effortCount == 1 && onlyEffort.successCount == 0)
    #expect(onlyEffort.success == nil)
    #expect(onlyEffort.band(.success, p) == nil)
}

@Test func zeroContributionIsAScoreOfZeroNotNil() {
    let scores = aggregate([evidence(.effort, 0)])
    #expect(scores.effort == 0)
    #expect(scores.effortCount == 1)
    #expect(scores.cx == 0)
}

@Test func cxIsTheWeightedMeanOfThePresentDimensions() {
    expectClose(aggregate([evidence(.emotion, 0.5)]).cx, 0.5)
    // Success is absent: it neither counts nor pulls toward zero.
    expectClose(aggregate([evidence(.emotion, 0.5), evidence(.effort, -0.3)]).cx, (0.5 - 0.3) / 2)
    var weights = Parameters.standard
    weights.cxEmotionWeight = 1
    weights.cxEffortWeight = 2
    weights.cxSuccessWeight = 0.5
    let scores = aggregate([evidence(.emotion, 0.5), evidence(.effort, -0.3), evidence(.success, 0.8)], weights)
    expectClose(scores.cx, (1 * 0.5 + 2 * -0.3 + 0.5 * 0.8) / 3.5)
}

@Test func namedEmotionsAloneLeaveCxAtZero() {
    let scores = aggregate([evidence(.emotions, 0.7, category: "joy")])
    #expect(scores.emotionCount == 0)
    #expect(scores.cx == 0)
    #expect(scores.emotions.map(\.name) == ["joy"])
}

@Test func namedEmotionIntensityIsANoisyOr() {
    let scores = aggregate([evidence(.emotions, 0.5, category: "joy"), evidence(.emotions, 0.6, category: "joy")])
    // 1 − (1 − 0.5)(1 − 0.6)
    expectClose(scores.emotions.first?.intensity, 0.8)
    #expect(scores.emotions.count == 1)
    #expect(scores.emotions.first?.category == Int(Fixture.category("joy")))
}

@Test func namedEmotionContributionsAreClampedToZeroOne() {
    expectClose(aggregate([evidence(.emotions, 1.3, category: "anger")]).emotions.first?.intensity, 1)
    let withNegative = aggregate([evidence(.emotions, -0.4, category: "joy"), evidence(.emotions, 0.5, category: "joy")])
    expectClose(withNegative.emotions.first?.intensity, 0.5)
    #expect(aggregate([evidence(.emotions, 0, category: "joy")]).emotions.isEmpty)
    #expect(aggregate([evidence(.emotions, -0.3, category: "joy")]).emotions.isEmpty)
}

@Test func namedEmotionsAreStrongestFirstThenInCategoryOrder() {
    let scores = aggregate([
        evidence(.emotions, 0.3, category: "gratitude"),
        evidence(.emotions, 0.6, category: "anger"),
        evidence(.emotions, 0.3, category: "joy"),
    ])
    #expect(scores.emotions.map(\.name) == ["anger", "joy", "gratitude"])
}

private let bandCases: [(Double, Band)] = [
    (-1.0, .veryNegative), (-p.strongBand, .veryNegative), (-0.4999, .negative), (-p.neutralBand, .negative),
    (-0.0499, .neutral), (0, .neutral), (0.0499, .neutral), (p.neutralBand, .positive), (0.4999, .positive),
    (p.strongBand, .veryPositive), (1, .veryPositive),
]

@Test(arguments: bandCases)
func bands(_ score: Double, _ band: Band) {
    #expect(Band(score, p) == band)
}

@Test func bandLabels() {
    #expect(Band.allCases.map { $0.label(for: .emotion) } == ["very negative", "negative", "neutral", "positive", "very positive"])
    #expect(Band.allCases.map { $0.label(for: .effort) } == ["very hard", "hard", "neutral", "easy", "very easy"])
    #expect(Band.allCases.map { $0.label(for: .success) } == ["failed", "partly failed", "neutral", "partly achieved", "achieved"])
    #expect(Band.allCases.map(Band.cxLabel) == ["very poor", "poor", "neutral", "good", "very good"])
    #expect(aggregate([evidence(.effort, -0.6)]).band(.effort, p) == .veryNegative)
}

// MARK: - Property test

/// Varied comments: every rule, several sentences, capitals, emoji-free Unicode, nothing scored.
let propertyComments = [
    "good", "not good", "very good", "GOOD in a sentence with lower case", "good!!", "good but bad",
    "although good, bad", "on hold for 45 minutes", "called 3 times", "transferred twice", "still not fixed",
    "fixed on the first call", "3 weeks ago", "within 5 minutes",
    "I was on hold for three hours and transferred 3 times, still not fixed!!",
    "Thank you! The agent was very helpful and it was fixed right away.",
    "NOT GOOD. VERY BAD.", "slightly bad but extremely easy", "barely barely bad", "never not happy",
    "angry angry angry angry angry!!!!", "very very very good good good good!!!!", "Why is it still broken??",
    "good. bad. easy. fixed. broken.", "nothing here to score", "", "café, naïve résumé: good?!",
    "called and emailed twice, bounced 3 times, waited 2-3 days", "even though it was easy, it's broken yet",
    "the third time I called it was resolved instantly", "half an hour on hold, but happy ❤️",
]

@Test(arguments: propertyComments)
func scoresAreRecomputableFromTheEvidence(_ comment: String) throws {
    let result = try Fixture.scorer().score(comment)
    let lexicon = Fixture.lexicon
    for e in result.evidence {
        let product = e.adjustments.reduce(e.base) { $0 * $1.factor }
        #expect(abs(e.contribution - product) <= 1e-12, "contribution \(e.contribution) ≠ base × factors \(product)")
        #expect(e.start < e.end && Int(e.end) <= comment.utf8.count)
        for a in e.adjustments { #expect(a.triggerStart <= a.triggerEnd && Int(a.triggerEnd) <= comment.utf8.count) }
    }
    expectScoresEqual(result.scores, Scores.aggregate(result.evidence, lexicon: lexicon, parameters: p))
    for sentence in result.sentences {
        let own = result.evidence.filter { $0.sentence == Int32(sentence.index) }
        expectScoresEqual(sentence.scores, Scores.aggregate(own, lexicon: lexicon, parameters: p))
    }
    for scores in [result.scores] + result.sentences.map(\.scores) {
        for value in [scores.emotion, scores.effort, scores.success, scores.cx].compactMap({ $0 }) {
            #expect((-1...1).contains(value))
        }
        for emotion in scores.emotions { #expect(emotion.intensity > 0 && emotion.intensity <= 1) }
    }
    for dimension in [Dimension.emotion, .effort, .success] {
        let own = result.evidence(dimension)
        guard let mean = weightedMean(own.map(\.contribution)), let score = result.scores.score(dimension) else {
            #expect(own.isEmpty)
            continue
        }
        let shares = own.reduce(0.0) { $0 + result.share(of: $1)! }
        if abs(mean) <= 1 {
            expectClose(shares, score, tolerance: 1e-12, "shares of \(dimension.rawValue)")
        } else {
            #expect(score == (mean > 0 ? 1 : -1))
        }
    }
}

private func expectScoresEqual(_ a: Scores, _ b: Scores, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    func close(_ x: Double?, _ y: Double?) -> Bool {
        switch (x, y) {
        case (nil, nil): true
        case let (x?, y?): abs(x - y) <= 1e-12
        default: false
        }
    }
    #expect(close(a.emotion, b.emotion) && close(a.effort, b.effort) && close(a.success, b.success) && close(a.cx, b.cx),
            "\(a) ≠ \(b)", sourceLocation: sourceLocation)
    #expect((a.emotionCount, a.effortCount, a.successCount) == (b.emotionCount, b.effortCount, b.successCount),
            sourceLocation: sourceLocation)
    #expect(a.emotions.map(\.category) == b.emotions.map(\.category), sourceLocation: sourceLocation)
    #expect(zip(a.emotions, b.emotions).allSatisfy { abs($0.intensity - $1.intensity) <= 1e-12 }, sourceLocation: sourceLocation)
}
