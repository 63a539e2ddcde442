/// What kind of text a token is, from ICU's word-break rule status and, for status 0
/// segments, the Unicode general category of their characters.
public enum TokenKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Letters (ICU status 200–299), including words with digits such as "2hrs".
    case word
    /// Numbers (ICU status 100–199): "45", "1.5", "3,000".
    case number
    /// Kana or ideographs (ICU status 300–499): Japanese and Chinese words.
    case ideographic
    /// Punctuation (status 0, general category P*): "!", ",", "(".
    case punctuation
    /// Everything else with status 0 that is not white space: emoji, symbols, "<", "=".
    case symbol

    public var description: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .ideographic: "ideographic"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        }
    }
}

/// One token of a comment. White space is not a token; every other byte of the text belongs
/// to exactly one token, in order.
///
/// Offsets are UTF-8 byte offsets into the original comment text, end exclusive.
public struct Token: Sendable, Equatable {
    /// Byte offset of the first byte.
    public var start: Int32
    /// Byte offset one past the last byte.
    public var end: Int32
    public var kind: TokenKind
    /// The source has at least one upper-case letter.
    public var hasUpper: Bool
    /// The source has at least one lower-case letter.
    public var hasLower: Bool
    /// Range of the case-folded, NFKC-normalized form in ``TokenizedText/folded``.
    public var foldStart: Int32
    public var foldEnd: Int32
    /// Index of the sentence the token belongs to.
    public var sentence: Int32

    /// True for a word written in capitals ("VERY", "NEVER"): at least two bytes, upper-case
    /// letters, no lower-case ones.
    @inlinable public var isAllCaps: Bool { hasUpper && !hasLower && end - start >= 2 }
}

/// A sentence: a byte range of the comment, and the range of its tokens.
public struct SentenceSpan: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var firstToken: Int32
    public var endToken: Int32
}

/// The tokens and sentences of one comment.
public struct TokenizedText: Sendable {
    public internal(set) var tokens: [Token] = []
    /// Case-folded token texts, back to back; see ``Token/foldStart``.
    public internal(set) var folded: [UInt8] = []
    public internal(set) var sentences: [SentenceSpan] = []

    public init() {}

    mutating func removeAll() {
        tokens.removeAll(keepingCapacity: true)
        folded.removeAll(keepingCapacity: true)
        sentences.removeAll(keepingCapacity: true)
    }

    /// Whether token `index` is a hyphen joining two words with no space around it
    /// ("hassle-free", "wi-fi"). Matching skips such hyphens, so "hassle-free" and
    /// "hassle free" are the same term; the hyphen stays a token (and inside the match).
    @inline(__always)
    public func isJoinerHyphen(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation, index > 0, index + 1 < tokens.count else { return false }
        let length = Int(token.foldEnd - token.foldStart)
        let first = folded[Int(token.foldStart)]
        let isHyphen = (length == 1 && first == UInt8(ascii: "-"))
            || (length == 3 && first == 0xE2 && folded[Int(token.foldStart) + 1] == 0x80
                && (folded[Int(token.foldStart) + 2] == 0x90 || folded[Int(token.foldStart) + 2] == 0x91))
        guard isHyphen else { return false }
        let before = tokens[index - 1], after = tokens[index + 1]
        return before.kind == .word && after.kind == .word && before.end == token.start && token.end == after.start
    }

    /// The folded form of token `index` as a String (for display and tests, not the hot path).
    public func foldedText(of index: Int) -> String {
        let token = tokens[index]
        return String(decoding: folded[Int(token.foldStart)..<Int(token.foldEnd)], as: UTF8.self)
    }
}
