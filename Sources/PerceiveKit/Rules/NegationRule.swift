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
        for index in analysis.evidence.indices {
            let evidence = analysis.evidence[index]
            var negators = 0
            var nearest: Match?
            analysis.walkBack(from: Int(evidence.firstToken), window: window) { match, _ in
                if context.lexicon.entries[Int(match.entry)].shifter == .negator {
                    negators += 1
                    if nearest == nil { nearest = match }
                }
                return true
            }
            guard negators % 2 == 1, let nearest else { continue }
            let factor = evidence.dimension == .emotions
                ? context.parameters.negatedEmotionFactor : context.parameters.negationFactor
            analysis.evidence[index].adjust(.negation, by: factor, trigger: analysis.span(nearest.first, nearest.end))
        }
    }
}
