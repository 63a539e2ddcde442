/// Being passed between people lowers effort: a `transfer` cue ("transferred", "passed
/// around") contributes its lexicon effort, or ``Parameters/transferPenalty`` when the lexicon
/// gives none, and a count after it ("transferred 3 times", "twice") multiplies that by
/// 1 + ``Parameters/transferCountStep`` × (count − 1).
public struct TransferRule: ScoringRule {
    public var id: RuleID { .transfer }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        for match in analysis.matches where context.lexicon.info[Int(match.entry)].cues.contains(.transfer) {
            var index = analysis.evidence.firstIndex { $0.dimension == .effort && $0.firstToken == match.first && $0.source == .lexicon }
            if index == nil {
                analysis.addEvidence(.effort, source: .transfer, entry: match.entry, first: match.first, end: match.end,
                                     base: p.transferPenalty)
                index = analysis.evidence.count - 1
            }
            guard let index, let count = CountExpression.find(for: match, in: analysis, context), count.count >= 2 else { continue }
            analysis.evidence[index].quantity = count.count
            analysis.evidence[index].adjust(.transfer, by: 1 + p.transferCountStep * (count.count - 1),
                                            trigger: analysis.span(count.first, count.end))
        }
    }
}
