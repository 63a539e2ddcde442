/// Effort is the customer's work to get something done, not a property of the product: an
/// effort term of the lexicon in a clause that names the product (a `product` cue) and is not
/// followed by "to" ("easy care fabric", "an easy dress", "the interface is slow") gives no
/// effort contribution. "The speaker is easy to set up" keeps its effort: "to" introduces
/// what the customer did. Its valence, and the product verdict it makes, stay.
public struct ProductAttributeRule: ScoringRule {
    public var id: RuleID { .verdict }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let lexicon = context.lexicon
        var clauses: [Int32] = []
        var productClauses = Set<Int32>()
        for match in analysis.matches where analysis.has(.product, match, lexicon) {
            if clauses.isEmpty { analysis.clauseNumbers(into: &clauses) }
            productClauses.insert(clauses[Int(match.first)])
        }
        guard !productClauses.isEmpty else { return }
        let tokens = analysis.tokens
        var attributes: [Int] = []
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            guard e.dimension == .effort, e.source == .lexicon, productClauses.contains(clauses[Int(e.firstToken)]) else { continue }
            var next = Int(e.endToken)
            while next < tokens.count && tokens[next].kind == .punctuation && !analysis.isClauseBreak[next] { next += 1 }
            let followedByTo = next < tokens.count && clauses[next] == clauses[Int(e.firstToken)] && analysis.tokenIs(next, "to")
            if !followedByTo { attributes.append(index) }
        }
        for index in attributes.reversed() { analysis.evidence.remove(at: index) }
    }
}
