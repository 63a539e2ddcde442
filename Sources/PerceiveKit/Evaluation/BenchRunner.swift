import Foundation

/// A system measured by the bench: a lexicon run through Perceive's standard rules, or
/// scores computed elsewhere (Python VADER) for the same rows.
public enum BenchSystem: Sendable {
    case lexicon(LexiconReference.Loaded)
    /// Scores (−1 … 1), one per corpus item, in corpus order; nil where the scorer gives no
    /// value (measured as 0 and uncovered, like a lexicon without a cue for the dimension).
    case external(name: String, source: String, scores: [Double?])

    public var name: String {
        switch self {
        case .lexicon(let loaded): loaded.name
        case .external(let name, _, _): name
        }
    }
}

/// One metric's value over all items with its bootstrap confidence interval.
public struct BenchMetricValue: Sendable, Equatable {
    public var metric: String
    public var value: Double?
    public var lower: Double?
    public var upper: Double?
}

/// A system's results on a corpus.
public struct BenchSystemResult: Sendable {
    public var system: String
    /// Lexicon name, version and format, or the source of external scores.
    public var version: String
    public var format: String
    public var metrics: [BenchMetricValue]
    /// Per-label precision, recall, F1 and support (emotion corpora).
    public var perLabel: [(label: String, scores: LabelSetMetrics.PerLabel)] = []
    /// Bootstrap intervals of each label's precision, recall and F1 (same order as ``perLabel``).
    public var perLabelIntervals: [(precision: ClosedRange<Double>?, recall: ClosedRange<Double>?, f1: ClosedRange<Double>?)] = []
    /// Topic corpora: each topic's polarity accuracy (same order as ``perLabel``).
    public var perLabelPolarity: [BenchTopicPolarity] = []
    /// Comments scored per second (wall clock, one thread); nil for external scores.
    public var commentsPerSecond: Double?
    /// Items the system gives a value (nocue kinds; nil for the others).
    public var predicted: Int?
}

/// A topic's polarity accuracy: right and counted gold (item, topic) pairs, as
/// ``TopicBenchMetrics/polarityCounts(predicted:fallback:gold:indices:labelCount:foundOnly:)``
/// counts them, with the bootstrap interval of their ratio.
public struct BenchTopicPolarity: Sendable, Equatable {
    public var correct: Int
    public var counted: Int
    public var interval: ClosedRange<Double>?

    public var accuracy: Double? { TopicBenchMetrics.ratio(correct, counted) }
}

/// The paired bootstrap comparison of two systems on one metric.
public struct BenchComparison: Sendable, Equatable {
    public var metric: String
    public var a: String
    public var b: String
    /// a − b on all items.
    public var difference: Double?
    public var pValue: Double?
}

/// All results on one corpus.
public struct BenchCorpusResult: Sendable {
    public var name: String
    public var path: String
    public var kind: BenchLabelKind
    public var items: Int
    public var missing: Int
    public var outOfRange: Int
    /// The rows read (``BenchCorpusSpec/rows``).
    public var rows: BenchRowFilter = .all
    /// Items whose gold label has a value, and items kept as "no cue" (nocue kinds; else nil).
    public var labelled: Int?
    public var noCue: Int?
    /// Topic corpora: what the gold labels hold.
    public var topicCounts: BenchTopicCounts?
    public var labels: [String]
    public var systems: [BenchSystemResult]
    public var comparisons: [BenchComparison]
}

/// What the gold labels of a topic corpus hold.
public struct BenchTopicCounts: Sendable, Equatable {
    /// Items with no gold topic.
    public var noTopic: Int
    /// Gold (item, topic) pairs, those with a polarity, and those whose polarity is `conflict`.
    public var topics: Int
    public var withPolarity: Int
    public var conflict: Int

    public init(_ corpus: BenchCorpus) {
        noTopic = corpus.goldLabels.filter(\.isEmpty).count
        topics = corpus.goldLabels.map(\.count).reduce(0, +)
        withPolarity = corpus.goldPolarities.map(\.count).reduce(0, +)
        conflict = corpus.goldPolarities.map { $0.values.filter { $0 == .conflict }.count }.reduce(0, +)
    }
}

