/// Errors from tokenization.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    /// ICU reported a failure (an ICU `UErrorCode`).
    case icu(operation: String, code: Int32)
    /// The text is longer than the 2 GiB that 32-bit offsets can address.
    case textTooLong(bytes: Int)

    public var description: String {
        switch self {
        case .icu(let operation, let code): "ICU failed to \(operation) (UErrorCode \(code))"
        case .textTooLong(let bytes): "text of \(bytes) bytes is longer than the 2 GiB a comment may have"
        }
    }
}

/// Splits text into tokens and sentences with ICU's break iterators, and case-folds each
/// token (ASCII directly, anything else with ICU's NFKC_Casefold).
///
/// ICU finds the boundaries for every script it can segment, including Japanese, Chinese and
/// Thai words (from libicudata's dictionaries). Emoji and emoticon characters are kept as
/// tokens. A `Tokenizer` reuses its ICU iterators and buffers: keep one per thread.
///
/// - Complexity: O(n) in the length of the text.
public final class Tokenizer {
    private let segmenter: ICUSegmenter
    private var wordEnds: [Int32] = []
    private var wordStatuses: [Int32] = []
    private var sentenceEnds: [Int32] = []

    /// The ICU locale ("en", "ja", "th", "" for root).
    public var locale: String { segmenter.locale }

    /// Whether pure-ASCII text takes the fast path. Some locales tailor ICU's rules for ASCII
    /// text (Swedish and Finnish keep "a:b" one word, `en_US_POSIX` splits at ".",
    /// `@ss=standard` suppresses sentence breaks after "Mr."): for those, ICU does the work.
    public let usesASCIIFastPath: Bool

    /// The version of the ICU library doing the work.
    public static var icuVersion: String { ICUSegmenter.icuVersion }

    /// The locales ICU has data for, in ICU's order (`perceive params --locales` prints them).
    public static var availableLocales: [String] { ICUSegmenter.availableLocales }

    /// Why `locale` is not a locale ICU knows, or nil when it is: ICU opens any string,
    /// falling back to its root rules, so `xx-NOPE`, `../../etc` or 5,000 characters were
    /// taken silently (issue 15). A known locale is at most ``maximumLocaleLength``
    /// characters of ASCII letters, digits and `-_@=;` (keywords such as `@ss=standard`), and
    /// its language is one of ``availableLocales``' ("" and "root" are the root locale).
    public static func problem(withLocale locale: String) -> String? {
        if locale.isEmpty || locale == "root" { return nil }
        guard locale.utf8.count <= maximumLocaleLength else {
            return "expected an ICU locale of at most \(maximumLocaleLength) characters, found \(locale.utf8.count)"
        }
        guard locale.utf8.allSatisfy({ $0 < 0x80 && (Character(UnicodeScalar($0)).isLetter || Character(UnicodeScalar($0)).isNumber
                                                     || "-_@=;".utf8.contains($0)) }) else {
            return "expected an ICU locale (letters, digits and - _ @ = ;)"
        }
        guard let language = ICUSegmenter.language(of: locale), !language.isEmpty else {
            return "expected an ICU locale starting with a language code"
        }
        guard knownLanguages.contains(language) else {
            return "ICU has no data for the language \"\(language)\""
        }
        return nil
    }

    /// The longest locale ``problem(withLocale:)`` accepts (ICU's own limit is 156 bytes).
    public static let maximumLocaleLength = 100

    /// The languages of ``availableLocales``.
    private static let knownLanguages: Set<String> = Set(ICUSegmenter.availableLocales.compactMap(ICUSegmenter.language(of:)))

    public init(locale: String = "en") throws(TokenizerError) {
        segmenter = try ICUSegmenter(locale: locale)
        usesASCIIFastPath = try Self.asciiFastPathAgrees(with: segmenter)
    }

    /// Text that shows every ASCII tailoring we know of: each punctuation character between
    /// letters and digits, abbreviations, and sentence ends.
    static let asciiProbe: [UInt8] = {
        var probe = ""
        for byte in UInt8(0x21)...UInt8(0x7E) where !(byte >= 0x30 && byte <= 0x39) && !(byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
            let p = String(UnicodeScalar(byte))
            probe += "a\(p)b 1\(p)2 a\(p)1 1\(p)a \(p)\(p) ab\(p)cd. "
        }
        probe += "Mr. Smith. e.g. this. U.S. Army. No. 5. Dr. Who. etc. a; b. a? B a! b\r\nC it's don't 3:45 1.5 1,000 z.B. Nr. 5."
        return Array(probe.utf8)
    }()

