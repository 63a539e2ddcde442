/// Bands for people, from a score and the thresholds ``Parameters/neutralBand`` and
/// ``Parameters/strongBand``.
public enum Band: Int, Sendable, CaseIterable, Comparable {
    case veryNegative = -2, negative = -1, neutral = 0, positive = 1, veryPositive = 2

    public init(_ score: Double, _ p: Parameters) {
        switch score {
        case ...(-p.strongBand): self = .veryNegative
        case ...(-p.neutralBand): self = .negative
        case ..<p.neutralBand: self = .neutral
        case ..<p.strongBand: self = .positive
        default: self = .veryPositive
        }
    }

    public static func < (a: Band, b: Band) -> Bool { a.rawValue < b.rawValue }

    /// The band's name for a dimension: "very negative" for emotion, "very hard" for effort…
    public func label(for dimension: Dimension) -> String { labelUTF8(for: dimension).description }

    public static func cxLabel(_ band: Band) -> String { band.cxLabelUTF8.description }

    /// ``label(for:)`` as a literal (what the byte writers append).
    func labelUTF8(for dimension: Dimension) -> StaticString {
        switch (dimension, self) {
        case (.emotion, .veryNegative), (.emotions, .veryNegative): return "very negative"
        case (.emotion, .negative), (.emotions, .negative): return "negative"
        case (.emotion, .positive), (.emotions, .positive): return "positive"
        case (.emotion, .veryPositive), (.emotions, .veryPositive): return "very positive"
        case (.effort, .veryNegative): return "very hard"
        case (.effort, .negative): return "hard"
        case (.effort, .positive): return "easy"
        case (.effort, .veryPositive): return "very easy"
        case (.success, .veryNegative): return "failed"
        case (.success, .negative): return "partly failed"
        case (.success, .positive): return "partly achieved"
        case (.success, .veryPositive): return "achieved"
        case (_, .neutral): return "neutral"
        }
    }

    /// ``cxLabel(_:)`` as a literal.
    var cxLabelUTF8: StaticString {
        switch self {
        case .veryNegative: return "very poor"
        case .negative: return "poor"
        case .neutral: return "neutral"
        case .positive: return "good"
        case .veryPositive: return "very good"
        }
    }
}

/// A named emotion and its intensity (0 … 1).
public struct EmotionScore: Sendable, Equatable {
    public var category: Int
    public var name: String
    public var intensity: Double
}

/// The scores of a comment or a sentence.
///
/// Each of emotion, effort and success is the strength-weighted mean of its contributions,
/// `Σ cᵢ·|cᵢ| / Σ |cᵢ|`, clamped to [-1, 1]: strong cues count more than faint ones, mixed
/// cues cancel, and a long comment does not saturate the way a sum does (VADER's compound).
/// Each contribution's ``Evidence`` share of that sum is `cᵢ·|cᵢ| / Σ |cⱼ|`. A named emotion's
/// intensity is `1 − Π (1 − min(1, max(0, cᵢ)))`. `cx` is the weighted mean of the dimensions
/// that have evidence (weights ``Parameters/cxEmotionWeight`` …), 0 when none has.
public struct Scores: Sendable, Equatable {
    /// Valence, -1 … 1 (0 when nothing in the text carries feeling).
    public var emotion: Double
    /// -1 very hard … 1 effortless; nil when the text has no effort cue.
    public var effort: Double?
    /// -1 failed … 1 achieved; nil when the text has no outcome cue.
    public var success: Double?
    /// The overall perception index, -1 … 1.
    public var cx: Double
    /// Named emotions, strongest first.
    public var emotions: [EmotionScore]
    /// Number of contributions to emotion, effort and success.
    public var emotionCount: Int
    public var effortCount: Int
    public var successCount: Int

    public func score(_ dimension: Dimension) -> Double? {
        switch dimension {
        case .emotion: emotion
        case .effort: effort
        case .success: success
        case .emotions: nil
        }
    }

    /// Computes the scores of the evidence `evidence` (all of a comment, or one sentence's).
    public static func aggregate<S: Sequence<Evidence>>(_ evidence: S, lexicon: Lexicon, parameters p: Parameters) -> Scores {
        var accumulator = ScoreAccumulator(categories: lexicon.categories.count)
        for e in evidence { accumulator.add(e) }
        return accumulator.scores(lexicon: lexicon, parameters: p)
    }

    public func band(_ dimension: Dimension, _ p: Parameters) -> Band? {
        score(dimension).map { Band($0, p) }
    }
}

/// The scores of one sentence, with its byte range in the comment.
public struct SentenceScore: Sendable, Equatable {
    public var index: Int
    public var start: Int32
    public var end: Int32
    public var scores: Scores
}

/// Everything Perceive says about one comment: scores, per-sentence scores and the evidence
/// they are computed from.
public struct CommentScore: Sendable {
    public var text: String
    public var scores: Scores
    public var sentences: [SentenceScore]
    public var evidence: [Evidence]
    /// Number of tokens and of lexicon matches.
    public var tokenCount: Int
    public var matchCount: Int
    /// The topics the comment mentions, in order of first mention, each with the scores of the
    /// evidence attributed to it; nil when the scorer matches no topics (``Scorer/topics``).
    public var topics: [TopicScore]? = nil
    /// The topics of each evidence item (indices into ``topics``).
    public var evidenceTopics = TopicAttribution()

