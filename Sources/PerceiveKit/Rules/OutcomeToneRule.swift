/// How an outcome is told grades it: when a comment has at least one success contribution,
/// the comment's valence (the strength-weighted mean of its emotion contributions, as the
/// `emotion` score) is added as one more success contribution, × ``Parameters/outcomeToneWeight``,
/// at the strongest valence term. "It arrived, finally, after three calls, useless" is a worse
/// outcome than "It arrived, brilliant!". A comment with no outcome cue gets no success from
/// its tone. Runs last, after every modifier.
public struct OutcomeToneRule: ScoringRule {
    public var id: RuleID { .tone }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let weight = context.parameters.outcomeToneWeight
        guard weight != 0 else { return }
        var hasOutcome = false
        var signed = 0.0, absolute = 0.0
        var strongest = -1
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            switch e.dimension {
            case .success: hasOutcome = true
            case .emotion:
                signed += e.contribution * abs(e.contribution)
                absolute += abs(e.contribution)
                if strongest < 0 || abs(e.contribution) > abs(analysis.evidence[strongest].contribution) { strongest = index }
            default: continue
            }
        }
        guard hasOutcome, strongest >= 0, absolute > 0 else { return }
        let tone = min(1, max(-1, signed / absolute))
        guard tone != 0 else { return }
        let at = analysis.anchor(strongest)
        analysis.addEvidence(.success, source: .tone, entry: at.entry, first: at.firstToken, end: at.endToken,
                             base: tone * weight)
    }
}
