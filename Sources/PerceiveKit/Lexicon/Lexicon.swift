/// What a lexicon says about itself (its `manifest.json`).
public struct LexiconManifest: Sendable, Codable, Equatable {
    public var format: String
    public var name: String
    public var version: String
    public var language: String
    public var license: String
    public var source: String
    public var description: String?
    public var terms: [String]
    public var shifters: [String]
    public var cues: [String]
    public var emotions: [EmotionCategory]

    func detachedCopy() -> LexiconManifest {
        var copy = self
        copy.terms = terms.detachedCopy()
        copy.shifters = shifters.detachedCopy()
        copy.cues = cues.detachedCopy()
        copy.emotions = emotions.detachedCopy()
        return copy
    }
}

extension Array {
    /// The elements in a buffer of their own (a plain copy shares the buffer until a write).
    func detachedCopy() -> [Element] {
        withUnsafeBufferPointer { Array($0) }
    }
}

/// A loaded, immutable lexicon, ready for matching. Safe to share between threads.
///
/// Every distinct token of every term is a "vocabulary id"; a comment token is looked up once
/// by its folded bytes (no `String` per token), then single-token entries and phrases are
/// found through arrays indexed by that id.
public struct Lexicon: Sendable {
    public let manifest: LexiconManifest
    public let entries: [LexiconEntry]
    /// What the rules read of each entry, without reference counting (same indices as ``entries``).
    public let info: [EntryInfo]
    /// The named emotions of all entries, back to back; see ``EntryInfo/emotionStart``.
    public let emotionWeights: [EmotionWeight]

    private var vocabulary: ByteHashTable
    /// vocabulary id → entry of the single-token term, or -1.
    private var singleEntry: [Int32]
    /// The phrases (entries of two or more words), by first word.
    private var phrases: PhraseIndex

    public var name: String { manifest.name }
    public var version: String { manifest.version }
    public var categories: [EmotionCategory] { manifest.emotions }

    init(manifest: LexiconManifest, entries: [LexiconEntry], vocabulary: ByteHashTable,
         entryTokens: [[Int32]]) {
        self.manifest = manifest
        self.entries = entries
        var info: [EntryInfo] = []
        var weights: [EmotionWeight] = []
        for entry in entries {
            info.append(EntryInfo(entry, emotionStart: weights.count))
            weights.append(contentsOf: entry.emotions)
        }
        self.info = info
        self.emotionWeights = weights
        self.vocabulary = vocabulary
        var single = [Int32](repeating: -1, count: vocabulary.count)
        var list: [(tokens: [Int32], value: Int32)] = []
        for (index, tokens) in entryTokens.enumerated() {
            if tokens.count == 1 { single[Int(tokens[0])] = Int32(index) } else { list.append((tokens, Int32(index))) }
        }
        singleEntry = single
        phrases = PhraseIndex(list, vocabularySize: vocabulary.count)
    }

    /// The same lexicon in memory of its own: every array (and dictionary) copied into new
    /// storage, none shared with `self`.
    ///
    /// Threads that score with one lexicon's arrays contend on their reference counts (two
    /// threads ran slower than one), so each scoring thread gets a copy. Copying the bundled
    /// lexicon takes under 10 million instructions against 670 million to load it (callgrind),
    /// and the copy cannot differ from the original (a second load could, if the files changed
    /// in between).
    public func detachedCopy() -> Lexicon {
        Lexicon(copying: self)
    }

    private init(copying other: Lexicon) {
        manifest = other.manifest.detachedCopy()
        entries = other.entries.detachedCopy()
        info = other.info.detachedCopy()
        emotionWeights = other.emotionWeights.detachedCopy()
        vocabulary = other.vocabulary.detachedCopy()
        singleEntry = other.singleEntry.detachedCopy()
        phrases = other.phrases.detachedCopy()
    }

    /// The same lexicon with `words` (folded tokens) in its vocabulary too, and the vocabulary
    /// id of each: a word it has keeps its id, a new one gets the next id and names no entry.
    /// Topic matching reads the ids of the one lookup per token that lexicon matching makes
    /// (``TopicIndex``), so a comment's tokens are hashed once for both.
    ///
    /// - Complexity: O(v + w) for a vocabulary of v words and w words added.
    func addingVocabulary(_ words: [[UInt8]]) -> (lexicon: Lexicon, ids: [Int32]) {
        var table = vocabulary
        let ids = words.map { table.insert($0, value: Int32(table.count)) }
        var single = singleEntry
        single.append(contentsOf: repeatElement(-1, count: table.count - single.count))
        var extended = self
        extended.vocabulary = table
        extended.singleEntry = single
        extended.phrases = phrases.extended(to: table.count)
        return (extended, ids)
    }

    /// The vocabulary id of a folded token, or -1 when no term uses it.
    @inline(__always)
    public func vocabularyID(_ folded: UnsafeBufferPointer<UInt8>) -> Int32 {
        vocabulary.value(for: folded) ?? -1
    }

    /// The cues of the single-token entry for vocabulary id `id` (empty when none): lets
    /// rules see a cue word ("within", "still") even inside a longer matched phrase.
    @inline(__always)
    public func singleTokenCues(_ id: Int32) -> CueSet {
        guard id >= 0 else { return CueSet() }
        let entry = singleEntry[Int(id)]
        return entry >= 0 ? info[Int(entry)].cues : CueSet()
    }

    /// The one-word entry for vocabulary id `id`, or -1.
    @inline(__always)
    public func singleEntryID(_ id: Int32) -> Int32 { id >= 0 ? singleEntry[Int(id)] : -1 }

    /// Number of distinct tokens across all terms.
    public var vocabularySize: Int { vocabulary.count }

    /// The longest entry that starts at `position` in `ids` (vocabulary ids of consecutive
    /// tokens, -1 for unknown): (entry index, token count), or nil.
    @inline(__always)
    public func longestMatch(in ids: UnsafeBufferPointer<Int32>, at position: Int) -> (entry: Int32, length: Int)? {
        let head = ids[position]
        if head < 0 { return nil }
        if let (entry, length) = phrases.longest(in: ids, at: position) { return (entry, length) }
        let single = singleEntry[Int(head)]
        return single >= 0 ? (single, 1) : nil
    }

    /// True when the vocabulary word `id` is a negator ("not", "didn't", "never") that starts
    /// a phrase: the matcher then also tries the phrase with an adverb after it skipped.
    @inline(__always)
    func isNegatorHead(_ id: Int32) -> Bool {
        guard id >= 0, phrases.startsPhrase(id) else { return false }
        let single = singleEntry[Int(id)]
        return single >= 0 && info[Int(single)].shifter == .negator
    }

    /// Entries whose term, folded and tokenized, equals `folded tokens` (for `lexicon lookup`).
    public func entry(forTokens tokens: [[UInt8]]) -> LexiconEntry? {
        let ids = tokens.map { vocabulary.value(for: $0) ?? -1 }
        guard !ids.isEmpty, !ids.contains(-1) else { return nil }
        let match = ids.withUnsafeBufferPointer { longestMatch(in: $0, at: 0) }
        guard let match, match.length == ids.count else { return nil }
        return entries[Int(match.entry)]
    }

    /// Index of the emotion category named `name`.
    public func categoryIndex(named name: String) -> Int? {
        manifest.emotions.firstIndex { $0.name == name }
    }
}
