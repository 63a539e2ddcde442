/// A VADER lexicon ready for scoring: the user's terms and emoji, merged with VADER's own
/// word lists (``VADERVocabulary``) into one byte hash table, so a token is looked up once by
/// its lower-cased bytes and every rule reads what it needs from ``Word``.
///
/// Duplicate terms behave as in vaderSentiment (a dictionary filled line by line): the last
/// line wins. They are listed in ``duplicates`` so a caller can report them.
public struct VADERLexicon: Sendable {
    /// What the rules know about one distinct lower-cased word.
    struct Word: Sendable {
        /// The lexicon's valence; NaN when the word is not in the lexicon.
        var valence = Double.nan
        /// `BOOSTER_DICT`'s value; 0 when the word is no booster.
        var booster = 0.0
        /// In `NEGATE`.
        var isNegation = false
        /// A word of a two- or three-word `SPECIAL_CASES` or `BOOSTER_DICT` phrase.
        var inPhrase = false
        /// The first word of such a phrase.
        var startsPhrase = false
        @inline(__always) var inLexicon: Bool { !valence.isNaN }
        /// A lexicon term that is no booster: the only words whose valence can be non-zero
        /// (`sentiment_valence` gives a booster none).
        @inline(__always) var isTerm: Bool { !valence.isNaN && booster == 0 }
    }

    /// A term defined on more than one line: the lines, in file order (the last one counts).
    public struct Duplicate: Sendable, Equatable {
        public var token: String
        public var lines: [Int]
    }

    public var parameters: VADERParameters { parameterStorage.buffer[0] }
    /// ``parameters`` at a fixed address, for the rules to read in place.
    let parameterStorage: VADERFrozenBuffer<VADERParameters>
    /// Number of distinct lexicon terms and of emoji.
    public let termCount: Int
    public let emojiCount: Int
    public let duplicates: [Duplicate]

    /// What the rules know about each distinct word, by word id (valid while the lexicon lives).
    var words: UnsafeBufferPointer<Word> { wordStorage.buffer }
    private let wordStorage: VADERFrozenBuffer<Word>
    let table: ByteHashTable
    /// The same words of up to 16 bytes, for the fast lookup.
    let shortTable: VADERShortKeyTable
    /// Single-scalar emoji → description bytes.
    let emoji: VADEREmojiTable
    /// Word ids (indices in ``words``) of the words the rules compare with.
    let ids: VADERWordIDs
    /// Two- and three-word `SPECIAL_CASES` and `BOOSTER_DICT` phrases as word-id sequences.
    var specialPhrases: UnsafeBufferPointer<VADERPhrase> { specialPhraseStorage.buffer }
    var boosterPhrases: UnsafeBufferPointer<VADERPhrase> { boosterPhraseStorage.buffer }
    private let specialPhraseStorage: VADERFrozenBuffer<VADERPhrase>
    private let boosterPhraseStorage: VADERFrozenBuffer<VADERPhrase>

