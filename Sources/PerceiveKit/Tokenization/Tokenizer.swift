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

    /// The version of the ICU library doing the work.
    public static var icuVersion: String { ICUSegmenter.icuVersion }

    public init(locale: String = "en") throws(TokenizerError) {
        segmenter = try ICUSegmenter(locale: locale)
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
    public func tokenize(_ text: UnsafeBufferPointer<UInt8>, into result: inout TokenizedText) throws(TokenizerError) {
        result.removeAll()
        guard text.count < Int(Int32.max) else { throw TokenizerError.textTooLong(bytes: text.count) }
        let count = text.count
        if count == 0 { return }
        let segments = try segmenter.wordSegments(text, ends: &wordEnds, statuses: &wordStatuses)
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
                guard let k = Self.classifyNonWord(text, start, end) else { continue }
                kind = k
            }
            let foldStart = Int32(result.folded.count)
            var upper = false
            var lower = false
            var ascii = true
            for j in start..<end where text[j] >= 0x80 { ascii = false; break }
            if ascii {
                for j in start..<end {
                    var b = text[j]
                    if b &- 0x41 < 26 { upper = true; b |= 0x20 } else if b &- 0x61 < 26 { lower = true }
                    result.folded.append(b)
                }
            } else {
                (upper, lower) = try segmenter.fold(
                    UnsafeBufferPointer(rebasing: text[start..<end]), appendingTo: &result.folded)
            }
            result.tokens.append(Token(
                start: Int32(start), end: Int32(end), kind: kind, hasUpper: upper, hasLower: lower,
                foldStart: foldStart, foldEnd: Int32(result.folded.count), sentence: 0))
        }
        try findSentences(text, into: &result)
    }

    /// Sentence boundaries from ICU, with a shortcut that gives ICU's own answer: ASCII text
    /// with none of `. ! ? CR LF` has no sentence break, so it is one sentence.
    private func findSentences(_ text: UnsafeBufferPointer<UInt8>, into result: inout TokenizedText) throws(TokenizerError) {
        var needsICU = false
        for b in text where b >= 0x80 || b == 0x2E || b == 0x21 || b == 0x3F || b == 0x0A || b == 0x0D {
            needsICU = true
            break
        }
        var sentenceCount = 1
        if needsICU {
            sentenceCount = try segmenter.sentenceSegments(text, ends: &sentenceEnds)
        } else {
            if sentenceEnds.isEmpty { sentenceEnds = [0] }
            sentenceEnds[0] = Int32(text.count)
        }
        var tokenIndex = 0
        var sentenceStart: Int32 = 0
        for s in 0..<sentenceCount {
            let sentenceEnd = sentenceEnds[s]
            let first = tokenIndex
            while tokenIndex < result.tokens.count && result.tokens[tokenIndex].start < sentenceEnd {
                result.tokens[tokenIndex].sentence = Int32(result.sentences.count)
                tokenIndex += 1
            }
            if tokenIndex > first {
                result.sentences.append(SentenceSpan(
                    start: sentenceStart, end: sentenceEnd, firstToken: Int32(first), endToken: Int32(tokenIndex)))
            } else if let last = result.sentences.indices.last {
                // A segment with no tokens (only white space) belongs to the sentence before it.
                result.sentences[last].end = sentenceEnd
            }
            sentenceStart = sentenceEnd
        }
    }

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
