/// Having to contact the organization again and again lowers effort: a `contact` verb
/// ("called", "emailed") with a count ("3 times", "twice", "again", "for the fourth time")
/// adds an effort penalty of ``Parameters/repeatedContactPenalty`` per contact beyond the
/// first, up to ``Parameters/repeatedContactMaximumPenalty``.
public struct RepeatedContactRule: ScoringRule {
    public var id: RuleID { .repeatedContact }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        for match in analysis.matches where context.lexicon.info[Int(match.entry)].cues.contains(.contact) {
            guard let count = CountExpression.find(for: match, in: analysis, context), count.count >= 2 else { continue }
            let penalty = min(p.repeatedContactMaximumPenalty, p.repeatedContactPenalty * (count.count - 1))
            analysis.addEvidence(.effort, source: .repeatedContact, entry: match.entry,
                                 first: min(match.first, count.first), end: max(match.end, count.end),
                                 base: -penalty, quantity: count.count)
        }
    }
}
