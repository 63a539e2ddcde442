/// The customer-effort model's actions: what the customer could not do, or had to do.
///
/// - **Blocked**: a `blocked` cue ("can't", "unable to", "won't let me") followed within
///   ``Parameters/actionWindow`` tokens of its clause by an `action` cue ("log in", "get
///   through", "connect", "rebook") adds ``Parameters/blockedActionEffort``.
/// - **Burden**: a `burden` cue ("had to", "kept", "trying to") followed the same way by an
///   action adds ``Parameters/burdenEffort``.
///
/// It runs before negation: "I didn't have to call" is negated, an easy experience.
public struct BlockedActionRule: ScoringRule {
    public var id: RuleID { .blockedAction }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let lexicon = context.lexicon
        let p = context.parameters
        var used = Set<Int>()
        for match in analysis.matches {
            let cues = lexicon.info[Int(match.entry)].cues
            let blocked = cues.contains(.blocked)
            guard blocked || cues.contains(.burden) else { continue }
            var action: (first: Int, end: Int, entry: Int32)?
            analysis.walkForward(from: Int(match.end), window: p.actionWindow) { _, _, index in
                let next = analysis.cues(at: index, lexicon)
                if next.cues.contains(.action) { action = (index, next.end, next.entry); return false }
                return true
            }
            guard let action, !used.contains(action.first) else { continue }
            used.insert(action.first)
            analysis.addEvidence(.effort, source: blocked ? .blockedAction : .burden, entry: action.entry,
                                 first: match.first, end: Int32(action.end),
                                 base: blocked ? p.blockedActionEffort : p.burdenEffort)
        }
    }
}
