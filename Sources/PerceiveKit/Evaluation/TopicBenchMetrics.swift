/// The polarity of a topic in a gold label or a prediction.
public enum TopicPolarity: String, Sendable, CaseIterable {
    case negative, neutral, positive
    /// Both positive and negative (SemEval's `conflict`): a gold label only, which no
    /// prediction matches (see ``TopicBenchMetrics/polarityAccuracy(predicted:fallback:gold:indices:labelCount:foundOnly:)``).
    case conflict

    /// The polarity of a topic's valence: positive above `band`, negative below −`band`, else
    /// (a valence within the band, or none) neutral. `band` is ``Parameters/neutralBand``.
    ///
    /// ```
    /// TopicPolarity(valence: 0.3, band: 0.05)   // .positive
    /// TopicPolarity(valence: 0.05, band: 0.05)  // .neutral (strictly above the band is positive)
    /// TopicPolarity(valence: nil, band: 0.05)   // .neutral
    /// ```
    public init(valence: Double?, band: Double) {
        guard let valence else { self = .neutral; return }
        self = valence > band ? .positive : (valence < -band ? .negative : .neutral)
    }
}

/// Measures of topic labels (``BenchLabelKind/topics``): each item has a set of gold topics,
/// each with a polarity or none, and a set of topics the system found, each with the polarity
/// of its valence; topics are indices into a label list.
///
/// - **Detection** (micro): precision, recall and F1 over (item, topic) pairs, counted over all
///   topics at once (``DetectionMetrics/Counts``); per topic, ``LabelSetMetrics/perLabel(predicted:gold:labelCount:indices:)``.
/// - **Polarity accuracy**: over the gold (item, topic) pairs that have a polarity, the share
///   whose predicted polarity equals it. A gold topic the system did not find is given the
///   comment's polarity (`fallback`), as SemEval-2014's category polarity task gives every gold
///   category a prediction; with `foundOnly`, such pairs are left out instead. A gold
///   `conflict` stays in the denominator and is never right: a system that predicts one
///   polarity per topic cannot match it, and leaving it out would hide that it exists.
///
/// For example, gold `[{0: +}, {0: conflict, 1: −}, {}]`, found `[{0: +}, {1: −, 2: neutral}, {}]`
/// and fallback `[neutral, +, neutral]`: detection tp 2, fp 1, fn 1 → P = R = F1 = 2/3;
/// polarity: item 1 topic 0 right, item 2 topic 0 (conflict) wrong, topic 1 right → 2/3; found
/// only: the conflict was not found → 2/2 = 1.
public enum TopicBenchMetrics {
    /// Micro detection counts over (item, topic) pairs of `indices`.
    public static func detection(predicted: [Set<Int>], gold: [Set<Int>], indices: [Int]) -> DetectionMetrics.Counts {
        var counts = DetectionMetrics.Counts(hasScore: [], hasGold: [], indices: [])
        for i in indices {
            let hits = predicted[i].intersection(gold[i]).count
            counts.truePositives += hits
            counts.falsePositives += predicted[i].count - hits
            counts.falseNegatives += gold[i].count - hits
        }
        return counts
    }

    /// Polarity accuracy over all topics (index `labelCount`) and per topic (indices
    /// `0..<labelCount`): correct and counted pairs. See the type's summary.
    public static func polarityCounts(predicted: [[Int: TopicPolarity]], fallback: [TopicPolarity], gold: [[Int: TopicPolarity]],
                                      indices: [Int], labelCount: Int, foundOnly: Bool = false) -> (correct: [Int], counted: [Int]) {
        var correct = [Int](repeating: 0, count: labelCount + 1), counted = correct
        for i in indices {
            for (topic, expected) in gold[i] {
                let found = predicted[i][topic]
                if foundOnly && found == nil { continue }
                let right = expected != .conflict && (found ?? fallback[i]) == expected
                counted[topic] += 1
                counted[labelCount] += 1
                if right {
                    correct[topic] += 1
                    correct[labelCount] += 1
                }
            }
        }
        return (correct, counted)
    }

    /// Polarity accuracy over all topics of `indices`; nil when no gold topic has a polarity.
    public static func polarityAccuracy(predicted: [[Int: TopicPolarity]], fallback: [TopicPolarity], gold: [[Int: TopicPolarity]],
                                        indices: [Int], labelCount: Int, foundOnly: Bool = false) -> Double? {
        let counts = polarityCounts(predicted: predicted, fallback: fallback, gold: gold, indices: indices, labelCount: labelCount, foundOnly: foundOnly)
        return ratio(counts.correct[labelCount], counts.counted[labelCount])
    }

    /// correct / counted, nil when nothing was counted.
    public static func ratio(_ correct: Int, _ counted: Int) -> Double? {
        counted > 0 ? Double(correct) / Double(counted) : nil
    }

    /// The first level of a topic path ("delivery/shipping" → "delivery"): what a corpus's
    /// topic label names.
    public static func firstLevel(_ path: String) -> Substring {
        path.split(separator: "/", maxSplits: 1).first ?? Substring(path)
    }

    /// The first levels of `taxonomy`'s topics, in order of first appearance: the labels a
    /// topic corpus is compared in.
    public static func labels(of taxonomy: TopicTaxonomy) -> [String] {
        var labels: [String] = []
        for path in taxonomy.topics {
            let first = String(firstLevel(path))
            if !labels.contains(first) { labels.append(first) }
        }
        return labels
    }

    /// The labels (indices into `labels`) of the topics `result` found, each with the polarity
    /// of its valence: the emotion contributions attributed to any topic under that first
    /// level, aggregated as the comment's (``Scores``: `clamp(Σ c·|c| / Σ |c|, −1, 1)`), an item
    /// attributed to two topics of one first level counted once.
    public static func found(in result: CommentScore, labels: [String], band: Double) -> [Int: TopicPolarity] {
        guard let topics = result.topics, !topics.isEmpty else { return [:] }
        let labelOfSlot: [Int?] = topics.map { labels.firstIndex(of: String(firstLevel($0.path))) }
        var sums: [Int: (signed: Double, absolute: Double)] = [:]
        for slot in labelOfSlot.indices {
            if let label = labelOfSlot[slot], sums[label] == nil { sums[label] = (0, 0) }
        }
        var seen: Set<Int> = []
        for (k, item) in result.evidence.enumerated() where item.dimension == .emotion {
            seen.removeAll(keepingCapacity: true)
            for slot in result.evidenceTopics.topics(ofEvidence: k) {
                guard let label = labelOfSlot[Int(slot)], seen.insert(label).inserted else { continue }
                let c = item.contribution
                sums[label]!.signed += c * abs(c)
                sums[label]!.absolute += abs(c)
            }
        }
        var polarities: [Int: TopicPolarity] = [:]
        for (label, sum) in sums {
            let valence: Double? = sum.absolute > 0 ? min(1, max(-1, sum.signed / sum.absolute)) : nil
            polarities[label] = TopicPolarity(valence: valence, band: band)
        }
        return polarities
    }
}