/// Runs every system on every corpus and measures them (`perceive bench`).
///
/// Every lexicon is scored by a ``Scorer`` with ``Ruleset/standard(parameters:)``, so the
/// comparison is one of lexicons. The metrics depend on the label kind:
///
/// - valence-like kinds (continuous, ordinal, binary, 3-class): coverage (share of items with
///   at least one cue for the dimension), Pearson r, Spearman ρ, sign accuracy
///   (``SentimentClassMetrics/signAccuracy(predicted:gold:indices:)``), 3-class weighted F1,
///   MARE, and ROC AUC of high (gold above the range's midpoint) against low items. For
///   effort and success a comment without a cue scores 0.
/// - nocue kinds (``BenchLabelKind/noCueContinuous(_:_:)``, gold may be empty): Pearson r where
///   both gold and score have a value, r0 (gold's rows, a missing score as 0) and detection
///   precision/recall/F1 of "has a value" (``DetectionMetrics``), with the counts of gold
///   values and of predicted values.
/// - emotion kinds: coverage (share with a named emotion), macro-F1 over the evaluation
///   labels that occur in gold or predictions, per-label precision/recall/F1, and for
///   single-label corpora accuracy.
/// - topic kinds (``BenchLabelKind/topics``): coverage (share with a topic found), detection
///   precision/recall/F1 over (item, topic) pairs and per topic, and polarity accuracy over
///   all gold topics and over those found, and per topic (``TopicBenchMetrics``). A lexicon
///   is scored with the runner's ``topics`` taxonomy, whose first levels are the labels.
public struct BenchRunner {
    public var parameters: BenchParameters
    /// The taxonomy topic corpora are scored with.
    public var topics: TopicTaxonomy?

    public init(parameters: BenchParameters = .standard, topics: TopicTaxonomy? = nil) {
        self.parameters = parameters
        self.topics = topics
    }

    /// The predictions of one system on a corpus.
    struct Predictions {
        var score: [Double] = []
        var covered: [Bool] = []
        /// Whether the system gives a value (a lexicon: has a cue for the dimension).
        var hasValue: [Bool] = []
        var emotionSets: [Set<Int>] = []
        /// Topics: each item's topics found (labels), their polarities, and the comment's.
        var topicSets: [Set<Int>] = []
        var topicPolarities: [[Int: TopicPolarity]] = []
        var commentPolarity: [TopicPolarity] = []
        var seconds: Double?
    }

    public func run(corpus: BenchCorpus, systems: [BenchSystem]) throws -> BenchCorpusResult {
        var predictions: [Predictions] = []
        for system in systems { predictions.append(try predict(system, corpus)) }
        let metrics = Self.metrics(for: corpus, parameters)
        let bootstrap = Bootstrap(itemCount: corpus.count, samples: parameters.bootstrapSamples, seed: parameters.seed)
        let all = Array(0..<corpus.count)
        var results: [BenchSystemResult] = []
        var resampled: [[[Double]]] = []   // system → metric → resample
        for (s, system) in systems.enumerated() {
            var values: [BenchMetricValue] = []
            var perMetric: [[Double]] = []
            for metric in metrics {
                let full = metric.compute(predictions[s], all)
                let samples = bootstrap.samples.map { metric.compute(predictions[s], $0) ?? .nan }
                let interval = Bootstrap.percentileInterval(samples, level: parameters.confidenceLevel)
                values.append(BenchMetricValue(metric: metric.name, value: full, lower: interval?.lower, upper: interval?.upper))
                perMetric.append(samples)
            }
            resampled.append(perMetric)
            var result: BenchSystemResult
            switch system {
            case .lexicon(let loaded):
                result = BenchSystemResult(system: loaded.name, version: loaded.lexicon.version, format: loaded.format.rawValue, metrics: values)
            case .external(let name, let source, _):
                result = BenchSystemResult(system: name, version: source, format: "external scores", metrics: values)
            }
            if corpus.spec.kind.isEmotion || corpus.spec.kind == .topics {
                let sets = corpus.spec.kind == .topics ? predictions[s].topicSets : predictions[s].emotionSets
                let perLabel = LabelSetMetrics.perLabel(predicted: sets, gold: corpus.goldLabels, labelCount: corpus.labels.count)
                result.perLabel = zip(corpus.labels, perLabel).map { ($0, $1) }
                let resampledLabels = bootstrap.samples.map {
                    LabelSetMetrics.perLabel(predicted: sets, gold: corpus.goldLabels, labelCount: corpus.labels.count, indices: $0)
                }
                result.perLabelIntervals = corpus.labels.indices.map { l in
                    (interval(resampledLabels.map { $0[l].precision }), interval(resampledLabels.map { $0[l].recall }),
                     interval(resampledLabels.map { $0[l].f1 }))
                }
            }
            if corpus.spec.kind == .topics { result.perLabelPolarity = topicPolarity(predictions[s], corpus, bootstrap) }
            if let seconds = predictions[s].seconds, seconds > 0 { result.commentsPerSecond = Double(corpus.count) / seconds }
            if corpus.spec.kind.keepsNoCue { result.predicted = predictions[s].hasValue.filter { $0 }.count }
            results.append(result)
        }
        var comparisons: [BenchComparison] = []
        for a in systems.indices {
            for b in systems.indices where b > a {
                for (m, metric) in metrics.enumerated() {
                    let difference: Double? = {
                        guard let x = results[a].metrics[m].value, let y = results[b].metrics[m].value else { return nil }
                        return x - y
                    }()
                    let deltas = zip(resampled[a][m], resampled[b][m]).map { $0 - $1 }
                    comparisons.append(BenchComparison(metric: metric.name, a: systems[a].name, b: systems[b].name,
                                                       difference: difference, pValue: difference == nil ? nil : Bootstrap.pairedPValue(deltas)))
                }
            }
        }
        var result = BenchCorpusResult(name: corpus.spec.name, path: corpus.spec.path, kind: corpus.spec.kind, items: corpus.count,
                                       missing: corpus.missing, outOfRange: corpus.outOfRange, labels: corpus.labels, systems: results, comparisons: comparisons)
        result.rows = corpus.spec.rows
        if corpus.spec.kind == .topics { result.topicCounts = BenchTopicCounts(corpus) }
        if corpus.spec.kind.keepsNoCue {
            result.labelled = corpus.hasGold.filter { $0 }.count
            result.noCue = corpus.noCue
        }
        return result
    }

