/// Phrases (sequences of two or more vocabulary ids, each standing for a value: a lexicon entry,
/// a topic term) indexed by their first word, in flat arrays: what lexicon matching and topic
/// matching both search at every token.
///
/// A head word's phrases are `phrases[start[id] ..< start[id + 1]]`, ordered by their second
/// word, then longest first, then in the order given; each keeps its second word in place, and
/// a 64-bit Bloom filter per head word holds the second words of its phrases. A word that
/// starts phrases but is followed by none of their second words ("the", "on", "not" before most
/// words) costs two array reads; otherwise a binary search on the next word finds the phrases
/// that can match. A dictionary of phrase lists per head word cost a hash and a pointer chase
/// per phrase for every token that starts one, and was the largest part of matching.
struct PhraseIndex: Sendable {
    struct Phrase: Sendable {
        /// Its words: `tokens[start ..< start + count]`.
        var start: Int32
        var count: Int32
        var value: Int32
        /// Its second word.
        var second: Int32
    }

    private var start: [Int32]
    private var bloom: [UInt64]
    private let phrases: [Phrase]
    private let tokens: [Int32]

    /// Indexes `phrases` (each at least two vocabulary ids below `vocabularySize`, with its
    /// value) for a vocabulary of `vocabularySize` ids.
    init(_ list: [(tokens: [Int32], value: Int32)], vocabularySize: Int) {
        var spans: [Phrase] = []
        var tokens: [Int32] = []
        var order: [Int] = []  // load order, the last tie-break
        for (k, phrase) in list.enumerated() {
            precondition(phrase.tokens.count >= 2, "a phrase has two words or more")
            spans.append(Phrase(start: Int32(tokens.count), count: Int32(phrase.tokens.count), value: phrase.value,
                                second: phrase.tokens[1]))
            tokens += phrase.tokens
            order.append(k)
        }
        let sorted = order.sorted { a, b in
            let (x, y) = (spans[a], spans[b])
            let (hx, hy) = (tokens[Int(x.start)], tokens[Int(y.start)])
            if hx != hy { return hx < hy }
            if x.second != y.second { return x.second < y.second }
            return x.count != y.count ? x.count > y.count : a < b
        }
        spans = sorted.map { spans[$0] }
        var start = [Int32](repeating: 0, count: vocabularySize + 1)
        var bloom = [UInt64](repeating: 0, count: vocabularySize)
        var k = 0
        for id in 0..<vocabularySize {
            start[id] = Int32(k)
            while k < spans.count && tokens[Int(spans[k].start)] == Int32(id) {
                bloom[id] |= Self.bloomBit(spans[k].second)
                k += 1
            }
        }
        start[vocabularySize] = Int32(k)
        self.start = start
        self.bloom = bloom
        self.phrases = spans
        self.tokens = tokens
    }

    private init(start: [Int32], bloom: [UInt64], phrases: [Phrase], tokens: [Int32]) {
        self.start = start
        self.bloom = bloom
        self.phrases = phrases
        self.tokens = tokens
    }

    /// The same index in memory of its own (see ``Lexicon/detachedCopy()``).
    func detachedCopy() -> PhraseIndex {
        PhraseIndex(start: start.detachedCopy(), bloom: bloom.detachedCopy(), phrases: phrases.detachedCopy(),
                    tokens: tokens.detachedCopy())
    }

    /// The same index for a vocabulary grown to `vocabularySize` ids: the new words start no phrase.
    func extended(to vocabularySize: Int) -> PhraseIndex {
        var copy = self
        copy.bloom.append(contentsOf: repeatElement(0, count: vocabularySize - bloom.count))
        copy.start.append(contentsOf: repeatElement(start[start.count - 1], count: vocabularySize + 1 - start.count))
        return copy
    }

    @inline(__always)
    static func bloomBit(_ id: Int32) -> UInt64 { 1 &<< UInt64(truncatingIfNeeded: id & 63) }

    /// Whether some phrase starts with vocabulary id `id`.
    @inline(__always)
    func startsPhrase(_ id: Int32) -> Bool { start[Int(id)] < start[Int(id) + 1] }

    /// The longest phrase at `position` of `ids` (vocabulary ids of consecutive tokens, -1 for a
    /// word no phrase uses) that `accept` takes, as (value, word count); `accept` is asked of the
    /// matching phrases longest first (topic matching refuses a term its exclusion covers).
    @inline(__always)
    func longest(in ids: UnsafeBufferPointer<Int32>, at position: Int,
                 accept: (_ value: Int32) -> Bool = { _ in true }) -> (value: Int32, count: Int)? {
        let head = ids[position]
        guard head >= 0, position + 1 < ids.count else { return nil }
        let second = ids[position + 1]
        guard second >= 0, bloom[Int(head)] & Self.bloomBit(second) != 0 else { return nil }
        return phrases.withUnsafeBufferPointer { phrases in
            tokens.withUnsafeBufferPointer { tokens in
                var k = Int(start[Int(head)]), end = Int(start[Int(head) + 1])
                while k < end {  // the first phrase whose second word is the next one
                    let middle = (k + end) / 2
                    if phrases[middle].second < second { k = middle + 1 } else { end = middle }
                }
                end = Int(start[Int(head) + 1])
                while k < end && phrases[k].second == second {
                    let phrase = phrases[k]
                    let count = Int(phrase.count)
                    if position + count <= ids.count {
                        var matches = true
                        for t in 2..<count where ids[position + t] != tokens[Int(phrase.start) + t] {
                            matches = false
                            break
                        }
                        if matches && accept(phrase.value) { return (phrase.value, count) }
                    }
                    k += 1
                }
                return nil
            }
        }
    }
}
