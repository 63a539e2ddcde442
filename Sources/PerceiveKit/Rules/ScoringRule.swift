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
            ProductAttributeRule(),
            BlockedActionRule(),
            DurationRule(),
            TransferRule(),
            RepeatedContactRule(),
            NegationRule(),
            SarcasmRule(),
            UnresolvedRule(),
            ResolutionRule(),
            IntensifierRule(),
            CapsRule(),
            ContrastRule(),
            EmphasisRule(),
            OutcomeToneRule(),
        ])
    }
}

extension Analysis {
    /// Appends evidence for tokens `first ..< end`.
    mutating func addEvidence(
        _ dimension: Dimension, category: Int32 = -1, source: RuleID, entry: Int32, first: Int32, end: Int32,
        base: Double, quantity: Double? = nil
    ) {
        let bytes = span(first, end)
        evidence.append(Evidence(
            dimension: dimension, category: category, source: source, entry: entry, start: bytes.start, end: bytes.end,
            firstToken: first, endToken: end, sentence: tokenized.tokens[Int(first)].sentence, base: base,
            quantity: quantity, contribution: base))
    }

    /// The number a token stands for: digits ("45", "1.5", "3,000") or a number word the
    /// lexicon's cues define ("three", "an", "half").
    func numberValue(at index: Int, _ lexicon: Lexicon) -> Double? {
        let token = tokenized.tokens[index]
        if token.kind == .number {
            return Self.parseDigits(tokenized.folded[Int(token.foldStart)..<Int(token.foldEnd)])
        }
        if let match = self.match(startingAt: index), match.end == match.first + 1 {
            return lexicon.info[Int(match.entry)].cueValue(.number)
        }
        return nil
    }

    /// Parses "45", "1.5", "3,000" (ASCII digits as ICU's number tokens give them).
    static func parseDigits(_ bytes: ArraySlice<UInt8>) -> Double? {
        var value = 0.0
        var scale = 0.0   // 0 before the decimal point, then 0.1, 0.01, …
        var sawDigit = false
        for b in bytes {
            switch b {
            case 0x30...0x39:
                sawDigit = true
                if scale == 0 { value = value * 10 + Double(b - 0x30) } else { value += Double(b - 0x30) * scale; scale /= 10 }
            case 0x2E:
                guard scale == 0 else { return nil }
                scale = 0.1
            case 0x2C: continue
            default: return nil
            }
        }
        return sawDigit ? value : nil
    }

    /// Whether token `index` is the folded word `word` (ASCII).
    func tokenIs(_ index: Int, _ word: StaticString) -> Bool {
        let token = tokenized.tokens[index]
        let length = Int(token.foldEnd - token.foldStart)
        guard length == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            for k in 0..<length where tokenized.folded[Int(token.foldStart) + k] != w[k] { return false }
            return true
        }
    }
}
