import PerceiveKit

/// The locales a fuzz input can pick with its first byte: the ones Perceive ships for, the
/// scripts ICU segments with dictionaries, locales with tailored break rules, and names ICU
/// does not know (it falls back to root).
public let fuzzLocales = ["en", "ja", "zh", "th", "km", "lo", "my", "ko", "ar", "he", "de", "fi", "sv",
                          "en_US_POSIX", "en@ss=standard", "de@ss=standard", "", "root", "xx", "@@", "en-GB"]

/// Checks what ``TokenizedText`` promises: tokens in order without overlap, inside the text,
/// with only white space between them; sentences that tile the text and partition the tokens.
public func checkTokenization(_ t: TokenizedText, of text: UnsafeBufferPointer<UInt8>, label: String) {
    let count = text.count
    var previousEnd = 0
    func checkGap(_ from: Int, _ to: Int) {
        guard from < to else { return }
        let gap = String(decoding: UnsafeBufferPointer(rebasing: text[from..<to]), as: UTF8.self)
        FuzzCheck.require(gap.unicodeScalars.allSatisfy { $0.properties.isWhitespace },
                          "\(label): bytes \(from)..<\(to) belong to no token and are not white space: \(Array(text[from..<to]))")
    }
    for (i, token) in t.tokens.enumerated() {
        let start = Int(token.start), end = Int(token.end)
        FuzzCheck.require(start < end && end <= count, "\(label): token \(i) has range \(start)..<\(end) in \(count) bytes")
        FuzzCheck.require(start >= previousEnd, "\(label): token \(i) starts at \(start), before the previous end \(previousEnd)")
        checkGap(previousEnd, start)
        FuzzCheck.require(token.foldStart >= 0 && token.foldStart <= token.foldEnd && Int(token.foldEnd) <= t.folded.count,
                          "\(label): token \(i) folded range \(token.foldStart)..<\(token.foldEnd) outside \(t.folded.count)")
        previousEnd = end
    }
    checkGap(previousEnd, count)
    if t.tokens.isEmpty {
        FuzzCheck.require(t.sentences.isEmpty, "\(label): \(t.sentences.count) sentences without tokens")
        return
    }
    FuzzCheck.require(!t.sentences.isEmpty, "\(label): tokens but no sentence")
    var sentenceStart: Int32 = 0
    var firstToken: Int32 = 0
    for (s, sentence) in t.sentences.enumerated() {
        if s > 0 {
            FuzzCheck.require(sentence.start == sentenceStart, "\(label): sentence \(s) starts at \(sentence.start), previous ended at \(sentenceStart)")
        }
        FuzzCheck.require(sentence.start < sentence.end && Int(sentence.end) <= count,
                          "\(label): sentence \(s) has range \(sentence.start)..<\(sentence.end)")
        FuzzCheck.require(sentence.firstToken == firstToken && sentence.endToken > sentence.firstToken,
                          "\(label): sentence \(s) has tokens \(sentence.firstToken)..<\(sentence.endToken), expected to start at \(firstToken)")
        for k in Int(sentence.firstToken)..<Int(sentence.endToken) {
            let token = t.tokens[k]
            FuzzCheck.require(token.sentence == Int32(s), "\(label): token \(k) says sentence \(token.sentence), is in \(s)")
            FuzzCheck.require(token.start >= sentence.start && token.end <= sentence.end,
                              "\(label): token \(k) \(token.start)..<\(token.end) outside sentence \(s) \(sentence.start)..<\(sentence.end)")
        }
        sentenceStart = sentence.end
        firstToken = sentence.endToken
    }
    FuzzCheck.require(Int(firstToken) == t.tokens.count, "\(label): sentences cover \(firstToken) of \(t.tokens.count) tokens")
    FuzzCheck.require(Int(sentenceStart) == count, "\(label): sentences end at \(sentenceStart) of \(count) bytes")
}

/// Whether two tokenizations are identical (tokens with their kinds, case flags and folded
/// forms, and sentences).
public func sameTokenization(_ a: TokenizedText, _ b: TokenizedText) -> Bool {
    guard a.tokens.count == b.tokens.count, a.sentences == b.sentences else { return false }
    for i in a.tokens.indices {
        let x = a.tokens[i], y = b.tokens[i]
        guard x.start == y.start, x.end == y.end, x.kind == y.kind, x.hasUpper == y.hasUpper, x.hasLower == y.hasLower,
              x.sentence == y.sentence, a.folded[Int(x.foldStart)..<Int(x.foldEnd)] == b.folded[Int(y.foldStart)..<Int(y.foldEnd)]
        else { return false }
    }
    return true
}

/// Tokenizers by locale, made once per process.
public final class TokenizerCache {
    private var tokenizers: [String: Tokenizer] = [:]
    public init() {}
    public func tokenizer(_ locale: String) -> Tokenizer? {
        if let t = tokenizers[locale] { return t }
        guard let t = try? Tokenizer(locale: locale) else { return nil }
        tokenizers[locale] = t
        return t
    }
}

/// Splits a fuzz input into a locale (its first byte) and the text (the rest).
public func localeAndText(_ data: UnsafeRawBufferPointer) -> (String, UnsafeRawBufferPointer) {
    guard let first = data.first else { return ("en", data) }
    return (fuzzLocales[Int(first) % fuzzLocales.count], UnsafeRawBufferPointer(rebasing: data.dropFirst()))
}
