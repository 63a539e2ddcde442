/// A taxonomy's terms and exclusions as vocabulary ids of one lexicon: what topic matching
/// reads. Built once per scorer with the lexicon it scores with, whose vocabulary gains the
/// taxonomy's words (``Lexicon/addingVocabulary(_:)``): the id lexicon matching finds for each
/// token is then all topic matching needs, with no second lookup per token.
///
/// Everything is in flat arrays indexed by vocabulary id or term (no dictionary, no array of
/// arrays): a token that starts no term costs two array reads. A class, so that a scorer
/// reaches it through one reference instead of copying (and retaining) its arrays per comment.
final class TopicIndex: Sendable {
    /// An exclusion's token sequence in ``tokens``, and where the term's tokens start in it.
    struct Span: Sendable {
        var start: Int32
        var count: Int32
        var offset: Int32
    }

    let taxonomy: TopicTaxonomy
    /// Vocabulary id → the one-token term, or -1.
    private let singleTerm: [Int32]
    /// The terms of two or more words, by first word, standing for their term index (the
    /// lexicon's own phrase index: "the", "in", "no" start up to 20 phrases each).
    private let phrases: PhraseIndex
    /// Term → its exclusions (one span per place the term occurs in one),
    /// `exclusions[exclusionStart[term] ..< exclusionStart[term + 1]]`.
    private let exclusionStart: [Int32]
    private let exclusions: [Span]
    /// The vocabulary ids of every exclusion, back to back.
    private let tokens: [Int32]
    /// Term → its topic.
    let topicOfTerm: [Int32]

    private init(taxonomy: TopicTaxonomy, singleTerm: [Int32], phrases: PhraseIndex, exclusionStart: [Int32],
                 exclusions: [Span], tokens: [Int32], topicOfTerm: [Int32]) {
        self.taxonomy = taxonomy
        self.singleTerm = singleTerm
        self.phrases = phrases
        self.exclusionStart = exclusionStart
        self.exclusions = exclusions
        self.tokens = tokens
        self.topicOfTerm = topicOfTerm
    }

    /// Indexes `taxonomy` for `lexicon`; returns the lexicon with the taxonomy's words added to
    /// its vocabulary, which the scorer must match with.
    static func build(_ taxonomy: TopicTaxonomy, for lexicon: Lexicon) -> (Lexicon, TopicIndex) {
        var words: [[UInt8]] = []
        for term in taxonomy.terms {
            words += term.tokens
            for exclusion in term.exclusions { words += exclusion.tokens }
        }
        let (extended, ids) = lexicon.addingVocabulary(words)
        var single = [Int32](repeating: -1, count: extended.vocabularySize)
        var tokens: [Int32] = []
        var phraseList: [(tokens: [Int32], value: Int32)] = []
        var exclusionStart: [Int32] = [0]
        var exclusions: [Span] = []
        var next = 0
        for (index, term) in taxonomy.terms.enumerated() {
            let termIDs = Array(ids[next..<next + term.tokens.count])
            next += term.tokens.count
            if termIDs.count == 1 { single[Int(termIDs[0])] = Int32(index) } else { phraseList.append((termIDs, Int32(index))) }
            for exclusion in term.exclusions {
                let start = Int32(tokens.count)
                tokens += ids[next..<next + exclusion.tokens.count]
                next += exclusion.tokens.count
                for offset in exclusion.offsets {
                    exclusions.append(Span(start: start, count: Int32(exclusion.tokens.count), offset: Int32(offset)))
                }
            }
            exclusionStart.append(Int32(exclusions.count))
        }
        let index = TopicIndex(taxonomy: taxonomy, singleTerm: single,
                               phrases: PhraseIndex(phraseList, vocabularySize: extended.vocabularySize),
                               exclusionStart: exclusionStart, exclusions: exclusions, tokens: tokens,
                               topicOfTerm: taxonomy.terms.map(\.topic))
        return (extended, index)
    }

    /// The same index in memory of its own (see ``Lexicon/detachedCopy()``: scoring threads
    /// must not share reference-counted buffers).
    func detachedCopy() -> TopicIndex {
        TopicIndex(taxonomy: taxonomy.detachedCopy(), singleTerm: singleTerm.detachedCopy(), phrases: phrases.detachedCopy(),
                   exclusionStart: exclusionStart.detachedCopy(), exclusions: exclusions.detachedCopy(),
                   tokens: tokens.detachedCopy(), topicOfTerm: topicOfTerm.detachedCopy())
    }

    /// Finds the terms in `ids` (vocabulary ids of consecutive tokens, joiner hyphens left out;
    /// -1 for a word no term or lexicon entry uses), longest first, and calls `found` with each
    /// (term, first position, token count). At each position the longest term that none of its
    /// own exclusions covers there wins: an excluded term leaves the position to the shorter
    /// terms that start there.
    @inline(__always)
    func matches(in ids: UnsafeBufferPointer<Int32>, _ found: (Int32, Int, Int) -> Void) {
        singleTerm.withUnsafeBufferPointer { single in
            tokens.withUnsafeBufferPointer { tokens in
                exclusionStart.withUnsafeBufferPointer { exclusionStart in
                    exclusions.withUnsafeBufferPointer { exclusions in
                        func isExcluded(_ term: Int32, at position: Int) -> Bool {
                            for k in Int(exclusionStart[Int(term)])..<Int(exclusionStart[Int(term) + 1]) {
                                let span = exclusions[k]
                                let start = position - Int(span.offset)
                                if start >= 0 && start + Int(span.count) <= ids.count
                                    && Self.equal(ids, start, tokens, Int(span.start), Int(span.count)) {
                                    return true
                                }
                            }
                            return false
                        }
                        var j = 0
                        while j < ids.count {
                            let head = ids[j]
                            guard head >= 0 else { j += 1; continue }
                            var length = 0
                            if let (term, count) = phrases.longest(in: ids, at: j, accept: { !isExcluded($0, at: j) }) {
                                found(term, j, count)
                                length = count
                            } else if single[Int(head)] >= 0, !isExcluded(single[Int(head)], at: j) {
                                found(single[Int(head)], j, 1)
                                length = 1
                            }
                            j += max(1, length)
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<Int32>, _ i: Int, _ b: UnsafeBufferPointer<Int32>, _ j: Int, _ count: Int) -> Bool {
        for k in 0..<count where a[i + k] != b[j + k] { return false }
        return true
    }
}
