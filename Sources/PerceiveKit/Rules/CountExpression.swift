/// A count said after (or, for ordinals, before) a contact or transfer verb: "3 times",
/// "twice", "again", "multiple times", "for the third time".
struct CountExpression {
    var count: Double
    var first: Int32
    var end: Int32

    /// Finds the count that belongs to the verb `verb`: forward within
    /// ``Parameters/countWindow`` tokens in its clause, stopping at another contact or transfer
    /// verb; failing that, an ordinal before it ("the third time I called").
    static func find(for verb: Match, in analysis: Analysis, _ context: RuleContext) -> CountExpression? {
        let lexicon = context.lexicon
        var found: CountExpression?
        let window = context.parameters.countWindow
        analysis.walkForward(from: Int(verb.end), window: window) { match, _, index in
            if let match {
                let entry = lexicon.info[Int(match.entry)]
                if entry.cues.contains(.contact) || entry.cues.contains(.transfer) { return false }
                if let count = entry.cueValue(.count) {
                    found = CountExpression(count: count, first: match.first, end: match.end)
                    return false
                }
                if entry.cues.contains(.repeat) {
                    found = CountExpression(count: 2, first: match.first, end: match.end)
                    return false
                }
                if let ordinal = entry.cueValue(.ordinal), let times = timesCue(after: Int(match.end), analysis, lexicon) {
                    found = CountExpression(count: ordinal, first: match.first, end: times)
                    return false
                }
            }
            if let number = analysis.numberValue(at: index, lexicon), let times = timesCue(after: index + 1, analysis, lexicon) {
                found = CountExpression(count: number, first: Int32(index), end: times)
                return false
            }
            return true
        }
        if found != nil { return found }
        if let counted = countBefore(plural: verb, analysis, lexicon) { return counted }
        analysis.walkBack(from: Int(verb.first), window: window) { match, _ in
            let entry = lexicon.info[Int(match.entry)]
            if entry.cues.contains(.contact) || entry.cues.contains(.transfer) { return false }
            if let ordinal = entry.cueValue(.ordinal), let times = timesCue(after: Int(match.end), analysis, lexicon) {
                found = CountExpression(count: ordinal, first: match.first, end: times)
                return false
            }
            return true
        }
        return found
    }

    /// A number right before a plural contact noun ("6 calls", "three separate emails": one
    /// unmatched word may stand between), as a count of at least 2.
    private static func countBefore(plural verb: Match, _ analysis: Analysis, _ lexicon: Lexicon) -> CountExpression? {
        guard verb.end == verb.first + 1, lexicon.entries[Int(verb.entry)].term.hasSuffix("s") else { return nil }
        let sentence = analysis.tokens[Int(verb.first)].sentence
        var index = Int(verb.first) - 1
        for step in 0..<2 {
            guard index >= 0, analysis.tokens[index].sentence == sentence, !analysis.isClauseBreak[index] else { return nil }
            if let number = analysis.numberValue(at: index, lexicon) {
                return number >= 2 ? CountExpression(count: number, first: Int32(index), end: verb.end) : nil
            }
            guard step == 0, analysis.tokens[index].kind != .punctuation, analysis.matchAt[index] < 0 else { return nil }
            index -= 1
        }
        return nil
    }

    /// The end token of a `times` cue ("times", "time") at `index`, if there is one.
    private static func timesCue(after index: Int, _ analysis: Analysis, _ lexicon: Lexicon) -> Int32? {
        guard index < analysis.tokens.count, let match = analysis.match(startingAt: index),
              lexicon.info[Int(match.entry)].cues.contains(.times) else { return nil }
        return match.end
    }
}