    /// - Parameters:
    ///   - entries: the lexicon's lines (``VADERLexiconFormat/parseLexicon(_:file:)``).
    ///   - emoji: the emoji file's lines; empty for none.
    public init(entries: [VADERLexiconFormat.Entry], emoji: [VADERLexiconFormat.EmojiEntry] = [],
                parameters: VADERParameters = .standard, vocabulary: VADERVocabulary? = nil) {
        let vocabulary = vocabulary ?? .standard(parameters)
        var words: [Word] = []
        var table = ByteHashTable(minimumCapacity: entries.count + 256)
        var keys: [(bytes: [UInt8], id: Int32)] = []
        var linesByToken: [String: [Int]] = [:]
        func id(_ word: String) -> Int32 {
            let key = Array(word.utf8)
            if let existing = table.value(for: key) { return existing }
            words.append(Word())
            keys.append((key, Int32(words.count - 1)))
            return table.insert(key, value: Int32(words.count - 1))
        }
        for entry in entries {
            words[Int(id(entry.token))].valence = entry.mean
            linesByToken[entry.token, default: []].append(entry.line)
        }
        for word in vocabulary.negations { words[Int(id(word))].isNegation = true }
        var boosterPhrases: [VADERPhrase] = []
        for (word, value) in vocabulary.boosters {
            let parts = word.split(separator: " ")
            if parts.count == 1 { words[Int(id(word))].booster = value } else { boosterPhrases.append(VADERPhrase(parts.map { id(String($0)) }, value)) }
        }
        var specialPhrases: [VADERPhrase] = []
        for (phrase, value) in vocabulary.specialCases {
            let parts = phrase.split(separator: " ")
            if parts.count == 2 || parts.count == 3 { specialPhrases.append(VADERPhrase(parts.map { id(String($0)) }, value)) }
        }
        for phrase in specialPhrases + boosterPhrases {
            for id in [phrase.first, phrase.second, phrase.third] where id >= 0 { words[Int(id)].inPhrase = true }
            words[Int(phrase.first)].startsPhrase = true
        }
        let ids = VADERWordIDs(
            no: id("no"), or: id("or"), nor: id("nor"), kind: id("kind"), of: id("of"), never: id("never"), so: id("so"),
            this: id("this"), without: id("without"), doubt: id("doubt"), least: id("least"), at: id("at"),
            very: id("very"), but: id("but"))
        // vaderSentiment replaces emoji one code point at a time: entries of several code points
        // (with a variation selector or ZWJ) never match.
        let emojiTable = VADEREmojiTable(emoji.compactMap { entry in
            let scalars = entry.emoji.unicodeScalars
            return scalars.count == 1 ? (scalars.first!.value, Array(entry.description.utf8)) : nil
        })
        self.parameterStorage = VADERFrozenBuffer([parameters])
        self.termCount = linesByToken.count
        self.duplicates = linesByToken.filter { $0.value.count > 1 }
            .map { Duplicate(token: $0.key, lines: $0.value) }.sorted { $0.lines[0] < $1.lines[0] }
        self.wordStorage = VADERFrozenBuffer(words)
        self.table = table
        self.shortTable = VADERShortKeyTable(keys: keys.map { ($0.bytes, $0.id, Self.flags(words[Int($0.id)])) })
        self.ids = ids
        self.specialPhraseStorage = VADERFrozenBuffer(specialPhrases)
        self.boosterPhraseStorage = VADERFrozenBuffer(boosterPhrases)
        self.emoji = emojiTable
        self.emojiCount = emoji.count
    }

    private static func flags(_ word: Word) -> VADERShortKeyTable.Flags {
        var flags: VADERShortKeyTable.Flags = []
        if word.isNegation { flags.insert(.negation) }
        if word.isTerm { flags.insert(.term) }
        return flags
    }

    /// Loads `vader_lexicon.txt` and, when given, `emoji_utf8_lexicon.txt`.
    public static func load(lexiconPath: String, emojiPath: String?, parameters: VADERParameters = .standard) throws(LexiconError) -> VADERLexicon {
        let entries = try VADERLexiconFormat.readLexicon(path: lexiconPath)
        let emoji = try emojiPath.map { path throws(LexiconError) in try VADERLexiconFormat.readEmoji(path: path) } ?? []
        return VADERLexicon(entries: entries, emoji: emoji, parameters: parameters)
    }

    /// The valence of a term as the lexicon defines it (after duplicates), or nil.
    public func valence(of term: String) -> Double? {
        guard let i = table.value(for: Array(term.utf8)) else { return nil }
        let v = words[Int(i)].valence
        return v.isNaN ? nil : v
    }
}

extension VADERLexicon {
    /// Whether word id `id` (-1: not in the table) is a lexicon term.
    @inline(__always)
    func inLexicon(_ id: Int32) -> Bool { id >= 0 && !words[Int(id)].valence.isNaN }
}

/// The word ids of the words VADER's rules compare tokens with (lower-cased, as in the source).
struct VADERWordIDs: Sendable {
    var no, or, nor, kind, of, never, so, this, without, doubt, least, at, very, but: Int32
}

/// A two- or three-word phrase as word ids (`third` is -1 for two words), with its value.
struct VADERPhrase: Sendable {
    var first, second, third: Int32
    var value: Double
    var length: Int { third < 0 ? 2 : 3 }

    init(_ ids: [Int32], _ value: Double) {
        precondition(ids.count == 2 || ids.count == 3, "VADER's phrases have two or three words")
        first = ids[0]
        second = ids[1]
        third = ids.count == 3 ? ids[2] : -1
        self.value = value
    }
}