    /// The percentile interval of bootstrap values at the run's level.
    func interval(_ values: [Double]) -> ClosedRange<Double>? {
        Bootstrap.percentileInterval(values, level: parameters.confidenceLevel).map { $0.lower...$0.upper }
    }

    func predict(_ system: BenchSystem, _ corpus: BenchCorpus) throws -> Predictions {
        var p = Predictions()
        switch system {
        case .external(let name, _, let scores):
            guard !corpus.spec.kind.isEmotion && corpus.spec.kind != .topics else {
                throw BenchError(file: nil, "\(name): external scores are valence scores and cannot be measured on the \(corpus.spec.kind) corpus \(corpus.spec.name)")
            }
            guard scores.count == corpus.count else {
                throw BenchError(file: nil, "\(name): \(scores.count) scores for the \(corpus.count) labeled rows of \(corpus.spec.name)")
            }
            p.score = scores.map { $0 ?? 0 }
            p.covered = scores.map { $0 != nil && $0 != 0 }
            p.hasValue = scores.map { $0 != nil }
            return p
        case .lexicon(let loaded) where corpus.spec.kind == .topics:
            return try predictTopics(loaded, corpus)
        case .lexicon(let loaded):
            let scorer = try Scorer(lexicon: loaded.lexicon, ruleset: .standard())
            let categories = loaded.lexicon.categories
            // Category index → evaluation label index (or nil).
            let labelOf: [Int?] = categories.map { category in
                guard let label = corpus.spec.emotionSpace.label(for: category) else { return nil }
                return corpus.labels.firstIndex(of: label)
            }
            let neutral = corpus.labels.firstIndex(of: EmotionSpace.neutral)
            let dimension = corpus.spec.kind.dimension
            let start = DispatchTime.now().uptimeNanoseconds
            var results: [Scores] = []
            results.reserveCapacity(corpus.count)
            for text in corpus.texts { results.append(try scorer.score(text).scores) }
            p.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            for scores in results {
                switch dimension {
                case .valence?:
                    p.score.append(scores.emotion)
                    p.covered.append(scores.emotionCount > 0)
                case .effort?:
                    p.score.append(scores.effort ?? 0)
                    p.covered.append(scores.effort != nil)
                case .success?:
                    p.score.append(scores.success ?? 0)
                    p.covered.append(scores.success != nil)
                case .cx?:
                    p.score.append(scores.cx)
                    p.covered.append(scores.emotionCount + scores.effortCount + scores.successCount > 0)
                case nil:
                    var strength: [Int: Double] = [:]
                    for emotion in scores.emotions where emotion.intensity >= parameters.emotionThreshold {
                        if let label = labelOf[emotion.category] { strength[label] = max(strength[label] ?? 0, emotion.intensity) }
                    }
                    var set: Set<Int>
                    if case .emotion = corpus.spec.kind {
                        set = strength.max { ($0.value, -$0.key) < ($1.value, -$1.key) }.map { [$0.key] } ?? []
                    } else {
                        set = Set(strength.keys)
                    }
                    if set.isEmpty, let neutral { set = [neutral] }
                    p.emotionSets.append(set)
                    p.covered.append(!scores.emotions.isEmpty)
                }
            }
            p.hasValue = p.covered
            return p
        }
    }

