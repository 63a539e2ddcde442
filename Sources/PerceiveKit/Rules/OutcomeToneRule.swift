/// How an outcome is told grades it: when a comment has at least one success contribution,
/// the comment's valence (the strength-weighted mean of its emotion contributions, as the
/// `emotion` score) is added as one more success contribution, × ``Parameters/outcomeToneWeight``,
/// at the strongest valence term of a sentence with an outcome (else at the first outcome).
/// "It arrived, finally, after three calls, useless" is a worse outcome than "It arrived,
/// brilliant!". A comment with no outcome cue gets no success from
/// its tone. Runs last, after every modifier.
public struct OutcomeToneRule: ScoringRule {
    public var id: RuleID { .tone }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let weight = context.parameters.outcomeToneWeight
        guard weight != 0 else { return }
        // The comment's valence, and where to put the tone: the strongest valence term of a
        // sentence that has an outcome (else the first outcome), so sentence scores keep it too.
        var outcomeSentences: [Int32] = []
        var firstOutcome = -1
        var signed = 0.0, absolute = 0.0
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            switch e.dimension {
            case .success:
                if firstOutcome < 0 { firstOutcome = index }
                if !outcomeSentences.contains(e.sentence) { outcomeSentences.append(e.sentence) }
            case .emotion:
                signed += e.contribution * abs(e.contribution)
                absolute += abs(e.contribution)
            default: continue
            }
        }
        guard firstOutcome >= 0, absolute > 0 else { return }
        let tone = min(1, max(-1, signed / absolute))
        guard tone != 0 else { return }
        var at = analysis.anchor(firstOutcome)
        var strongest = 0.0
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            guard e.dimension == .emotion, abs(e.contribution) > strongest, outcomeSentences.contains(e.sentence) else { continue }
            strongest = abs(e.contribution)
            at = e
        }
        analysis.addEvidence(.success, source: .tone, entry: at.entry, first: at.firstToken, end: at.endToken,
                             base: tone * weight)
    }
}
