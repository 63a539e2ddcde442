extension Tokenizer {
    /// The tokens of a term made of lower-case ASCII letters and single spaces ("tracking
    /// number"), which are its words, as ``tokenize(_:)`` gives them (its ASCII path reproduces
    /// ICU's boundaries; tests compare both on every such term of the default lexicon and
    /// taxonomy); nil for any other term, which the tokenizer must split. The lexicon and
    /// taxonomy loaders split most of their terms so (6,242 of the 6,413 terms and exclusions of
    /// the default taxonomy), and a call of the tokenizer costs more than splitting them here.
    static func simpleWords(_ text: String) -> [[UInt8]]? {
        var text = text
        return text.withUTF8 { bytes -> [[UInt8]]? in
            var words: [[UInt8]] = []
            var start = 0
            for k in 0...bytes.count {
                if k < bytes.count && bytes[k] &- 0x61 < 26 { continue }
                guard k > start, k == bytes.count || bytes[k] == 0x20 else { return nil }  // no empty word, nothing but a-z
                words.append(Array(bytes[start..<k]))
                start = k + 1
            }
            return words
        }
    }
}
