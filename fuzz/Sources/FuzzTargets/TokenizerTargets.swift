import PerceiveKit

/// `fuzz-tokenizer`: any bytes in any locale. The first byte picks the locale from
/// ``fuzzLocales``, the rest is the text (not necessarily UTF-8). Checks the tokenization
/// properties, and that tokenizing again into a reused buffer gives the same result.
public enum TokenizerFuzzTarget {
    nonisolated(unsafe) static let cache = TokenizerCache()
    nonisolated(unsafe) static var reused = TokenizedText()

    public static func run(_ data: UnsafeRawBufferPointer) {
        let (locale, raw) = localeAndText(data)
        guard let tokenizer = cache.tokenizer(locale) else {
            FuzzCheck.fail("no tokenizer for locale \(String(reflecting: locale))")
        }
        let text = raw.assumingMemoryBound(to: UInt8.self)
        var fresh = TokenizedText()
        do {
            try tokenizer.tokenize(text, into: &fresh)
        } catch {
            FuzzCheck.fail("tokenize threw \(error) for \(text.count) bytes in locale \(locale)")
        }
        checkTokenization(fresh, of: text, label: "locale \(String(reflecting: locale))")
        do {
            try tokenizer.tokenize(text, into: &reused)
        } catch {
            FuzzCheck.fail("second tokenize threw \(error)")
        }
        FuzzCheck.require(sameTokenization(fresh, reused), "tokenizing again into a reused buffer gave another result")
        // The String entry point (which repairs invalid UTF-8) must work too.
        let repaired = String(decoding: text, as: UTF8.self)
        guard let again = try? tokenizer.tokenize(repaired) else { FuzzCheck.fail("tokenize(String) threw") }
        var copy = repaired
        copy.withUTF8 { checkTokenization(again, of: $0, label: "repaired text, locale \(String(reflecting: locale))") }
    }
}

/// `fuzz-tokenizer-ascii`: the ASCII fast path against ICU. Every byte is masked to 7 bits
/// (so the text is ASCII); the first picks the locale. Tokens and sentences must be identical.
public enum TokenizerASCIIFuzzTarget {
    nonisolated(unsafe) static let cache = TokenizerCache()

    public static func run(_ data: UnsafeRawBufferPointer) {
        let (locale, raw) = localeAndText(data)
        guard let tokenizer = cache.tokenizer(locale) else {
            FuzzCheck.fail("no tokenizer for locale \(String(reflecting: locale))")
        }
        let ascii = raw.map { $0 & 0x7F }
        ascii.withUnsafeBufferPointer { text in
            var fast = TokenizedText(), icu = TokenizedText()
            do {
                try tokenizer.tokenize(text, into: &fast)
                try tokenizer.tokenize(text, into: &icu, useICUForASCII: true)
            } catch {
                FuzzCheck.fail("tokenize threw \(error)")
            }
            if !sameTokenization(fast, icu) {
                func show(_ t: TokenizedText) -> String {
                    t.tokens.map { "\(String(decoding: ascii[Int($0.start)..<Int($0.end)], as: UTF8.self))/\($0.kind)" }
                        .joined(separator: " | ") + "  sentences \(t.sentences.map { [$0.start, $0.end] })"
                }
                FuzzCheck.fail("""
                    ASCII fast path differs from ICU in locale \(String(reflecting: locale)) on \
                    \(String(reflecting: String(decoding: ascii, as: UTF8.self)))
                     fast: \(show(fast))
                      icu: \(show(icu))
                    """)
            }
            checkTokenization(fast, of: text, label: "ASCII, locale \(String(reflecting: locale))")
        }
    }
}
