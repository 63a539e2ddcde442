/// A negator ("not", "never", "no one", "didn't") within ``Parameters/negationWindow`` tokens
/// before a contribution, in the same clause, flips and dampens it by
/// ``Parameters/negationFactor``; a named emotion is multiplied by
/// ``Parameters/negatedEmotionFactor`` ("not happy" expresses no joy). Two negators cancel.
///
/// The scope ends at clause punctuation (, ; : . ! ?) and at contrast words, so in
/// "not cheap, but good" the "not" does not reach "good".
///
/// A contribution whose own words start with a negator ("wouldn't have bought it", "can't log
/// in", "no problem") carries its negation already: a negator before it does not flip it again
/// ("No YouTube, wouldn't have bought it", "no, I can't log in").
public struct NegationRule: ScoringRule {
    public var id: RuleID { .negation }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let window = context.parameters.negationWindow
        let lexicon = context.lexicon
        let info = lexicon.info
        var before: [(match: Match, distance: Int)] = []
        for index in analysis.evidence.indices {
            let evidence = analysis.anchor(index)
            let head = analysis.vocabulary[Int(evidence.firstToken)]
            if head >= 0, case let entry = lexicon.singleEntryID(head), entry >= 0, info[Int(entry)].shifter == .negator { continue }
            var negators = 0
            var nearest: Match?
            analysis.matchesBefore(Int(evidence.firstToken), window: window, into: &before)
            for (match, _) in before where info[Int(match.entry)].shifter == .negator {
                negators += 1
                if nearest == nil { nearest = match }
            }
            guard negators % 2 == 1, let nearest else { continue }
            let factor = evidence.dimension == .emotions
                ? context.parameters.negatedEmotionFactor : context.parameters.negationFactor
            analysis.evidence[index].adjust(.negation, by: factor, trigger: analysis.span(nearest.first, nearest.end))
        }
    }
}
