/// Exclamation and question marks raise the feeling of their sentence: each "!" multiplies
/// its valence and named emotions by 1 + ``Parameters/exclamationEmphasis`` (up to
/// ``Parameters/exclamationMaximum`` marks); two or more "?" by 1 +
/// ``Parameters/questionEmphasis`` each (up to ``Parameters/questionMaximum``). Effort and
/// success are facts, not feelings, and are left alone.
public struct EmphasisRule: ScoringRule {
    public var id: RuleID { .exclamation }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        for (s, sentence) in analysis.tokenized.sentences.enumerated() {
            var exclamations = 0, questions = 0
            var firstMark: (Int32, Int32)?, lastMark: (Int32, Int32)?
            var firstQuestion: (Int32, Int32)?, lastQuestion: (Int32, Int32)?
            for t in Int(sentence.firstToken)..<Int(sentence.endToken) where analysis.tokens[t].kind == .punctuation {
                let token = analysis.tokens[t]
                if analysis.tokenIs(t, "!") {
                    exclamations += 1
                    if firstMark == nil { firstMark = (token.start, token.end) }
                    lastMark = (token.start, token.end)
                } else if analysis.tokenIs(t, "?") {
                    questions += 1
                    if firstQuestion == nil { firstQuestion = (token.start, token.end) }
                    lastQuestion = (token.start, token.end)
                }
            }
            guard exclamations > 0 || questions > 1 else { continue }
            let exclamationFactor = 1 + p.exclamationEmphasis * Double(min(exclamations, p.exclamationMaximum))
            let questionFactor = questions > 1 ? 1 + p.questionEmphasis * Double(min(questions, p.questionMaximum)) : 1
            for index in analysis.evidence.indices {
                let e = analysis.anchor(index)
                guard e.sentence == Int32(s), e.dimension == .emotion || e.dimension == .emotions else { continue }
                if exclamations > 0, let firstMark, let lastMark {
                    analysis.evidence[index].adjust(.exclamation, by: exclamationFactor, trigger: (firstMark.0, lastMark.1))
                }
                if questions > 1, let firstQuestion, let lastQuestion {
                    analysis.evidence[index].adjust(.question, by: questionFactor, trigger: (firstQuestion.0, lastQuestion.1))
                }
            }
        }
    }
}
