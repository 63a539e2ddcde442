import Foundation
import Testing
@testable import PerceiveKit

/// Topic labels in the bench: the metrics on hand-counted sets, and a whole run on a
/// five-sentence SemEval-style file written here with the fixture lexicon and taxonomy.
@Suite struct TopicBenchMetricsTests {
    @Test func polarityOfAValenceIsStrictlyOutsideTheBand() {
        #expect(TopicPolarity(valence: 0.3, band: 0.05) == .positive)
        #expect(TopicPolarity(valence: 0.05, band: 0.05) == .neutral)
        #expect(TopicPolarity(valence: -0.05, band: 0.05) == .neutral)
        #expect(TopicPolarity(valence: -0.0501, band: 0.05) == .negative)
        #expect(TopicPolarity(valence: nil, band: 0.05) == .neutral)
    }

    @Test func detectionAndPolarityCountedByHand() {
        // The type's example: gold [{0: +}, {0: conflict, 1: −}, {}], found [{0: +}, {1: −, 2: neutral}, {}].
        let gold: [[Int: TopicPolarity]] = [[0: .positive], [0: .conflict, 1: .negative], [:]]
        let found: [[Int: TopicPolarity]] = [[0: .positive], [1: .negative, 2: .neutral], [:]]
        let fallback: [TopicPolarity] = [.neutral, .positive, .neutral]
        let all = [0, 1, 2]
        let counts = TopicBenchMetrics.detection(predicted: found.map { Set($0.keys) }, gold: gold.map { Set($0.keys) }, indices: all)
        #expect((counts.truePositives, counts.falsePositives, counts.falseNegatives) == (2, 1, 1))
        #expect(abs(counts.f1! - 2.0 / 3) < 1e-12)
        // item 0 topic 0 right; item 1 topic 0 conflict (not found: the fallback +, still wrong); topic 1 right
        #expect(abs(TopicBenchMetrics.polarityAccuracy(predicted: found, fallback: fallback, gold: gold, indices: all, labelCount: 3)! - 2.0 / 3) < 1e-12)
        #expect(TopicBenchMetrics.polarityAccuracy(predicted: found, fallback: fallback, gold: gold, indices: all, labelCount: 3, foundOnly: true) == 1)
        let perTopic = TopicBenchMetrics.polarityCounts(predicted: found, fallback: fallback, gold: gold, indices: all, labelCount: 3)
        #expect(perTopic.correct == [1, 1, 0, 2] && perTopic.counted == [2, 1, 0, 3])
        // a resample that draws item 1 twice counts it twice
        #expect(TopicBenchMetrics.polarityCounts(predicted: found, fallback: fallback, gold: gold, indices: [1, 1], labelCount: 3).counted == [2, 2, 0, 4])
        #expect(TopicBenchMetrics.polarityAccuracy(predicted: found, fallback: fallback, gold: gold, indices: [2], labelCount: 3) == nil)
    }

    @Test func firstLevelsAreTheLabels() {
        #expect(TopicBenchMetrics.labels(of: TopicFixture.taxonomy) == ["delivery", "service", "billing", "product", "digital"])
        #expect(TopicBenchMetrics.firstLevel("service/contact-centre") == "service")
    }

    /// Five sentences: 1 service +; 2 delivery −, digital conflict; 3 billing + (no billing term:
    /// missed, the comment's valence stands in); 4 no topic (anecdotes/miscellaneous), product
    /// found; 5 no <aspectCategories>: no label, left out.
    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sentences>
          <sentence id="a"><text>The staff was great.</text>
            <aspectCategories><aspectCategory category="service" polarity="positive"/></aspectCategories></sentence>
          <sentence id="b"><text>The parcel was bad. The app was good.</text>
            <aspectCategories><aspectCategory category="delivery" polarity="negative"/><aspectCategory category="digital" polarity="conflict"/></aspectCategories></sentence>
          <sentence id="c"><text>Happy with everything.</text>
            <aspectCategories><aspectCategory category="billing" polarity="positive"/></aspectCategories></sentence>
          <sentence id="d"><text>The screen.</text>
            <aspectCategories><aspectCategory category="anecdotes/miscellaneous" polarity="neutral"/></aspectCategories></sentence>
          <sentence id="e"><text>Not labelled.</text></sentence>
        </sentences>

