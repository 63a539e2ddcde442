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

    /// The cues at token `index` and where they end: those of the match starting there, or
    /// else those of the token's own one-word entry (which may make no match: see
    /// ``EntryInfo/isWordCueOnly``).
    @inline(__always)
    func cues(at index: Int, _ lexicon: Lexicon) -> (cues: CueSet, end: Int, entry: Int32) {
        if let m = match(startingAt: index) { return (lexicon.info[Int(m.entry)].cues, Int(m.end), m.entry) }
        let id = vocabulary[index]
        let entry = id >= 0 ? lexicon.singleEntryID(id) : -1
        return (entry >= 0 ? lexicon.info[Int(entry)].cues : CueSet(), index + 1, entry)
    }

    /// Whether the match's lexicon entry carries cue `kind`.
    @inline(__always)
    func has(_ kind: CueKind, _ match: Match, _ lexicon: Lexicon) -> Bool {
        lexicon.info[Int(match.entry)].cues.contains(kind)
    }
}
