/// Solving the problem at the first contact makes it easy: a positive success contribution
/// from a `resolution` term ("fixed", "sorted it out") with a `first-time` cue ("first call",
/// "right away") within ``Parameters/firstTimeWindow`` tokens in its sentence adds an effort
/// contribution of ``Parameters/firstContactEase`` — unless the lexicon already scores that
/// cue's effort.
public struct ResolutionRule: ScoringRule {
    public var id: RuleID { .resolution }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        let lexicon = context.lexicon
        var used = Set<Int32>()
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            guard e.dimension == .success && e.contribution > 0 && e.entry >= 0 else { continue }
            guard lexicon.info[Int(e.entry)].cues.contains(.resolution) else { continue }
            let sentence = analysis.tokenized.sentences[Int(e.sentence)]
            let low = max(Int(sentence.firstToken), Int(e.firstToken) - p.firstTimeWindow)
            let high = min(Int(sentence.endToken), Int(e.endToken) + p.firstTimeWindow)
            for t in low..<high {
                guard let match = analysis.match(startingAt: t), !used.contains(match.first) else { continue }
                let entry = lexicon.info[Int(match.entry)]
                guard entry.cues.contains(.firstTime), entry.effort == nil else { continue }
                used.insert(match.first)
                analysis.addEvidence(.effort, source: .resolution, entry: match.entry, first: match.first, end: match.end,
                                     base: p.firstContactEase)
                break
            }
        }
    }
}
