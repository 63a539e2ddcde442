/// A lexicon entry found in the comment, spanning tokens `first ..< end`.
public struct Match: Sendable, Equatable {
    public var first: Int32
    public var end: Int32
    public var entry: Int32
}

/// The working state of one comment as it goes through the rules: tokens, lexicon matches,
/// clause structure and the evidence so far. A ``Scorer`` reuses one across comments.
public struct Analysis: Sendable {
    public internal(set) var tokenized = TokenizedText()
    /// Vocabulary id of each token (-1 when no lexicon term uses it).
    public internal(set) var vocabulary: [Int32] = []
    /// Index in ``matches`` of the match covering each token, or -1.
    public internal(set) var matchAt: [Int32] = []
    public internal(set) var matches: [Match] = []
    /// True for tokens that end a clause: , ; : . ! ? and the like, and contrast words.
    public internal(set) var isClauseBreak: [Bool] = []
    /// The comment is written all in capitals (then capitals are no emphasis).
    public internal(set) var isShouting = false
    public var evidence: [Evidence] = []
    /// The topics the comment names, in reading order (empty when the scorer has no taxonomy).
    public internal(set) var topicMentions: [TopicMention] = []
    /// Scratch for matching: the vocabulary ids of the tokens matching looks at (joiner
    /// hyphens left out) and the token index of each.
    var matchIDs: [Int32] = []
    var matchPositions: [Int32] = []

    public init() {}

    mutating func reset() {
        vocabulary.removeAll(keepingCapacity: true)
        matchAt.removeAll(keepingCapacity: true)
        matches.removeAll(keepingCapacity: true)
        isClauseBreak.removeAll(keepingCapacity: true)
        evidence.removeAll(keepingCapacity: true)
        topicMentions.removeAll(keepingCapacity: true)
        matchIDs.removeAll(keepingCapacity: true)
        matchPositions.removeAll(keepingCapacity: true)
        isShouting = false
    }

    @inline(__always) public var tokens: [Token] { tokenized.tokens }

    /// Where evidence `index` is and what it is, without copying its adjustments (rules read
    /// this on the hot path).
    public struct Anchor {
        public var dimension: Dimension
        public var source: RuleID
        public var entry: Int32
        public var firstToken: Int32
        public var endToken: Int32
        public var sentence: Int32
        public var contribution: Double
    }

    @inline(__always)
    public func anchor(_ index: Int) -> Anchor {
        Anchor(dimension: evidence[index].dimension, source: evidence[index].source, entry: evidence[index].entry,
               firstToken: evidence[index].firstToken, endToken: evidence[index].endToken,
               sentence: evidence[index].sentence, contribution: evidence[index].contribution)
    }

    /// The match starting exactly at token `index`, if any.
    @inline(__always)
    public func match(startingAt index: Int) -> Match? {
        let m = matchAt[index]
        guard m >= 0, matches[Int(m)].first == Int32(index) else { return nil }
        return matches[Int(m)]
    }

    /// Byte range of tokens `first ..< end`.
    @inline(__always)
    func span(_ first: Int32, _ end: Int32) -> (start: Int32, end: Int32) {
        (tokenized.tokens[Int(first)].start, tokenized.tokens[Int(end - 1)].end)
    }

    /// Walks back from token `index` (exclusive) over at most `window` units (a match or an
    /// unmatched token each count as one; punctuation that does not end a clause is skipped),
    /// stopping at a clause break or the start of the sentence. Calls `body` with each match
    /// met and its distance (1 = adjacent); `body` returns false to stop.
    func walkBack(from index: Int, window: Int, _ body: (Match, Int) -> Bool) {
        var buffer: [(match: Match, distance: Int)] = []
        matchesBefore(index, window: window, into: &buffer)
        for (match, distance) in buffer where !body(match, distance) { return }
    }

