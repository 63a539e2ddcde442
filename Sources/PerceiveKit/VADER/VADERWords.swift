/// What VADER's rules read about the words of one text: a view over ``VADERText``'s arrays
/// and the lexicon's word table, valid during one ``VADERScorer`` run (unsafe buffers: the
/// rules run per word, and a bounds-checked, reference-counted array access per look costs
/// more than the rule).
struct VADERWords {
    let ids: UnsafeBufferPointer<Int32>
    /// Per word: ``VADERText/upperFlag``, ``VADERText/negatesFlag``.
    let flags: UnsafeBufferPointer<UInt8>
    let table: UnsafeBufferPointer<VADERLexicon.Word>
    let specialPhrases: UnsafeBufferPointer<VADERPhrase>
    let boosterPhrases: UnsafeBufferPointer<VADERPhrase>
    let w: VADERWordIDs
    /// The lexicon's parameters, read in place (a copy per text would cost more than most rules).
    let parameters: UnsafePointer<VADERParameters>
    @inline(__always) var p: VADERParameters { parameters.pointee }
    /// `allcap_differential`: some but not all words are ALL CAPS.
    let capsDifferential: Bool
    /// The index of the first word "but", -1 when there is none.
    let firstBut: Int

    @inline(__always) var count: Int { ids.count }

    /// Whether word `j` is ALL CAPS (`isupper()`).
    @inline(__always) func isUpper(_ j: Int) -> Bool { flags[j] & VADERText.upperFlag != 0 }

    /// Whether word `j` negates (in `NEGATE`, or containing "n't").
    @inline(__always) func negates(_ j: Int) -> Bool { flags[j] & VADERText.negatesFlag != 0 }

    /// Whether word `j` is a lexicon term (`words_and_emoticons[j].lower() in self.lexicon`).
    @inline(__always) func inLexicon(_ j: Int) -> Bool {
        let id = ids[j]
        return id >= 0 && !table[Int(id)].valence.isNaN
    }

    /// The lexicon valence of word `j`, NaN when it is no term.
    @inline(__always) func valence(_ j: Int) -> Double {
        let id = ids[j]
        return id >= 0 ? table[Int(id)].valence : .nan
    }

    /// `BOOSTER_DICT`'s value for word `j`, 0 when it is no booster.
    @inline(__always) func booster(_ j: Int) -> Double {
        let id = ids[j]
        return id >= 0 ? table[Int(id)].booster : 0
    }

    /// Whether word `j` is part of some special-case or booster phrase.
    @inline(__always) func inPhrase(_ j: Int) -> Bool {
        let id = ids[j]
        return id >= 0 && table[Int(id)].inPhrase
    }

    @inline(__always) func isSoOrThis(_ j: Int) -> Bool { ids[j] == w.so || ids[j] == w.this }
}