    /// Whether the ASCII fast paths give `segmenter`'s own word and sentence boundaries on
    /// ``asciiProbe``. Locales with keywords (`@ss=standard`…) always use ICU.
    private static func asciiFastPathAgrees(with segmenter: ICUSegmenter) throws(TokenizerError) -> Bool {
        if segmenter.locale.contains("@") { return false }
        var icuEnds: [Int32] = [], icuStatuses: [Int32] = [], icuSentences: [Int32] = []
        var fastEnds = [Int32](repeating: 0, count: asciiProbe.count + 1)
        var fastStatuses = fastEnds, fastSentences = fastEnds
        var agrees = false
        try asciiProbe.withUnsafeBufferPointer { (text) throws(TokenizerError) in
            let icuCount = try segmenter.wordSegments(text, ends: &icuEnds, statuses: &icuStatuses)
            let fastCount = ASCIIWordSegmenter.segment(text, ends: &fastEnds, statuses: &fastStatuses)
            let icuSentenceCount = try segmenter.sentenceSegments(text, ends: &icuSentences)
            let fastSentenceCount = ASCIISentenceSegmenter.segment(text, ends: &fastSentences)
            agrees = icuCount == fastCount && icuSentenceCount == fastSentenceCount
                && icuEnds[..<icuCount] == fastEnds[..<fastCount]
                && icuStatuses[..<icuCount].map { $0 / 100 } == fastStatuses[..<fastCount].map { $0 / 100 }
                && icuSentences[..<icuSentenceCount] == fastSentences[..<fastSentenceCount]
        }
        return agrees
    }

    /// Tokenizes `text` into a new ``TokenizedText``.
    public func tokenize(_ text: String) throws(TokenizerError) -> TokenizedText {
        var result = TokenizedText()
        var copy = text
        var failure: TokenizerError?
        copy.withUTF8 { buffer in
            do throws(TokenizerError) { try tokenize(buffer, into: &result) } catch { failure = error }
        }
        if let failure { throw failure }
        return result
    }

    /// Tokenizes UTF-8 `text` into `result`, reusing its storage.
    ///
    /// Pure-ASCII text takes a fast path (``ASCIIWordSegmenter``) that gives ICU's exact
    /// boundaries; `useICUForASCII` forces ICU (for the differential test).
    public func tokenize(_ text: UnsafeBufferPointer<UInt8>, into result: inout TokenizedText,
                         useICUForASCII: Bool = false) throws(TokenizerError) {
        result.removeAll()
        guard text.count < Int(Int32.max) else { throw TokenizerError.textTooLong(bytes: text.count) }
        let count = text.count
        if count == 0 { return }
        // The folded arena starts with the whole text lower-cased ASCII-wise: an ASCII token's
        // folded form is then the same byte range. Other tokens are folded by ICU and appended.
        var ascii = true
        result.folded.append(contentsOf: text)
        result.folded.withUnsafeMutableBufferPointer { folded in
            var high: UInt8 = 0
            for j in 0..<count {
                let b = folded[j]
                high |= b
                if b &- 0x41 < 26 { folded[j] = b | 0x20 }
            }
            ascii = high < 0x80
        }
        let segments: Int
        if ascii && usesASCIIFastPath && !useICUForASCII {
            if wordEnds.count < count { wordEnds = [Int32](repeating: 0, count: Self.scratchCount(count)) }
            if wordStatuses.count < count { wordStatuses = [Int32](repeating: 0, count: Self.scratchCount(count)) }
            segments = wordEnds.withUnsafeMutableBufferPointer { e in
                wordStatuses.withUnsafeMutableBufferPointer { s in
                    ASCIIWordSegmenter.segment(text, ends: e.baseAddress!, statuses: s.baseAddress!)
                }
            }
        } else {
            segments = try segmenter.wordSegments(text, ends: &wordEnds, statuses: &wordStatuses)
        }
        result.tokens.reserveCapacity(segments)
        var start = 0
        for i in 0..<segments {
            let end = Int(wordEnds[i])
            let status = wordStatuses[i]
            defer { start = end }
            let kind: TokenKind
            switch status {
            case 100..<200: kind = .number
            case 200..<300: kind = .word
            case 300..<500: kind = .ideographic
            default:
                if end - start == 1 && text[start] == 0x20 { continue }
                guard let k = Self.classifyNonWord(text, start, end) else { continue }
                kind = k
            }
            var upper = false
            var lower = false
            var tokenIsASCII = ascii
            if !ascii {
                tokenIsASCII = true
                for j in start..<end where text[j] >= 0x80 { tokenIsASCII = false; break }
            }
            var foldStart = Int32(start), foldEnd = Int32(end)
            if tokenIsASCII {
                for j in start..<end {
                    let b = text[j]
                    if b &- 0x41 < 26 { upper = true } else if b &- 0x61 < 26 { lower = true }
                }
            } else {
                foldStart = Int32(result.folded.count)
                (upper, lower) = try segmenter.fold(
                    UnsafeBufferPointer(rebasing: text[start..<end]), appendingTo: &result.folded)
                foldEnd = Int32(result.folded.count)
            }
            result.tokens.append(Token(
                start: Int32(start), end: Int32(end), kind: kind, hasUpper: upper, hasLower: lower,
                foldStart: foldStart, foldEnd: foldEnd, sentence: 0))
        }
        if count > Self.keptScratch {  // a very long text: its scratch is not kept (issue 15, item 5)
            wordEnds = []
            wordStatuses = []
        }
        try findSentences(text, ascii: ascii && usesASCIIFastPath && !useICUForASCII, into: &result)
    }