    /// The matches ``walkBack(from:window:_:)`` would visit, nearest first, with their
    /// distances, written into `buffer` (cleared first). No closure: for the hot rules.
    @inline(__always)
    func matchesBefore(_ index: Int, window: Int, into buffer: inout [(match: Match, distance: Int)]) {
        buffer.removeAll(keepingCapacity: true)
        let sentence = tokenized.tokens[index].sentence
        var i = index - 1
        var distance = 0
        while i >= 0 && distance < window {
            let token = tokenized.tokens[i]
            if token.sentence != sentence || isClauseBreak[i] { return }
            if token.kind == .punctuation && matchAt[i] < 0 { i -= 1; continue }
            distance += 1
            let m = matchAt[i]
            if m >= 0 {
                let match = matches[Int(m)]
                buffer.append((match, distance))
                i = Int(match.first) - 1
            } else {
                i -= 1
            }
        }
    }

    /// Like ``walkBack(from:window:_:)``, forward from token `index` (exclusive).
    @inline(__always)
    func walkForward(from index: Int, window: Int, _ body: (Match?, Int, Int) -> Bool) {
        let count = tokenized.tokens.count
        let sentence = tokenized.tokens[index - 1 < 0 ? 0 : index - 1].sentence
        var i = index
        var distance = 0
        while i < count && distance < window {
            let token = tokenized.tokens[i]
            if token.sentence != sentence || isClauseBreak[i] { return }
            if token.kind == .punctuation && matchAt[i] < 0 { i += 1; continue }
            distance += 1
            let m = matchAt[i]
            if m >= 0 {
                let match = matches[Int(m)]
                if !body(match, distance, i) { return }
                i = Int(match.end)
            } else {
                if !body(nil, distance, i) { return }
                i += 1
            }
        }
    }
}

// MARK: What the rules read and write

extension Analysis {
    /// Appends evidence for tokens `first ..< end`.
    mutating func addEvidence(
        _ dimension: Dimension, category: Int32 = -1, source: RuleID, entry: Int32, first: Int32, end: Int32,
        base: Double, quantity: Double? = nil
    ) {
        let bytes = span(first, end)
        evidence.append(Evidence(
            dimension: dimension, category: category, source: source, entry: entry, start: bytes.start, end: bytes.end,
            firstToken: first, endToken: end, sentence: tokenized.tokens[Int(first)].sentence, base: base,
            quantity: quantity, contribution: base))
    }

    /// The number a token stands for: digits ("45", "1.5", "3,000") or a number word the
    /// lexicon's cues define ("three", "an", "half").
    func numberValue(at index: Int, _ lexicon: Lexicon) -> Double? {
        let token = tokenized.tokens[index]
        if token.kind == .number {
            return Self.parseDigits(tokenized.folded[Int(token.foldStart)..<Int(token.foldEnd)])
        }
        if let match = self.match(startingAt: index), match.end == match.first + 1 {
            return lexicon.info[Int(match.entry)].cueValue(.number)
        }
        return nil
    }

    /// Parses "45", "1.5", "3,000" (ASCII digits as ICU's number tokens give them).
    static func parseDigits(_ bytes: ArraySlice<UInt8>) -> Double? {
        var value = 0.0
        var scale = 0.0   // 0 before the decimal point, then 0.1, 0.01, …
        var sawDigit = false
        for b in bytes {
            switch b {
            case 0x30...0x39:
                sawDigit = true
                if scale == 0 { value = value * 10 + Double(b - 0x30) } else { value += Double(b - 0x30) * scale; scale /= 10 }
            case 0x2E:
                guard scale == 0 else { return nil }
                scale = 0.1
            case 0x2C: continue
            default: return nil
            }
        }
        return sawDigit ? value : nil
    }

    /// Whether token `index` is the folded word `word` (ASCII).
    func tokenIs(_ index: Int, _ word: StaticString) -> Bool {
        let token = tokenized.tokens[index]
        let length = Int(token.foldEnd - token.foldStart)
        guard length == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            for k in 0..<length where tokenized.folded[Int(token.foldStart) + k] != w[k] { return false }
            return true
        }
    }
}

// MARK: Clauses and cues

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
