/// VADER's punctuation emphasis (`_punctuation_emphasis`): "!" (up to
/// ``VADERParameters/exclamationMaximumCount``) adds ``VADERParameters/exclamationIncrement``
/// each; 2 or 3 "?" add ``VADERParameters/questionIncrement`` each, more add
/// ``VADERParameters/questionMaximumAmplifier``. Counted over the whole text.
enum VADERPunctuationRule {
    @inline(__always)
    static func amplifier(exclamations: Int, questions: Int, _ p: VADERParameters) -> Double {
        let ep = Double(min(exclamations, p.exclamationMaximumCount)) * p.exclamationIncrement
        var qm = 0.0
        if questions > 1 { qm = questions <= p.questionMaximumCount ? Double(questions) * p.questionIncrement : p.questionMaximumAmplifier }
        return ep + qm
    }
}