    /// Sentence boundaries from ICU, or for ASCII text from ``ASCIISentenceSegmenter``,
    /// which gives ICU's own answer.
    private func findSentences(_ text: UnsafeBufferPointer<UInt8>, ascii: Bool, into result: inout TokenizedText) throws(TokenizerError) {
        let sentenceCount: Int
        if ascii {
            if sentenceEnds.count < text.count + 1 { sentenceEnds = [Int32](repeating: 0, count: Self.scratchCount(text.count + 1)) }
            sentenceCount = sentenceEnds.withUnsafeMutableBufferPointer { ASCIISentenceSegmenter.segment(text, ends: $0.baseAddress!) }
        } else {
            sentenceCount = try segmenter.sentenceSegments(text, ends: &sentenceEnds)
        }
        var tokenIndex = 0
        var sentenceStart: Int32 = 0
        for s in 0..<sentenceCount {
            var sentenceEnd = sentenceEnds[s]
            let first = tokenIndex
            while tokenIndex < result.tokens.count && result.tokens[tokenIndex].start < sentenceEnd {
                result.tokens[tokenIndex].sentence = Int32(result.sentences.count)
                tokenIndex += 1
            }
            if tokenIndex > first {
                // Word and sentence rules can disagree (a sentence break inside a token, seen
                // with control characters): the token stays whole in the sentence it starts in.
                sentenceEnd = max(sentenceEnd, result.tokens[tokenIndex - 1].end)
                result.sentences.append(SentenceSpan(
                    start: sentenceStart, end: sentenceEnd, firstToken: Int32(first), endToken: Int32(tokenIndex)))
            } else if let last = result.sentences.indices.last {
                // A segment with no tokens (only white space, or the rest of a token that
                // crossed a break) belongs to the sentence before it.
                result.sentences[last].end = max(result.sentences[last].end, sentenceEnd)
            }
            sentenceStart = result.sentences.last?.end ?? sentenceEnd
        }
        if text.count > Self.keptScratch { sentenceEnds = [] }
    }

    /// Bytes of text up to which the boundary scratch arrays (4 bytes per byte of text each)
    /// are kept for the next text, with room to spare; past it they are sized to the text and
    /// dropped after it.
    static let keptScratch = 1 << 16

    /// Entries of a boundary scratch array for `count` bytes: twice as many for short texts
    /// (fewer reallocations as lengths vary), exactly as many for long ones.
    static func scratchCount(_ count: Int) -> Int { count <= keptScratch ? count * 2 : count }

    /// Classifies an ICU status-0 segment: nil for white space, else punctuation or symbol.
    private static func classifyNonWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        var ascii = true
        var asciiSpace = true
        for j in start..<end {
            let b = text[j]
            if b >= 0x80 { ascii = false; asciiSpace = false; break }
            if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { asciiSpace = false }
        }
        if asciiSpace { return nil }
        if ascii {
            // ASCII punctuation per Unicode is all of !"#%&'()*,-./:;?@[\]_{} ; the rest are symbols.
            for j in start..<end {
                switch text[j] {
                case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: return .symbol
                case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: continue
                default: return .symbol
                }
            }
            return .punctuation
        }
        var allSpace = true
        var allPunctuation = true
        for scalar in String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self).unicodeScalars {
            let properties = scalar.properties
            if !properties.isWhitespace { allSpace = false }
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                break
            default:
                allPunctuation = false
            }
        }
        if allSpace { return nil }
        return allPunctuation ? .punctuation : .symbol
    }
}
