/// What a rule may read besides the analysis.
public struct RuleContext: Sendable {
    public let lexicon: Lexicon
    public let parameters: Parameters

    public init(lexicon: Lexicon, parameters: Parameters) {
        self.lexicon = lexicon
        self.parameters = parameters
    }
}

/// One scoring rule. Source rules add evidence (lexicon terms, durations, repeated contact);
/// modifier rules change the contribution of evidence already there (negation, intensifiers,
/// contrast, emphasis), recording an ``Adjustment`` for each change.
public protocol ScoringRule: Sendable {
    var id: RuleID { get }
    func apply(to analysis: inout Analysis, in context: RuleContext)
}

/// An ordered list of rules with their parameters: what a ``Scorer`` runs on each comment.
public struct Ruleset: Sendable {
    public var name: String
    public var parameters: Parameters
    public var rules: [any ScoringRule]

    public init(name: String, parameters: Parameters, rules: [any ScoringRule]) {
        self.name = name
        self.parameters = parameters
        self.rules = rules
    }

    /// Perceive's own rules, in the order they run: sources first (lexicon terms, durations,
    /// transfers, repeated contact), then negation and what depends on it (unresolved
    /// outcomes, first-contact resolution), then the intensity modifiers.
    public static func standard(parameters: Parameters = .standard) -> Ruleset {
        Ruleset(name: "perceive", parameters: parameters, rules: [
            LexiconRule(),
            OutcomeRule(),
            ServiceActionRule(),
            ProductAttributeRule(),
            BlockedActionRule(),
            DurationRule(),
            TransferRule(),
            RepeatedContactRule(),
            NegationRule(),
            SarcasmRule(),
            UnresolvedRule(),
            UnrealizedOutcomeRule(),
            ResolutionRule(),
            IntensifierRule(),
            CapsRule(),
            ContrastRule(),
            EmphasisRule(),
            OutcomeToneRule(),
        ])
    }
}
