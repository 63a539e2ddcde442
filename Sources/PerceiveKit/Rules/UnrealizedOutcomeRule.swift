/// An outcome that has not happened is no success: a success contribution that is positive
/// after negation, with an `unrealized` cue (a need, hope, condition, request or promise:
/// "need to", "have to", "hoping", "if", "asked for", "would be") within
/// ``Parameters/unrealizedWindow`` tokens before it in its clause, is multiplied by
/// ``Parameters/unrealizedFactor`` (negative): "now I have to get it replaced", "I asked for a
/// refund", "told the fault would be fixed", "not sure if my return was accepted". The
/// customer does not have what they came for yet. A failed outcome in the same place is left
/// as it is ("if it isn't fixed").
///
/// What did not happen is no failure either: a success or effort contribution that is
/// negative after negation, with a `counterfactual` cue ("would have", "could have", "would
/// mean") within the same window, is multiplied by ``Parameters/counterfactualFactor``: "we
/// would have had to wait another two hours" (the wait was avoided), "a slight delay would mean
/// missing my connection". The valence and named emotions of the same words go with it: the
/// feeling was of something imagined.
public struct UnrealizedOutcomeRule: ScoringRule {
    public var id: RuleID { .unrealized }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        let lexicon = context.lexicon
        // Failures that did not happen, by their tokens and trigger.
        var imagined: [(first: Int32, end: Int32, trigger: (start: Int32, end: Int32))] = []
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            let positiveOutcome = e.dimension == .success && e.contribution > 0
            let failure = (e.dimension == .success || e.dimension == .effort) && e.contribution < 0
            guard positiveOutcome || failure else { continue }
            let kind: CueKind = positiveOutcome ? .unrealized : .counterfactual
            var marker: Match?
            analysis.walkBack(from: Int(e.firstToken), window: p.unrealizedWindow) { match, _ in
                if analysis.has(kind, match, lexicon) { marker = match; return false }
                return true
            }
            guard let marker else { continue }
            let trigger = analysis.span(marker.first, marker.end)
            if positiveOutcome {
                analysis.evidence[index].adjust(.unrealized, by: p.unrealizedFactor, trigger: trigger)
            } else {
                analysis.evidence[index].adjust(.counterfactual, by: p.counterfactualFactor, trigger: trigger)
                imagined.append((e.firstToken, e.endToken, trigger))
            }
        }
        guard !imagined.isEmpty else { return }
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            guard e.dimension == .emotion || e.dimension == .emotions,
                  let failure = imagined.first(where: { $0.first == e.firstToken && $0.end == e.endToken }) else { continue }
            let factor = e.dimension == .emotion ? (e.contribution < 0 ? p.counterfactualFactor : 1) : 0
            guard factor != 1 else { continue }
            analysis.evidence[index].adjust(.counterfactual, by: factor, trigger: failure.trigger)
        }
    }
}
