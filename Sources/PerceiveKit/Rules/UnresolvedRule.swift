/// A failed outcome that goes on ("still not fixed", "never resolved", "not sorted yet",
/// "still broken") weighs more: a success contribution that is negative after negation, with a
/// `persistence` cue within ``Parameters/unresolvedWindow`` tokens before it in its sentence
/// (or right after it: "yet"), is multiplied by ``Parameters/unresolvedFactor``.
public struct UnresolvedRule: ScoringRule {
    public var id: RuleID { .unresolved }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            guard e.dimension == .success, e.contribution < 0 else { continue }
            var marker: Match?
            var i = Int(e.firstToken) - 1
            var distance = 0
            while i >= 0 && distance < p.unresolvedWindow && analysis.tokens[i].sentence == e.sentence {
                distance += 1
                let m = analysis.matchAt[i]
                if m >= 0 {
                    let match = analysis.matches[Int(m)]
                    if context.lexicon.info[Int(match.entry)].cues.contains(.persistence) { marker = match; break }
                    i = Int(match.first) - 1
                } else {
                    i -= 1
                }
            }
            if marker == nil {
                analysis.walkForward(from: Int(e.endToken), window: 2) { match, _, _ in
                    if let match, context.lexicon.info[Int(match.entry)].cues.contains(.persistence) { marker = match; return false }
                    return true
                }
            }
            guard let marker else { continue }
            analysis.evidence[index].adjust(.unresolved, by: p.unresolvedFactor, trigger: analysis.span(marker.first, marker.end))
        }
    }
}
