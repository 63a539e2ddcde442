/// A topic a comment mentions, with the scores of the evidence attributed to it.
///
/// Each of emotion, effort and success is computed from the attributed contributions c of
/// that dimension exactly as for the whole comment (``Scores``): `clamp(Σ c·|c| / Σ |c|, −1, 1)`,
/// nil where the topic has none of that dimension (emotion too: a topic mentioned without
/// feeling has no emotion score, where a comment's is 0). Named emotions are not scored per topic.
public struct TopicScore: Sendable, Equatable {
    /// Index of the topic in ``TopicTaxonomy/topics``.
    public internal(set) var topic: Int32
    /// The topic's path ("delivery/shipping"): a path the loader accepted, which the writers
    /// copy without escaping.
    public internal(set) var path: String
    /// Where the comment names it, in reading order (a slice of one buffer that holds the
    /// mentions of all the comment's topics).
    public internal(set) var mentions: ArraySlice<TopicMention>
    public internal(set) var emotion: Double?
    public internal(set) var effort: Double?
    public internal(set) var success: Double?
    /// Named emotions of the evidence attributed to the topic, combined as the comment's are
    /// (``Scores/emotions``), strongest first; empty when none.
    public internal(set) var emotions: [EmotionScore] = []
    /// Evidence items attributed to the topic (named emotions included).
    public internal(set) var evidenceCount: Int

    public func score(_ dimension: Dimension) -> Double? {
        switch dimension {
        case .emotion: emotion
        case .effort: effort
        case .success: success
        case .emotions: nil
        }
    }
}

/// Which topics each evidence item of a comment is attributed to: indices into the comment's
/// ``CommentScore/topics``, in order of first mention.
public struct TopicAttribution: Sendable, Equatable {
    /// `evidenceCount + 1` offsets, then the slots: evidence k's topics are the slots from
    /// `storage[k]` to `storage[k + 1]` (counted after the offsets). One array, so a comment's
    /// attribution is one allocation; empty when no evidence item has a topic.
    var storage: [Int32] = []
    var evidenceCount = 0

    public init() {}

    /// The indices in ``CommentScore/topics`` of the topics of evidence item `index` (empty:
    /// unattributed).
    public func topics(ofEvidence index: Int) -> ArraySlice<Int32> {
        guard index < evidenceCount else { return [] }
        let base = evidenceCount + 1
        return storage[base + Int(storage[index])..<base + Int(storage[index + 1])]
    }

    /// Calls `body` with the slots of each evidence item's topics, in place (no slice per item).
    @inline(__always)
    func withTopics<R>(_ body: (_ slots: (Int) -> UnsafeBufferPointer<Int32>) -> R) -> R {
        storage.withUnsafeBufferPointer { storage in
            let base = evidenceCount + 1
            return body { index in
                guard index < evidenceCount else { return UnsafeBufferPointer(start: nil, count: 0) }
                return UnsafeBufferPointer(rebasing: storage[base + Int(storage[index])..<base + Int(storage[index + 1])])
            }
        }
    }
}

/// Attributes a comment's evidence to the topics it mentions: an evidence item gets the topics
/// mentioned in its own clause (clauses end at , ; : . ! ?, dashes and brackets, and at
/// contrast words such as "but": the clause breaks lexicon matching marks, as
/// ``Analysis/clauseNumbers(into:)`` counts them), else those mentioned in its sentence; with
/// none in reach it stays unattributed. A clause that names two topics gives its evidence to
/// both. A ``Scorer`` keeps one, for its scratch buffers.
///
/// - Complexity: O(n + e · m) for n tokens, e evidence items and m mentions.
struct TopicAttributor {
    private var clauses: [Int32] = []
    private var offsets: [Int32] = []
    private var topicIDs: [Int32] = []
    private var scratch = Scratch()

    /// Buffers of ``scores(mentions:evidence:offsets:topicIDs:scratch:path:)``, kept across comments.
    struct Scratch {
        /// The topic of each slot, in order of first mention, and where its mentions start.
        var order: [Int32] = []
        var starts: [Int] = []
        var counts: [Int] = []
        var sums: [ScoreAccumulator] = []
        /// The named-emotion items attributed: slot, category, contribution.
        var emotions: [(slot: Int, category: Int32, contribution: Double)] = []
    }

    /// The topics of `analysis` (its mentions) with the scores of `evidence` (the analysis's
    /// evidence in output order) attributed to them, and the attribution of each item.
    mutating func attribute(_ analysis: Analysis, evidence: [Evidence], paths: [String],
                            emotionNames: [String]) -> ([TopicScore], TopicAttribution) {
        guard !analysis.topicMentions.isEmpty else { return ([], TopicAttribution()) }
        Self.clauses(of: analysis, into: &clauses)
        offsets.removeAll(keepingCapacity: true)
        topicIDs.removeAll(keepingCapacity: true)
        offsets.append(0)
        clauses.withUnsafeBufferPointer { clauses in
            analysis.topicMentions.withUnsafeBufferPointer { mentions in
                evidence.withUnsafeBufferPointer { items in
                    for k in items.indices {
                        let first = topicIDs.count
                        let clause = clauses[Int(items[k].firstToken)], sentence = items[k].sentence
                        for pass in 0..<2 where topicIDs.count == first {  // the clause's topics, else the sentence's
                            for m in mentions.indices where pass == 0 ? clauses[Int(mentions[m].firstToken)] == clause
                                                                      : mentions[m].sentence == sentence {
                                var seen = false
                                for t in first..<topicIDs.count where topicIDs[t] == mentions[m].topic { seen = true }
                                if !seen { topicIDs.append(mentions[m].topic) }
                            }
                        }
                        offsets.append(Int32(topicIDs.count))
                    }
                }
            }
        }
        return Self.scores(mentions: analysis.topicMentions, evidence: evidence, offsets: offsets, topicIDs: topicIDs,
                           scratch: &scratch, emotionName: { emotionNames[Int($0)] }) { paths[Int($0)] }
    }

