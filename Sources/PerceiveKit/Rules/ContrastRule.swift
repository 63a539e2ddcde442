/// Contrast within a sentence. Before a contrast word ("but", "however") a contribution is
/// multiplied by ``Parameters/contrastBeforeWeight``; after one, by
/// ``Parameters/contrastAfterWeight``. In a clause opened by a concessive word ("although",
/// "even though"), up to the next clause punctuation, by ``Parameters/concessiveWeight``.
public struct ContrastRule: ScoringRule {
    public var id: RuleID { .contrast }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        var contrasts: [Match] = []
        var hasConcessive = false
        for match in analysis.matches {
            switch context.lexicon.info[Int(match.entry)].shifter {
            case .contrast: contrasts.append(match)
            case .concessive: hasConcessive = true
            default: break
            }
        }
        guard !contrasts.isEmpty || hasConcessive else { return }
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            // The nearest contrast word after the contribution, else the nearest before it.
            if let after = contrasts.first(where: { analysis.tokens[Int($0.first)].sentence == e.sentence && $0.first >= e.endToken }) {
                analysis.evidence[index].adjust(.contrast, by: p.contrastBeforeWeight, trigger: analysis.span(after.first, after.end))
            } else if let before = contrasts.last(where: { analysis.tokens[Int($0.first)].sentence == e.sentence && $0.end <= e.firstToken }) {
                analysis.evidence[index].adjust(.contrast, by: p.contrastAfterWeight, trigger: analysis.span(before.first, before.end))
            }
            if hasConcessive, let opener = concessiveOpener(of: e, analysis, context.lexicon) {
                analysis.evidence[index].adjust(.concessive, by: p.concessiveWeight, trigger: analysis.span(opener.first, opener.end))
            }
        }
    }

    /// The concessive word opening the clause the contribution is in, if any.
    private func concessiveOpener(of e: Analysis.Anchor, _ analysis: Analysis, _ lexicon: Lexicon) -> Match? {
        var i = Int(e.firstToken) - 1
        while i >= 0 {
            let token = analysis.tokens[i]
            if token.sentence != e.sentence { return nil }
            let m = analysis.matchAt[i]
            if m >= 0 {
                let match = analysis.matches[Int(m)]
                switch lexicon.info[Int(match.entry)].shifter {
                case .concessive: return match
                case .contrast: return nil
                default: break
                }
                i = Int(match.first) - 1
                continue
            }
            if analysis.isClauseBreak[i] { return nil }
            i -= 1
        }
        return nil
    }
}
