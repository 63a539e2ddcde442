/// A taxonomy's terms and exclusions as vocabulary ids of one lexicon: what topic matching
/// reads. Built once per scorer with the lexicon it scores with, whose vocabulary gains the
/// taxonomy's words (``Lexicon/addingVocabulary(_:)``): the id lexicon matching finds for each
/// token is then all topic matching needs, with no second lookup per token.
///
/// Everything is in flat arrays indexed by vocabulary id or term (no dictionary, no array of
/// arrays): a token that starts no term costs two array reads. A class, so that a scorer
/// reaches it through one reference instead of copying (and retaining) its arrays per comment.
final class TopicIndex: Sendable {
    /// A token sequence (a phrase or an exclusion) in ``tokens``.
    struct Span: Sendable {
        var start: Int32
        var count: Int32
        /// For a phrase: its term. For an exclusion: where the term's tokens start in it.
        var value: Int32
        /// For a phrase: its second token (read in place by the binary search).
        var second: Int32 = -1
    }

    let taxonomy: TopicTaxonomy
    /// Vocabulary id → the one-token term, or -1.
    private let singleTerm: [Int32]
    /// Vocabulary id → its phrases, `phrases[phraseStart[id] ..< phraseStart[id + 1]]` (empty
    /// for most ids), ordered by their second token, then longest first: matching finds the
    /// phrases that can match by a binary search on the next token ("the", "in", "no" start
    /// up to 20 phrases each, and a linear scan of those was half of the matching).
    private let phraseStart: [Int32]
    /// Vocabulary id → ``UInt64/bloomBit(_:)`` of the second token of each of its phrases, or'd:
    /// most words that start a phrase are followed by none of its second words, and skip the search.
    private let secondBloom: [UInt64]
    private let phrases: [Span]
    /// Term → its exclusions (one span per place the term occurs in one),
    /// `exclusions[exclusionStart[term] ..< exclusionStart[term + 1]]`.
    private let exclusionStart: [Int32]
    private let exclusions: [Span]
    /// The vocabulary ids of every phrase and exclusion, back to back.
    private let tokens: [Int32]
    /// Term → its topic.
    let topicOfTerm: [Int32]

    private init(taxonomy: TopicTaxonomy, singleTerm: [Int32], phraseStart: [Int32], secondBloom: [UInt64], phrases: [Span],
                 exclusionStart: [Int32], exclusions: [Span], tokens: [Int32], topicOfTerm: [Int32]) {
        self.taxonomy = taxonomy
        self.singleTerm = singleTerm
        self.phraseStart = phraseStart
        self.secondBloom = secondBloom
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
        let size = extended.vocabularySize
        var single = [Int32](repeating: -1, count: size)
        var tokens: [Int32] = []
        var phraseLists = [Int32: [Span]]()
        var exclusionStart: [Int32] = [0]
        var exclusions: [Span] = []
        var next = 0
        for (index, term) in taxonomy.terms.enumerated() {
            let termIDs = Array(ids[next..<next + term.tokens.count])
            next += term.tokens.count
            if termIDs.count == 1 {
                single[Int(termIDs[0])] = Int32(index)
            } else {
                phraseLists[termIDs[0], default: []].append(Span(start: Int32(tokens.count), count: Int32(termIDs.count),
                                                                 value: Int32(index), second: termIDs[1]))
                tokens += termIDs
            }
            for exclusion in term.exclusions {
                let start = Int32(tokens.count)
                tokens += ids[next..<next + exclusion.tokens.count]
                next += exclusion.tokens.count
                for offset in exclusion.offsets {
                    exclusions.append(Span(start: start, count: Int32(exclusion.tokens.count), value: Int32(offset)))
                }
            }
            exclusionStart.append(Int32(exclusions.count))
        }
        var phraseStart = [Int32](repeating: 0, count: size + 1)
        var secondBloom = [UInt64](repeating: 0, count: size)
        var phrases: [Span] = []
        for id in 0..<size {
            phraseStart[id] = Int32(phrases.count)
            if let list = phraseLists[Int32(id)] {
                phrases += list.sorted { a, b in a.second != b.second ? a.second < b.second : a.count > b.count }
                for phrase in list { secondBloom[id] |= .bloomBit(phrase.second) }
            }
        }
        phraseStart[size] = Int32(phrases.count)
        let index = TopicIndex(taxonomy: taxonomy, singleTerm: single, phraseStart: phraseStart, secondBloom: secondBloom, phrases: phrases,
                               exclusionStart: exclusionStart, exclusions: exclusions, tokens: tokens,
                               topicOfTerm: taxonomy.terms.map(\.topic))
        return (extended, index)
    }

    /// The same index in memory of its own (see ``Lexicon/detachedCopy()``: scoring threads
    /// must not share reference-counted buffers).
    func detachedCopy() -> TopicIndex {
        TopicIndex(taxonomy: taxonomy.detachedCopy(), singleTerm: singleTerm.detachedCopy(), phraseStart: phraseStart.detachedCopy(),
                   secondBloom: secondBloom.detachedCopy(), phrases: phrases.detachedCopy(), exclusionStart: exclusionStart.detachedCopy(), exclusions: exclusions.detachedCopy(),
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
            secondBloom.withUnsafeBufferPointer { secondBloom in
                phraseStart.withUnsafeBufferPointer { phraseStart in
                    phrases.withUnsafeBufferPointer { phrases in
                        tokens.withUnsafeBufferPointer { tokens in
                            exclusionStart.withUnsafeBufferPointer { exclusionStart in
                                exclusions.withUnsafeBufferPointer { exclusions in
                                    func isExcluded(_ term: Int32, at position: Int) -> Bool {
                                        for k in Int(exclusionStart[Int(term)])..<Int(exclusionStart[Int(term) + 1]) {
                                            let span = exclusions[k]
                                            let start = position - Int(span.value)
                                            if start >= 0 && start + Int(span.count) <= ids.count
                                                && Self.equal(ids, start, tokens, Int(span.start), Int(span.count)) {
                                                return true
                                            }
                                        }
                                        return false
                                    }
                                    var j = 0
                                    while j < ids.count {
                                        let head = Int(ids[j])
                                        guard head >= 0 else { j += 1; continue }
                                        var length = 0
                                        if j + 1 < ids.count, ids[j + 1] >= 0, secondBloom[head] & .bloomBit(ids[j + 1]) != 0 {
                                            // The first phrase whose second token is the next one.
                                            var k = Int(phraseStart[head]), end = Int(phraseStart[head + 1])
                                            let second = ids[j + 1]
                                            while k < end {
                                                let middle = (k + end) / 2
                                                if phrases[middle].second < second { k = middle + 1 } else { end = middle }
                                            }
                                            end = Int(phraseStart[head + 1])
                                            while k < end && phrases[k].second == second {
                                                let phrase = phrases[k]
                                                if j + Int(phrase.count) <= ids.count
                                                    && Self.equal(ids, j + 2, tokens, Int(phrase.start) + 2, Int(phrase.count) - 2)
                                                    && !isExcluded(phrase.value, at: j) {
                                                    found(phrase.value, j, Int(phrase.count))
                                                    length = Int(phrase.count)
                                                    break
                                                }
                                                k += 1
                                            }
                                        }
                                        if length == 0, single[head] >= 0, !isExcluded(single[head], at: j) {
                                            found(single[head], j, 1)
                                            length = 1
                                        }
                                        j += max(1, length)
                                    }
                                }
                            }
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
