import Foundation

/// The bench on topic labels (``BenchLabelKind/topics``): predictions from a scorer with the
/// runner's taxonomy, and the metrics of ``TopicBenchMetrics``.
extension BenchRunner {
    /// Scores the corpus with the lexicon and the runner's taxonomy: each item's topics found
    /// (the first levels of the topics the scorer names, as labels of the corpus), their
    /// polarities (``TopicBenchMetrics/found(in:labels:band:)``) and the comment's polarity.
    func predictTopics(_ loaded: LexiconReference.Loaded, _ corpus: BenchCorpus) throws -> Predictions {
        guard let topics else {
            throw BenchError(file: nil, "\(corpus.spec.name): a topic corpus needs a topic taxonomy (--topics)")
        }
        let scorer = try Scorer(lexicon: loaded.lexicon, ruleset: .standard(), topics: topics)
        let band = scorer.parameters.neutralBand
        var p = Predictions()
        let start = DispatchTime.now().uptimeNanoseconds
        for text in corpus.texts {
            let result = try scorer.score(text)
            let found = TopicBenchMetrics.found(in: result, labels: corpus.labels, band: band)
            p.topicPolarities.append(found)
            p.topicSets.append(Set(found.keys))
            p.commentPolarity.append(TopicPolarity(valence: result.scores.emotionCount > 0 ? result.scores.emotion : nil, band: band))
        }
        p.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        p.covered = p.topicSets.map { !$0.isEmpty }
        p.hasValue = p.covered
        return p
    }

    /// coverage, detectionPrecision, detectionRecall, detectionF1 (micro), polarityAccuracy
    /// (every gold topic with a polarity), polarityAccuracyFound (those the system found).
    static func topicMetrics(for corpus: BenchCorpus, _ coverage: Metric) -> [Metric] {
        let gold = corpus.goldLabels, polarities = corpus.goldPolarities, count = corpus.labels.count
        func detection(_ p: Predictions, _ idx: [Int]) -> DetectionMetrics.Counts {
            TopicBenchMetrics.detection(predicted: p.topicSets, gold: gold, indices: idx)
        }
        func accuracy(_ p: Predictions, _ idx: [Int], foundOnly: Bool) -> Double? {
            TopicBenchMetrics.polarityAccuracy(predicted: p.topicPolarities, fallback: p.commentPolarity, gold: polarities,
                                               indices: idx, labelCount: count, foundOnly: foundOnly)
        }
        return [
            coverage,
            Metric(name: "detectionPrecision") { p, idx in detection(p, idx).precision },
            Metric(name: "detectionRecall") { p, idx in detection(p, idx).recall },
            Metric(name: "detectionF1") { p, idx in detection(p, idx).f1 },
            Metric(name: "polarityAccuracy") { p, idx in accuracy(p, idx, foundOnly: false) },
            Metric(name: "polarityAccuracyFound") { p, idx in accuracy(p, idx, foundOnly: true) },
        ]
    }

    /// Each topic's polarity accuracy (every gold topic with a polarity), with its bootstrap
    /// interval over the run's resamples.
    func topicPolarity(_ p: Predictions, _ corpus: BenchCorpus, _ bootstrap: Bootstrap) -> [BenchTopicPolarity] {
        let count = corpus.labels.count
        func counts(_ idx: [Int]) -> (correct: [Int], counted: [Int]) {
            TopicBenchMetrics.polarityCounts(predicted: p.topicPolarities, fallback: p.commentPolarity, gold: corpus.goldPolarities,
                                             indices: idx, labelCount: count)
        }
        let all = counts(Array(0..<corpus.count))
        let resampled = bootstrap.samples.map(counts)
        return (0..<count).map { l in
            BenchTopicPolarity(correct: all.correct[l], counted: all.counted[l],
                               interval: interval(resampled.map { TopicBenchMetrics.ratio($0.correct[l], $0.counted[l]) ?? .nan }))
        }
    }
}
