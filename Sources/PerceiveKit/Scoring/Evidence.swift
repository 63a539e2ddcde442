/// The perception dimensions a contribution can count toward.
public enum Dimension: String, Sendable, CaseIterable, Codable {
    /// Valence: how the experience felt (-1 very negative … +1 very positive).
    case emotion
    /// How easy it was (-1 very hard … +1 effortless).
    case effort
    /// Whether the customer got what they came for (-1 failed … +1 achieved).
    case success
    /// A named emotion (see ``Evidence/category``), intensity 0 … 1.
    case emotions

    /// The position in ``allCases`` (without building that array: this runs per evidence item).
    var order: Int {
        switch self {
        case .emotion: 0
        case .effort: 1
        case .success: 2
        case .emotions: 3
        }
    }
}

/// The rules that create or change contributions. Each has its own type in `Rules/`.
public enum RuleID: String, Sendable, CaseIterable, Codable {
    case lexicon
    case negation
    case intensifier
    case diminisher
    case caps
    case contrast
    case concessive
    case exclamation
    case question
    case duration
    case repeatedContact = "repeated-contact"
    case transfer
    case unresolved
    case resolution
    case outcome
    case verdict
    case blockedAction = "blocked-action"
    case burden
    case tone
    case sarcasm
    case serviceAction = "service-action"
    case unrealized
    case counterfactual
}

/// A rule's change to a contribution: the factor it multiplied by, and the text that
/// triggered it (UTF-8 byte offsets into the comment; empty when nothing in particular did).
public struct Adjustment: Sendable, Equatable {
    public var rule: RuleID
    public var factor: Double
    public var triggerStart: Int32
    public var triggerEnd: Int32
}

/// One contribution to a score, with its cause: the matched text, what it weighed on its own,
/// every rule that changed it, and what it finally contributes.
///
/// `contribution == base × Π adjustments[i].factor`, exactly.
public struct Evidence: Sendable, Equatable {
    public var dimension: Dimension
    /// For ``Dimension/emotions``: index of the category in the lexicon; else -1.
    public var category: Int32
    /// What created the contribution: ``RuleID/lexicon`` for a lexicon term, else a rule.
    public var source: RuleID
    /// The lexicon entry matched, or -1 for a contribution a rule made up.
    public var entry: Int32
    /// UTF-8 byte offsets of the matched text in the comment (end exclusive).
    public var start: Int32
    public var end: Int32
    /// Token range of the matched text.
    public var firstToken: Int32
    public var endToken: Int32
    public var sentence: Int32
    /// The weight before any rule changed it.
    public var base: Double
    /// Minutes for a duration, a count for repeated contacts and transfers; else nil.
    public var quantity: Double?
    public var adjustments: [Adjustment] = []
    /// `base` times every adjustment's factor.
    public var contribution: Double

    /// Multiplies the contribution by `factor` and records why.
    @inline(__always)
    mutating func adjust(_ rule: RuleID, by factor: Double, trigger: (start: Int32, end: Int32)) {
        adjustments.append(Adjustment(rule: rule, factor: factor, triggerStart: trigger.start, triggerEnd: trigger.end))
        contribution *= factor
    }

    /// Whether a rule of kind `rule` changed this contribution.
    public func wasAdjusted(by rule: RuleID) -> Bool { adjustments.contains { $0.rule == rule } }
}
