import CICUShim

/// The one Swift file that talks to ICU (through the `CICUShim` C target).
///
/// Wraps an ICU word and sentence break iterator pair plus a case-folding normalizer. Opening
/// one costs a few microseconds, so a ``Tokenizer`` keeps one for its lifetime. Not
/// thread-safe: use one per thread.
final class ICUSegmenter {
    private let handle: OpaquePointer
    let locale: String

    /// The version of the system ICU library ("72.1").
    static var icuVersion: String { String(cString: pc_icu_version()) }

    init(locale: String) throws(TokenizerError) {
        var code: Int32 = 0
        guard let handle = pc_segmenter_open(locale, &code) else {
            throw TokenizerError.icu(operation: "open segmenter for locale '\(locale)'", code: code)
        }
        self.handle = handle
        self.locale = locale
    }

    deinit { pc_segmenter_close(handle) }

    /// The locales ICU has data for ("en", "en_GB", "ja", …), in ICU's order.
    static var availableLocales: [String] {
        (0..<pc_available_locale_count()).compactMap { pc_available_locale($0).map { String(cString: $0) } }
    }

    /// The language code of `locale` as ICU reads it ("en" for "en-GB" or "en_GB@ss=standard"),
    /// nil when ICU cannot read one.
    static func language(of locale: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = buffer.withUnsafeMutableBufferPointer { pc_locale_language(locale, $0.baseAddress, Int32($0.count)) }
        guard length >= 0 else { return nil }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Word-break segments of `text`: end offsets and ICU rule statuses. `ends` and
    /// `statuses` are resized to at least `text.count` entries; returns the segment count.
    func wordSegments(
        _ text: UnsafeBufferPointer<UInt8>, ends: inout [Int32], statuses: inout [Int32]
    ) throws(TokenizerError) -> Int {
        let capacity = max(text.count, 1)
        if ends.count < capacity { ends = [Int32](repeating: 0, count: Tokenizer.scratchCount(capacity)) }
        if statuses.count < capacity { statuses = [Int32](repeating: 0, count: Tokenizer.scratchCount(capacity)) }
        var code: Int32 = 0
        let count = ends.withUnsafeMutableBufferPointer { e in
            statuses.withUnsafeMutableBufferPointer { s in
                pc_word_segments(
                    handle, text.baseAddress, Int32(text.count), e.baseAddress, s.baseAddress,
                    Int32(e.count), &code)
            }
        }
        guard count >= 0 else { throw TokenizerError.icu(operation: "word segmentation", code: code) }
        return Int(count)
    }

    /// Sentence-break segments of `text`; see ``wordSegments(_:ends:statuses:)``.
    func sentenceSegments(_ text: UnsafeBufferPointer<UInt8>, ends: inout [Int32]) throws(TokenizerError) -> Int {
        let capacity = max(text.count, 1)
        if ends.count < capacity { ends = [Int32](repeating: 0, count: Tokenizer.scratchCount(capacity)) }
        var code: Int32 = 0
        let count = ends.withUnsafeMutableBufferPointer { e in
            pc_sentence_segments(handle, text.baseAddress, Int32(text.count), e.baseAddress, Int32(e.count), &code)
        }
        guard count >= 0 else { throw TokenizerError.icu(operation: "sentence segmentation", code: code) }
        return Int(count)
    }

    /// Case-folds and NFKC-normalizes `source`, appending UTF-8 to `output`.
    /// Returns (hasUpper, hasLower) for the source's letters.
    func fold(_ source: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) throws(TokenizerError) -> (upper: Bool, lower: Bool) {
        var flags: Int32 = 0
        var code: Int32 = 0
        var capacity = source.count * 3 + 8
        while true {
            let base = output.count
            output.append(contentsOf: repeatElement(0, count: capacity))
            let written = output.withUnsafeMutableBufferPointer { out in
                pc_fold(handle, source.baseAddress, Int32(source.count), out.baseAddress! + base, Int32(capacity), &flags, &code)
            }
            guard written >= 0 else {
                output.removeSubrange(base...)
                throw TokenizerError.icu(operation: "case folding", code: code)
            }
            if Int(written) <= capacity {
                output.removeSubrange((base + Int(written))...)
                return (flags & Int32(PC_FOLD_HAS_UPPER) != 0, flags & Int32(PC_FOLD_HAS_LOWER) != 0)
            }
            output.removeSubrange(base...)
            capacity = Int(written)
        }
    }
}
