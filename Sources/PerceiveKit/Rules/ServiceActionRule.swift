/// The outcome model's service actions: what the organization did for the customer.
///
/// A `done` cue ("rebooked", "reset", "reissued", "found", "squeezed") followed within
/// ``Parameters/goalWindow`` tokens of its clause by the customer as its object ("me", "us",
/// "my", "our") or by a `goal` cue, or a goal followed the same way by a done cue ("booking
/// amended", "my refund was processed"), adds ``Parameters/serviceActionSuccess``: "the agent
/// reset my PIN", "found us a table", "squeezed me in". A done phrase that names its object
/// ("moved us") needs nothing after it. A done word that scores success itself ("fixed",
/// "replaced") is left to the lexicon, so nothing counts twice.
///
/// It runs before negation: "they never rebooked me" is a failure, "didn't reset my PIN" too.
public struct ServiceActionRule: ScoringRule {
    public var id: RuleID { .serviceAction }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let lexicon = context.lexicon
        let p = context.parameters
        guard p.serviceActionSuccess != 0 else { return }
        var i = 0
        var usedGoals = Set<Int>()
        while i < analysis.tokens.count {
            let (cues, end, entry) = analysis.cues(at: i, lexicon)
            defer { i = end }
            if cues.contains(.done), entry >= 0, lexicon.info[Int(entry)].success == nil {
                // "moved us": the phrase names its object.
                var objectEnd = isCustomer(end - 1, analysis) ? end : nil
                if objectEnd == nil {
                    analysis.walkForward(from: end, window: p.goalWindow) { next, _, index in
                        if let next, analysis.has(.goal, next, lexicon) { objectEnd = Int(next.end); usedGoals.insert(Int(next.first)); return false }
                        if isCustomer(index, analysis) { objectEnd = index + 1; return false }
                        return true
                    }
                }
                if let objectEnd {
                    analysis.addEvidence(.success, source: .serviceAction, entry: entry, first: Int32(i), end: Int32(objectEnd),
                                         base: p.serviceActionSuccess)
                }
            } else if cues.contains(.goal), !usedGoals.contains(i) {
                // "booking amended", "my refund was processed".
                var done: (end: Int, entry: Int32)?
                analysis.walkForward(from: end, window: p.goalWindow) { next, _, index in
                    let found = analysis.cues(at: index, lexicon)
                    if found.cues.contains(.done) {
                        if found.entry >= 0, lexicon.info[Int(found.entry)].success == nil { done = (found.end, found.entry) }
                        return false
                    }
                    // Another goal or the product starts another subject.
                    if let next, analysis.has(.goal, next, lexicon) || analysis.has(.product, next, lexicon) { return false }
                    return true
                }
                if let done {
                    analysis.addEvidence(.success, source: .serviceAction, entry: done.entry, first: Int32(i), end: Int32(done.end),
                                         base: p.serviceActionSuccess)
                }
            }
        }
    }

    /// The customer as an object: "me", "us", "my", "our".
    private func isCustomer(_ index: Int, _ analysis: Analysis) -> Bool {
        analysis.tokenIs(index, "me") || analysis.tokenIs(index, "us") || analysis.tokenIs(index, "my") || analysis.tokenIs(index, "our")
    }
}