    /// The clause of each token, as ``Analysis/clauseNumbers(into:)`` numbers them, in a loop
    /// over the two arrays it needs (that function's cost per token doubled when called here).
    static func clauses(of analysis: Analysis, into clauses: inout [Int32]) {
        let count = analysis.tokenized.tokens.count
        if clauses.count < count { clauses.append(contentsOf: repeatElement(0, count: count - clauses.count)) }
        clauses.withUnsafeMutableBufferPointer { clauses in
            analysis.tokenized.tokens.withUnsafeBufferPointer { tokens in
                analysis.isClauseBreak.withUnsafeBufferPointer { breaks in
                    var clause: Int32 = 0
                    var sentence: Int32 = -1
                    for i in tokens.indices {
                        if tokens[i].sentence != sentence { sentence = tokens[i].sentence; clause += 1 }
                        if breaks[i] { clause += 1; clauses[i] = clause; clause += 1 } else { clauses[i] = clause }
                    }
                }
            }
        }
    }

    /// The topics of `mentions` in order of first mention, each with its mentions and the
    /// scores of the evidence attributed to it (evidence k to the topics `topicIDs[offsets[k]
    /// ..< offsets[k + 1]]`), and the attribution as indices into that list. Sums and counts go
    /// to scratch buffers, and each result array is made once at its size (growing them and
    /// updating the topics in place were a third of the attribution's instructions).
    static func scores(mentions: [TopicMention], evidence: [Evidence], offsets: [Int32], topicIDs: [Int32],
                       scratch: inout Scratch, emotionName: (Int32) -> String,
                       path: (Int32) -> String) -> ([TopicScore], TopicAttribution) {
        guard !mentions.isEmpty else { return ([], TopicAttribution()) }
        // Every topic's mentions in one buffer, grouped by topic in order of first mention; each
        // topic's `mentions` is a slice of it (an array per topic was an allocation each).
        var grouped: [TopicMention] = []
        grouped.reserveCapacity(mentions.count)
        scratch.order.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        for i in mentions.indices where !scratch.order.contains(mentions[i].topic) {
            scratch.order.append(mentions[i].topic)
            scratch.starts.append(grouped.count)
            for j in i..<mentions.count where mentions[j].topic == mentions[i].topic { grouped.append(mentions[j]) }
        }
        scratch.starts.append(grouped.count)
        let slots = scratch.order.count
        while scratch.sums.count < slots { scratch.sums.append(ScoreAccumulator(categories: 0)) }
        while scratch.counts.count < slots { scratch.counts.append(0) }
        for s in 0..<slots {
            scratch.sums[s].reset()
            scratch.counts[s] = 0
        }
        scratch.emotions.removeAll(keepingCapacity: true)
        var attribution = TopicAttribution()
        attribution.evidenceCount = evidence.count
        attribution.storage.reserveCapacity(evidence.count + 1 + topicIDs.count)
        attribution.storage.append(contentsOf: offsets)
        scratch.order.withUnsafeBufferPointer { order in
            evidence.withUnsafeBufferPointer { items in
                for k in items.indices {
                    for t in Int(offsets[k])..<Int(offsets[k + 1]) {
                        var s = 0
                        while order[s] != topicIDs[t] { s += 1 }  // every attributed topic is mentioned
                        attribution.storage.append(Int32(s))
                        scratch.counts[s] += 1
                        if items[k].dimension != .emotions {
                            scratch.sums[s].add(items[k].contribution, items[k].dimension, category: -1)
                        } else if items[k].contribution > 0 {
                            scratch.emotions.append((s, items[k].category, items[k].contribution))
                        }
                    }
                }
            }
        }
        var topics: [TopicScore] = []
        topics.reserveCapacity(slots)
        for s in 0..<slots {
            topics.append(TopicScore(topic: scratch.order[s], path: path(scratch.order[s]), mentions: grouped[scratch.starts[s]..<scratch.starts[s + 1]],
                                     emotion: scratch.sums[s].mean(.emotion), effort: scratch.sums[s].mean(.effort),
                                     success: scratch.sums[s].mean(.success), evidenceCount: scratch.counts[s]))
        }
        // Named emotions per topic, as ``ScoreAccumulator`` combines a comment's: each
        // category's intensity is 1 − Π(1 − c) over its contributions c.
        if !scratch.emotions.isEmpty {
            for s in 0..<slots {
                var remaining: [(category: Int32, remaining: Double)] = []
                for item in scratch.emotions where item.slot == s {
                    let factor = 1 - min(1, item.contribution)
                    if let i = remaining.firstIndex(where: { $0.category == item.category }) {
                        remaining[i].remaining *= factor
                    } else {
                        remaining.append((item.category, factor))
                    }
                }
                guard !remaining.isEmpty else { continue }
                var emotions = remaining.map { EmotionScore(category: Int($0.category), name: emotionName($0.category), intensity: 1 - $0.remaining) }
                emotions.sort { $0.intensity != $1.intensity ? $0.intensity > $1.intensity : $0.category < $1.category }
                topics[s].emotions = emotions
            }
        }
        return (topics, attribution)
    }
}
