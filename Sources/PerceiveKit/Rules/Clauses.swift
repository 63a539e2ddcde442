extension Analysis {
    /// The clause of each token: a number that changes at every clause break (, ; : . ! ?,
    /// contrast words) and at every sentence start, so two tokens are in one clause when their
    /// numbers are equal. Written into `clauses` (cleared first).
    func clauseNumbers(into clauses: inout [Int32]) {
        clauses.removeAll(keepingCapacity: true)
        var clause: Int32 = 0
        var sentence: Int32 = -1
        for (i, token) in tokenized.tokens.enumerated() {
            if token.sentence != sentence { sentence = token.sentence; clause += 1 }
            if isClauseBreak[i] { clause += 1; clauses.append(clause); clause += 1; continue }
            clauses.append(clause)
        }
    }

    /// Whether the match's lexicon entry carries cue `kind`.
    @inline(__always)
    func has(_ kind: CueKind, _ match: Match, _ lexicon: Lexicon) -> Bool {
        lexicon.info[Int(match.entry)].cues.contains(kind)
    }
}
