/// Effort is the customer's work to get something done, not a property of the product: a
/// one-word effort term of the lexicon that describes the product itself gives no effort
/// contribution. It describes the product when, in its clause, a `product` cue follows it
/// within two words ("easy care fabric", "an easy dress") or it is the complement of the
/// product ("the interface is slow", "the speaker was too quiet": a product cue, then is/was/
/// are/were, then the term within two words). A term followed by "to" ("the speaker is easy to
/// set up"), phrases, and words about what the customer did ("difficulty working with the
/// speaker") keep their effort. The term's
/// valence, and the product verdict it makes, stay.
public struct ProductAttributeRule: ScoringRule {
    public var id: RuleID { .verdict }
    public init() {}

    /// Words between an attribute and the product it describes, either way.
    static let reach = 2

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let lexicon = context.lexicon
        guard analysis.matches.contains(where: { analysis.has(.product, $0, lexicon) }) else { return }
        var clauses: [Int32] = []
        analysis.clauseNumbers(into: &clauses)
        var attributes: [Int] = []
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            guard e.dimension == .effort, e.source == .lexicon, e.endToken - e.firstToken == 1 else { continue }
            // "easy to set up": "to" introduces what the customer did.
            let next = Int(e.endToken)
            if next < analysis.tokens.count && clauses[next] == clauses[Int(e.firstToken)] && analysis.tokenIs(next, "to") { continue }
            if productFollows(e, analysis, clauses, lexicon) || isComplementOfProduct(e, analysis, clauses, lexicon) {
                attributes.append(index)
            }
        }
        for index in attributes.reversed() { analysis.evidence.remove(at: index) }
    }

    /// A product cue starts within ``reach`` words after the term, in its clause.
    private func productFollows(_ e: Analysis.Anchor, _ analysis: Analysis, _ clauses: [Int32], _ lexicon: Lexicon) -> Bool {
        var i = Int(e.endToken), words = 0
        while i < analysis.tokens.count && clauses[i] == clauses[Int(e.firstToken)] && words < Self.reach {
            if analysis.tokens[i].kind != .punctuation {
                if let m = analysis.match(startingAt: i), analysis.has(.product, m, lexicon) { return true }
                words += 1
            }
            i += 1
        }
        return false
    }

    /// "<product> is|was|are|were [one or two words] <term>", in one clause.
    private func isComplementOfProduct(_ e: Analysis.Anchor, _ analysis: Analysis, _ clauses: [Int32], _ lexicon: Lexicon) -> Bool {
        var i = Int(e.firstToken) - 1, words = 0
        while i >= 0 && clauses[i] == clauses[Int(e.firstToken)] && words <= Self.reach {
            if analysis.tokens[i].kind != .punctuation {
                if analysis.tokenIs(i, "is") || analysis.tokenIs(i, "was") || analysis.tokenIs(i, "are") || analysis.tokenIs(i, "were") {
                    let before = i - 1
                    guard before >= 0, clauses[before] == clauses[i] else { return false }
                    let m = analysis.matchAt[before]
                    return m >= 0 && lexicon.info[Int(analysis.matches[Int(m)].entry)].cues.contains(.product)
                }
                words += 1
            }
            i -= 1
        }
        return false
    }
}
