/// A negator ("not", "never", "no one", "didn't") within ``Parameters/negationWindow`` tokens
/// before a contribution, in the same clause, flips and dampens it by
/// ``Parameters/negationFactor``; a named emotion is multiplied by
/// ``Parameters/negatedEmotionFactor`` ("not happy" expresses no joy). Two negators cancel.
///
/// The scope ends at clause punctuation (, ; : . ! ?) and at contrast words, so in
/// "not cheap, but good" the "not" does not reach "good".
public struct NegationRule: ScoringRule {
    public var id: RuleID { .negation }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let window = context.parameters.negationWindow
        let info = context.lexicon.info
        var before: [(match: Match, distance: Int)] = []
        for index in analysis.evidence.indices {
            let evidence = analysis.anchor(index)
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