    struct Metric {
        var name: String
        var compute: (Predictions, [Int]) -> Double?
    }

    static func metrics(for corpus: BenchCorpus, _ parameters: BenchParameters) -> [Metric] {
        let coverage = Metric(name: "coverage") { p, idx in
            idx.isEmpty ? nil : Double(idx.filter { p.covered[$0] }.count) / Double(idx.count)
        }
        if corpus.spec.kind == .topics { return topicMetrics(for: corpus, coverage) }
        if corpus.spec.kind.isEmotion {
            let gold = corpus.goldLabels, count = corpus.labels.count
            var list = [coverage, Metric(name: "macroF1") { p, idx in
                LabelSetMetrics.macroF1(predicted: p.emotionSets, gold: gold, labelCount: count, indices: idx)
            }]
            if case .emotion = corpus.spec.kind {
                list.append(Metric(name: "accuracy") { p, idx in
                    idx.isEmpty ? nil : Double(idx.filter { p.emotionSets[$0] == gold[$0] }.count) / Double(idx.count)
                })
            }
            return list
        }
        let gold = corpus.gold
        if corpus.spec.kind.keepsNoCue {
            let hasGold = corpus.hasGold
            func detection(_ p: Predictions, _ idx: [Int]) -> DetectionMetrics.Counts {
                DetectionMetrics.Counts(hasScore: p.hasValue, hasGold: hasGold, indices: idx)
            }
            return [
                Metric(name: "pearson") { p, idx in DetectionMetrics.pearsonWhereBoth(score: p.score, hasScore: p.hasValue, gold: gold, hasGold: hasGold, indices: idx) },
                Metric(name: "r0") { p, idx in DetectionMetrics.pearsonMissingAsZero(score: p.score, gold: gold, hasGold: hasGold, indices: idx) },
                Metric(name: "detectionPrecision") { p, idx in detection(p, idx).precision },
                Metric(name: "detectionRecall") { p, idx in detection(p, idx).recall },
                Metric(name: "detectionF1") { p, idx in detection(p, idx).f1 },
            ]
        }
        let threshold = parameters.neutralThreshold
        let goldClass = gold.map { SentimentClassMetrics.sentimentClass($0, threshold: threshold) }
        let high = gold.map { $0 > 0 }
        let lowOrHigh = gold.indices.filter { gold[$0] != 0 }
        let lowOrHighSet = Set(lowOrHigh)
        return [
            coverage,
            Metric(name: "pearson") { p, idx in CorrelationMetrics.pearson(p.score, gold, indices: idx) },
            Metric(name: "spearman") { p, idx in CorrelationMetrics.spearman(p.score, gold, indices: idx) },
            Metric(name: "signAccuracy") { p, idx in SentimentClassMetrics.signAccuracy(predicted: p.score, gold: gold, indices: idx) },
            Metric(name: "f1ThreeClass") { p, idx in
                let predicted = p.score.map { SentimentClassMetrics.sentimentClass($0, threshold: threshold) }
                return SentimentClassMetrics.weightedF1(predicted: predicted, gold: goldClass, indices: idx)
            },
            Metric(name: "mare") { p, idx in SentimentClassMetrics.meanAbsoluteRescaledError(predicted: p.score, gold: gold, indices: idx) },
            Metric(name: "auc") { p, idx in
                ROCAUC.auc(scores: p.score, positive: high, indices: idx.count == gold.count && lowOrHigh.count == gold.count ? idx : idx.filter { lowOrHighSet.contains($0) })
            },
        ]
    }
}
