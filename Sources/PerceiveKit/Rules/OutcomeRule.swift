/// The outcome model: success read from what became of the customer's goal, not only from
/// outcome words.
///
/// - **Obtained goal**: an `obtain` cue ("got", "have", "received") followed within
///   ``Parameters/goalWindow`` tokens of its clause by a `goal` cue ("bag", "refund", "seat")
///   adds ``Parameters/goalObtainedSuccess``. It runs before negation, so "I still don't have
///   my bag" is negated ("don't") and marked unresolved ("still"), and "never got my refund"
///   is a failure.
/// - **Missing goal**: "no" or "without" right before a goal ("no seat", "without my luggage")
///   adds ``Parameters/goalMissingSuccess``.
/// - **Product verdict**: in a clause that names the product itself (a `product` cue:
///   "speaker", "device", "this product"), every non-zero valence contribution of a term that does
///   not score success already also counts toward success, × ``Parameters/productVerdictWeight``
///   ("great little speaker", "the sound is tinny"); not in a comment that names a travel or
///   hospitality setting (a `setting` cue: "flight", "hotel"), where such words are amenities.
///
/// Each contribution names its goal (or the verdict's term) in the evidence.
public struct OutcomeRule: ScoringRule {
    public var id: RuleID { .outcome }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let lexicon = context.lexicon
        let p = context.parameters
        // Most comments name no goal and no product: nothing to do, no clause numbers.
        let matches = analysis.matches
        guard matches.contains(where: { analysis.has(.goal, $0, lexicon) || analysis.has(.product, $0, lexicon) }) else { return }
        var clauses: [Int32] = []
        analysis.clauseNumbers(into: &clauses)
        var productClauses = Set<Int32>()
        var goalsDone = Set<Int32>()
        var sawGoal = false
        for match in matches {
            let info = lexicon.info[Int(match.entry)]
            if info.cues.contains(.product) { productClauses.insert(clauses[Int(match.first)]) }
            if info.cues.contains(.goal) { sawGoal = true }
            // "no seat", "without my bag": the goal is missing.
            if info.cues.contains(.goal), let before = previousWord(Int(match.first), analysis, clauses),
               analysis.tokenIs(before.index, "no") || analysis.tokenIs(before.index, "without") {
                let first = before.index
                analysis.addEvidence(.success, source: .outcome, entry: match.entry, first: Int32(first), end: match.end,
                                     base: p.goalMissingSuccess)
                goalsDone.insert(match.first)
            }
        }
        if sawGoal {
            var i = 0
            while i < analysis.tokens.count {
                let (cues, end, _) = analysis.cues(at: i, lexicon)
                defer { i = end }
                guard cues.contains(.obtain) else { continue }
                var goal: Match?
                analysis.walkForward(from: end, window: p.goalWindow) { next, _, _ in
                    if let next, analysis.has(.goal, next, lexicon) { goal = next; return false }
                    return true
                }
                guard let goal, !goalsDone.contains(goal.first) else { continue }
                goalsDone.insert(goal.first)
                analysis.addEvidence(.success, source: .outcome, entry: goal.entry, first: Int32(i), end: goal.end,
                                     base: p.goalObtainedSuccess)
            }
        }
        guard !productClauses.isEmpty, p.productVerdictWeight != 0 else { return }
        // A travel or hospitality review: its product words are amenities ("the screen", "the
        // a/c unit", "a business class product"), its verdicts no product outcomes.
        if analysis.vocabulary.contains(where: { $0 >= 0 && lexicon.singleTokenCues($0).contains(.setting) }) { return }
        let count = analysis.evidence.count
        for index in 0..<count {
            let e = analysis.anchor(index)
            guard e.dimension == .emotion, e.source == .lexicon, e.entry >= 0, e.contribution != 0,
                  productClauses.contains(clauses[Int(e.firstToken)]) else { continue }
            let info = lexicon.info[Int(e.entry)]
            guard info.success == nil, !info.cues.contains(.product) else { continue }
            analysis.addEvidence(.success, source: .verdict, entry: e.entry, first: e.firstToken, end: e.endToken,
                                 base: e.contribution * p.productVerdictWeight)
        }
    }

    /// The nearest word token before `index` in its clause.
    private func previousWord(_ index: Int, _ analysis: Analysis, _ clauses: [Int32]) -> (index: Int, Void)? {
        var i = index - 1
        while i >= 0 && clauses[i] == clauses[index] {
            if analysis.tokens[i].kind != .punctuation { return (i, ()) }
            i -= 1
        }
        return nil
    }
}
