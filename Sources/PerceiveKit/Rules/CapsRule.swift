/// A term written in capitals ("AWFUL") is multiplied by 1 + ``Parameters/capsEmphasis``,
/// unless the whole comment is in capitals (then capitals carry no emphasis). VADER's "ALL-CAPS
/// differential".
public struct CapsRule: ScoringRule {
    public var id: RuleID { .caps }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        guard !analysis.isShouting else { return }
        let factor = 1 + context.parameters.capsEmphasis
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            for t in Int(e.firstToken)..<Int(e.endToken) where analysis.tokens[t].isAllCaps && analysis.tokens[t].kind == .word {
                analysis.evidence[index].adjust(.caps, by: factor, trigger: analysis.span(Int32(t), Int32(t + 1)))
                break
            }
        }
    }
}
