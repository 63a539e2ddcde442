/// An outcome that has not happened is no success: a success contribution that is positive
/// after negation, with an `unrealized` cue (a need, hope, condition, request or promise:
/// "need to", "have to", "hoping", "if", "asked for", "would be") within
/// ``Parameters/unrealizedWindow`` tokens before it in its clause, is multiplied by
/// ``Parameters/unrealizedFactor`` (negative): "now I have to get it replaced", "I asked for a
/// refund", "told the fault would be fixed", "not sure if my return was accepted". The
/// customer does not have what they came for yet. A failed outcome in the same place is left
/// as it is ("if it isn't fixed").
public struct UnrealizedOutcomeRule: ScoringRule {
    public var id: RuleID { .unrealized }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        let lexicon = context.lexicon
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            guard e.dimension == .success, e.contribution > 0 else { continue }
            var marker: Match?
            analysis.walkBack(from: Int(e.firstToken), window: p.unrealizedWindow) { match, _ in
                if analysis.has(.unrealized, match, lexicon) { marker = match; return false }
                return true
            }
            guard let marker else { continue }
            analysis.evidence[index].adjust(.unrealized, by: p.unrealizedFactor, trigger: analysis.span(marker.first, marker.end))
        }
    }
}