        """

    @Test func aRunOnFiveSentencesCountedByHand() throws {
        let path = try BenchCorpusTests.file("absa.xml", Self.xml)
        let spec = try BenchCorpusSpec(parsing: path, defaults: BenchCorpusDefaults())
        #expect(spec.kind == .topics)
        let corpus = try BenchCorpus(spec: spec, lexiconCategories: [], topics: TopicFixture.taxonomy)
        #expect(corpus.count == 4 && corpus.missing == 1)
        #expect(corpus.lines == [3, 5, 7, 9])
        #expect(corpus.goldLabels == [[1], [0, 4], [2], []])
        #expect(corpus.goldPolarities == [[1: .positive], [0: .negative, 4: .conflict], [2: .positive], [:]])
        let loaded = LexiconReference.Loaded(name: "fixture", lexicon: Fixture.lexicon, format: .native, paths: [], notes: [])
        let result = try BenchRunner(parameters: BenchParameters(seed: 1, bootstrapSamples: 20, emotionThreshold: 0.25), topics: TopicFixture.taxonomy)
            .run(corpus: corpus, systems: [.lexicon(loaded)])
        #expect(result.topicCounts == BenchTopicCounts(corpus))
        #expect(result.topicCounts.map { [$0.topics, $0.withPolarity, $0.conflict, $0.noTopic] } == [4, 4, 1, 1])
        let metrics = Dictionary(uniqueKeysWithValues: result.systems[0].metrics.map { ($0.metric, $0.value) })
        // found: {service +}, {delivery −, digital +}, {}, {product neutral}: tp 3, fp 1 (product), fn 1 (billing)
        #expect(metrics["coverage"] == 0.75)
        #expect(metrics["detectionPrecision"] == 0.75 && metrics["detectionRecall"] == 0.75 && metrics["detectionF1"] == 0.75)
        // service right, delivery right, digital conflict wrong, billing (comment: happy, +) right
        #expect(metrics["polarityAccuracy"] == 0.75)
        #expect(abs(metrics["polarityAccuracyFound"]!! - 2.0 / 3) < 1e-12)
        let perTopic = result.systems[0].perLabel
        #expect(perTopic.map(\.label) == ["delivery", "service", "billing", "product", "digital"])
        #expect(perTopic.map(\.scores.f1) == [1, 1, 0, 0, 1])
        #expect(perTopic.map(\.scores.support) == [1, 1, 1, 0, 1])
        #expect(result.systems[0].perLabelPolarity.map(\.accuracy) == [1, 1, 1, nil, 0])
        #expect(result.systems[0].perLabelPolarity.map(\.counted) == [1, 1, 1, 0, 1])
    }

    @Test func topicCellsWithPolaritiesAndAMap() throws {
        // CSV cells: topic[:polarity] joined by , or ;; "food" maps to billing and delivery
        // through the map; "misc" means no topic; two labels of one topic that disagree: conflict
        let map = try BenchCorpusTests.file("map.json", "{\"billing\": [\"food\"], \"delivery\": [\"food\"]}")
        let path = try BenchCorpusTests.file("t.csv", "text,label\na,\"service:positive; delivery\"\nb,\nc,misc\nd,\"food:negative,billing:positive\"\n")
        var spec = try BenchCorpusSpec(parsing: path + ",kind=topics,no-topic=misc|none", defaults: BenchCorpusDefaults())
        spec.labelMap = map
        let corpus = try BenchCorpus(spec: spec, lexiconCategories: [], topics: TopicFixture.taxonomy)
        #expect(corpus.goldLabels == [[1, 0], [], [], [2, 0]])
        #expect(corpus.goldPolarities == [[1: .positive], [:], [:], [2: .conflict, 0: .negative]])
        let bad = try BenchCorpusTests.file("u.csv", "text,label\na,food\nb,kitchen:positive\n")
        #expect { try BenchCorpus(spec: BenchCorpusSpec(parsing: bad + ",kind=topics", defaults: BenchCorpusDefaults()), lexiconCategories: [], topics: TopicFixture.taxonomy) } throws: {
            "\($0)" == "\(bad):2: topic label \"food\" is not a first-level topic of the taxonomy (delivery, service, billing, product, digital); give --label-map to map it, or no-topic=food to count it as no topic"
        }
        // without a taxonomy the labels are gold's own
        let own = try BenchCorpus(spec: BenchCorpusSpec(parsing: bad + ",kind=topics", defaults: BenchCorpusDefaults()), lexiconCategories: [])
        #expect(own.labels == ["food", "kitchen"] && own.goldPolarities == [[:], [1: .positive]])
    }

    @Test func anXMLCorpusNeedsTheTopicsKind() throws {
        let path = try BenchCorpusTests.file("absa.xml", Self.xml)
        #expect { try BenchCorpus(spec: BenchCorpusSpec(parsing: path + ",kind=valence:3class", defaults: BenchCorpusDefaults()), lexiconCategories: []) } throws: {
            "\($0)" == "\(path): a SemEval XML corpus has topic labels (its aspect categories): give kind=topics, not valence:3class"
        }
    }
}