    /// The share of evidence `e` in its dimension's comment score: `c·|c| / Σ|c|`
    /// (nil for named emotions). The shares of a dimension add up to its score (before clamping).
    ///
    /// - Complexity: O(n) in the number of evidence items, for the denominator. To take the
    ///   share of every item, compute ``shareTotals()`` once and use ``share(of:totals:)``
    ///   (calling this once per item made evidence output quadratic: issue 15).
    public func share(of e: Evidence) -> Double? {
        share(of: e, totals: shareTotals())
    }

    /// ``share(of:)`` with the denominators computed beforehand by ``shareTotals()``.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public func share(of e: Evidence, totals: ShareTotals) -> Double? {
        guard e.dimension != .emotions else { return nil }
        let total = totals[e.dimension]
        return total > 0 ? e.contribution * abs(e.contribution) / total : 0
    }

    /// The denominators of ``share(of:)``: Σ|c| of emotion, effort and success, summed in
    /// evidence order (so each share is the same number ``share(of:)`` gives).
    ///
    /// - Complexity: O(n) in the number of evidence items.
    public func shareTotals() -> ShareTotals {
        var totals = ShareTotals()
        evidence.withUnsafeBufferPointer { items in  // in place: a copy retains its adjustments
            for k in items.indices where items[k].dimension != .emotions {
                totals.absolute[items[k].dimension.order] += abs(items[k].contribution)
            }
        }
        return totals
    }

    /// The comment's text for a byte range.
    ///
    /// - Complexity: O(end − start): the range is found by offset in the UTF-8 view, not by
    ///   copying the comment (which made JSON output quadratic in the comment's length).
    public func text(_ start: Int32, _ end: Int32) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(start))
        let to = utf8.index(from, offsetBy: Int(end - start))
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }
}

/// Σ|c| per dimension of one comment: the denominators of ``CommentScore/share(of:totals:)``.
public struct ShareTotals: Sendable, Equatable {
    /// Emotion, effort, success.
    var absolute = [0.0, 0.0, 0.0]

    /// Σ|c| of `dimension`'s contributions (0 for named emotions, which have no share).
    public subscript(dimension: Dimension) -> Double {
        dimension == .emotions ? 0 : absolute[dimension.order]
    }
}

/// Running sums from which ``Scores`` are computed; see ``Scores`` for the formulas.
struct ScoreAccumulator {
    var signed = (0.0, 0.0, 0.0)
    var absolute = (0.0, 0.0, 0.0)
    var counts = (0, 0, 0)
    /// Per category, Π (1 − min(1, max(0, c))).
    var remaining: [Double]

    init(categories: Int) { remaining = [Double](repeating: 1, count: categories) }

    mutating func reset() {
        signed = (0, 0, 0)
        absolute = (0, 0, 0)
        counts = (0, 0, 0)
        for i in remaining.indices { remaining[i] = 1 }
    }

    @inline(__always)
    mutating func add(_ e: Evidence) {
        add(e.contribution, e.dimension, category: e.category)
    }

    /// Adds one contribution (the fields of an ``Evidence`` that count), without copying the
    /// Evidence: a copy retains and releases its adjustments.
    @inline(__always)
    mutating func add(_ c: Double, _ dimension: Dimension, category: Int32) {
        switch dimension {
        case .emotion: signed.0 += c * abs(c); absolute.0 += abs(c); counts.0 += 1
        case .effort: signed.1 += c * abs(c); absolute.1 += abs(c); counts.1 += 1
        case .success: signed.2 += c * abs(c); absolute.2 += abs(c); counts.2 += 1
        case .emotions: remaining[Int(category)] *= 1 - min(1, max(0, c))
        }
    }

    /// The strength-weighted mean of `dimension`'s contributions, clamped to [-1, 1]; nil when
    /// there are none (and for named emotions).
    func mean(_ dimension: Dimension) -> Double? {
        func mean(_ s: Double, _ a: Double, _ n: Int) -> Double? {
            guard n > 0 else { return nil }
            return a > 0 ? min(1, max(-1, s / a)) : 0
        }
        switch dimension {
        case .emotion: return mean(signed.0, absolute.0, counts.0)
        case .effort: return mean(signed.1, absolute.1, counts.1)
        case .success: return mean(signed.2, absolute.2, counts.2)
        case .emotions: return nil
        }
    }

    func scores(lexicon: Lexicon, parameters p: Parameters) -> Scores {
        let emotion = mean(.emotion)
        let effort = mean(.effort)
        let success = mean(.success)
        var weighted = 0.0, weights = 0.0
        if let emotion { weighted += p.cxEmotionWeight * emotion; weights += p.cxEmotionWeight }
        if let effort { weighted += p.cxEffortWeight * effort; weights += p.cxEffortWeight }
        if let success { weighted += p.cxSuccessWeight * success; weights += p.cxSuccessWeight }
        var emotions: [EmotionScore] = []
        for i in remaining.indices where remaining[i] < 1 {
            emotions.append(EmotionScore(category: i, name: lexicon.categories[i].name, intensity: 1 - remaining[i]))
        }
        if emotions.count > 1 {
            emotions.sort { $0.intensity != $1.intensity ? $0.intensity > $1.intensity : $0.category < $1.category }
        }
        return Scores(emotion: emotion ?? 0, effort: effort, success: success, cx: weights > 0 ? weighted / weights : 0,
                      emotions: emotions, emotionCount: counts.0, effortCount: counts.1, successCount: counts.2)
    }
}
