/// vaderSentiment's text handling (`polarity_scores` and `SentiText`), on UTF-8 bytes:
///
/// 1. each emoji (one code point) in the emoji lexicon is replaced by its description;
/// 2. the text is split on whitespace (Python's `str.split()`: Unicode whitespace);
/// 3. ASCII punctuation is stripped from both ends of each word, unless that leaves two
///    characters or fewer (then the word is kept whole: ":)", ":-(", "ok!");
/// 4. each word is lower-cased (Python's `str.lower()`) and looked up once in the lexicon's
///    table; whether it is ALL CAPS (`str.isupper()`) and whether it negates (in `NEGATE` or
///    containing "n't") are noted.
///
/// It counts "!" and "?" in the text after emoji replacement, as `_punctuation_emphasis` does.
/// One `VADERText` is reused from comment to comment (its buffers keep their capacity).
struct VADERText {
    /// Fixed-size buffers, replaced by bigger ones when a text needs more. Their addresses are
    /// `let`s of a class, so reading them costs no exclusivity check.
    final class Buffers {
        let textCapacity: Int
        let wordCapacity: Int
        let text: UnsafeMutablePointer<UInt8>
        let lowered: UnsafeMutablePointer<UInt8>
        let starts, ends, ids: UnsafeMutablePointer<Int32>
        let isUpper, negates: UnsafeMutablePointer<Bool>
        let sentiments: UnsafeMutablePointer<Double>

        init(textCapacity: Int, wordCapacity: Int) {
            self.textCapacity = textCapacity
            self.wordCapacity = wordCapacity
            // 16 bytes more: a word's bytes are read as two 8-byte loads (the excess masked off).
            text = .allocate(capacity: textCapacity + 16)
            lowered = .allocate(capacity: textCapacity + 16)
            starts = .allocate(capacity: wordCapacity)
            ends = .allocate(capacity: wordCapacity)
            ids = .allocate(capacity: wordCapacity)
            isUpper = .allocate(capacity: wordCapacity)
            negates = .allocate(capacity: wordCapacity)
            sentiments = .allocate(capacity: wordCapacity)
        }

        deinit {
            text.deallocate(); lowered.deallocate(); starts.deallocate(); ends.deallocate()
            ids.deallocate(); isUpper.deallocate(); negates.deallocate(); sentiments.deallocate()
        }
    }

    private(set) var buffers = Buffers(textCapacity: 256, wordCapacity: 129)
    /// The text after emoji replacement is `buffers.text[0 ..< textCount]`.
    private(set) var textCount = 0
    /// Number of words. Per word, in ``buffers``: byte range in the text, word id in the
    /// lexicon's table (``VADERLexicon/words``, -1 when absent), ALL CAPS, negates; and its
    /// valence, which ``VADERScorer`` fills.
    private(set) var count = 0
    private(set) var exclamations = 0
    private(set) var questions = 0
    /// Emoji replaced: range of the description in the text → range of the emoji in the comment.
    private(set) var replacements: [(textStart: Int32, textEnd: Int32, start: Int32, end: Int32)] = []
    private var scratch: [UInt8] = []

    var text: UnsafeMutablePointer<UInt8> { buffers.text }
    var starts: UnsafeMutablePointer<Int32> { buffers.starts }
    var ends: UnsafeMutablePointer<Int32> { buffers.ends }
    var ids: UnsafeMutablePointer<Int32> { buffers.ids }
    var isUpper: UnsafeMutablePointer<Bool> { buffers.isUpper }
    var negates: UnsafeMutablePointer<Bool> { buffers.negates }
    var sentiments: UnsafeMutablePointer<Double> { buffers.sentiments }

    /// The words, as vaderSentiment's `words_and_emoticons` holds them (for tests and traces).
    var words: [String] {
        (0..<count).map { String(decoding: UnsafeBufferPointer(start: text + Int(starts[$0]), count: Int(ends[$0] - starts[$0])), as: UTF8.self) }
    }

    /// The word's byte range in the original comment (an emoji's description maps to the emoji).
    func commentRange(_ i: Int) -> (start: Int32, end: Int32) {
        var shift: Int32 = 0
        for r in replacements {
            if starts[i] >= r.textEnd { shift += (r.end - r.start) - (r.textEnd - r.textStart); continue }
            if ends[i] > r.textStart { return (r.start, r.end) }
            break
        }
        return (starts[i] + shift, ends[i] + shift)
    }

    mutating func analyze(_ input: UnsafeBufferPointer<UInt8>, _ lexicon: VADERLexicon) {
        replaceEmoji(input, lexicon)
        split(lexicon)
    }

    /// Makes room for `bytes` bytes of text (and so for `bytes / 2 + 1` words).
    private mutating func reserve(_ bytes: Int) {
        guard bytes > buffers.textCapacity else { return }
        let capacity = max(bytes, buffers.textCapacity * 2)
        buffers = Buffers(textCapacity: capacity, wordCapacity: capacity / 2 + 1)
    }

    private mutating func replaceEmoji(_ input: UnsafeBufferPointer<UInt8>, _ lexicon: VADERLexicon) {
        replacements.removeAll(keepingCapacity: true)
        let scanned = Self.scan(input)
        var exclamations = scanned.exclamations, questions = scanned.questions
        let ascii = scanned.ascii
        guard !ascii && !lexicon.emoji.isEmpty else {
            reserve(input.count)
            if let base = input.baseAddress { text.update(from: base, count: input.count) }
            textCount = input.count
            self.exclamations = exclamations
            self.questions = questions
            return
        }
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        let n = input.count
        while i < n {
            let b = input[i]
            if b < 0x80 {
                scratch.append(b)
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            var scalar = UInt32(b) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            if length > 1 && i + length <= n {
                for k in 1..<length { scalar = scalar << 6 | UInt32(input[i + k] & 0x3F) }
            }
            if length > 1, let description = lexicon.emoji[scalar] {
                // vaderSentiment puts a space before the description unless one precedes it,
                // and none after it; an extra space changes no word, so always put one.
                let start = Int32(scratch.count)
                scratch.append(0x20)
                for d in description {
                    if d == 0x21 { exclamations += 1 } else if d == 0x3F { questions += 1 }
                }
                scratch.append(contentsOf: description)
                replacements.append((start, Int32(scratch.count), Int32(i), Int32(i + length)))
            } else {
                for k in i..<min(n, i + length) { scratch.append(input[k]) }
            }
            i += length
        }
        reserve(scratch.count)
        scratch.withUnsafeBufferPointer { text.update(from: $0.baseAddress!, count: $0.count) }
        textCount = scratch.count
        self.exclamations = exclamations
        self.questions = questions
    }

    /// Where ``addWord(_:_:_:_:_:)`` writes: the buffers' addresses, read once per text (a
    /// class property read per word would pay an exclusivity check each time).
    private struct Sink {
        let starts, ends, ids: UnsafeMutablePointer<Int32>
        let isUpper, negates: UnsafeMutablePointer<Bool>
        let lowered: UnsafeMutablePointer<UInt8>
        let words: UnsafeBufferPointer<VADERLexicon.Word>
        let table: ByteHashTable
        let shortTable: VADERShortKeyTable.Lookup
        var count = 0
    }

    /// Byte classes for splitting: ASCII whitespace, ASCII punctuation (`string.punctuation`),
    /// a byte of a non-ASCII character, anything else.
    private static let byteClasses: [UInt8] = (0..<256).map { b in
        if b >= 0x80 { return nonASCIIByte }
        if isPythonWhitespace(UInt32(b)) { return whitespaceByte }
        return isASCIIPunctuation(UInt8(b)) ? punctuationByte : wordByte
    }
    private static let wordByte: UInt8 = 0, whitespaceByte: UInt8 = 1, punctuationByte: UInt8 = 2, nonASCIIByte: UInt8 = 3

    private mutating func split(_ lexicon: VADERLexicon) {
        let t = UnsafeBufferPointer(start: text, count: textCount)
        let b = buffers
        count = lexicon.words.withUnsafeBufferPointer { words in
            Self.byteClasses.withUnsafeBufferPointer { classes in
                lexicon.shortTable.withLookup { shortTable in
                var sink = Sink(starts: b.starts, ends: b.ends, ids: b.ids, isUpper: b.isUpper, negates: b.negates, lowered: b.lowered,
                                words: words, table: lexicon.table, shortTable: shortTable)
                let n = t.count
                var i = 0
                while i < n {
                    let c = classes[Int(t[i])]
                    if c == Self.whitespaceByte { i += 1; continue }
                    if c == Self.nonASCIIByte, case let space = Self.whitespaceLength(t, i), space > 0 { i += space; continue }
                    let start = i
                    var ascii = true
                    while i < n {
                        let c = classes[Int(t[i])]
                        if c == Self.whitespaceByte { break }
                        if c == Self.nonASCIIByte {
                            if Self.whitespaceLength(t, i) > 0 { break }
                            ascii = false
                        }
                        i += 1
                    }
                    Self.addWord(t, start, i, ascii: ascii, classes, &sink)
                }
                return sink.count
                }
            }
        }
    }

    @inline(__always)
    private static func addWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, ascii: Bool,
                                _ classes: UnsafeBufferPointer<UInt8>, _ sink: inout Sink) {
        var a = start, b = end
        while a < b && classes[Int(text[a])] == punctuationByte { a += 1 }
        while b > a && classes[Int(text[b - 1])] == punctuationByte { b -= 1 }
        // Stripped to two characters or fewer: keep the word whole (":)", "ok!"). Nine bytes or
        // more are at least three characters.
        if b - a <= 8 {
            var characters = 0
            for k in a..<b where text[k] & 0xC0 != 0x80 { characters += 1 }
            if characters <= 2 { a = start; b = end }
        }
        let w = sink.count
        sink.count += 1
        sink.starts[w] = Int32(a)
        sink.ends[w] = Int32(b)
        var length = 0
        var sawUpper = false, sawLower = false
        let lowered = sink.lowered
        if ascii && b - a <= VADERShortKeyTable.maximumLength {
            // The common case: lower-case eight bytes at a time and look the word up by them.
            let n = b - a
            let raw = UnsafeRawPointer(text.baseAddress! + a)
            let m0: UInt64 = n >= 8 ? ~0 : (1 << UInt64(8 * n)) &- 1
            let m1: UInt64 = n >= 16 ? ~0 : n <= 8 ? 0 : (1 << UInt64(8 * (n - 8))) &- 1
            let w0 = raw.loadUnaligned(as: UInt64.self) & m0
            let w1 = n > 8 ? raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & m1 : 0
            let (k0, upper0, lower0) = Self.lowerCased(w0)
            let (k1, upper1, lower1) = Self.lowerCased(w1)
            sink.isUpper[w] = (upper0 | upper1) != 0 && (lower0 | lower1) == 0
            let id = sink.shortTable.id(k0, k1, length: n)
            sink.ids[w] = id
            var negates = id >= 0 && sink.words[Int(id)].isNegation
            if !negates && (Self.hasByte(k0, 0x27) || Self.hasByte(k1, 0x27)) {
                UnsafeMutableRawPointer(lowered).storeBytes(of: k0, as: UInt64.self)
                UnsafeMutableRawPointer(lowered).storeBytes(of: k1, toByteOffset: 8, as: UInt64.self)
                negates = Self.containsNT(UnsafeBufferPointer(start: lowered, count: n))
            }
            sink.negates[w] = negates
            return
        }
        if ascii {
            for k in a..<b {
                let c = text[k]
                if c &- 0x41 < 26 { sawUpper = true; lowered[length] = c | 0x20 } else {
                    if c &- 0x61 < 26 { sawLower = true }
                    lowered[length] = c
                }
                length += 1
            }
        } else {
            // Characters whose lower case is themselves (emoji, symbols, CJK…) are copied; a
            // word with any other takes the full path (Python's `lower()` = Swift's).
            var k = a
            while k < b {
                let c = text[k]
                if c < 0x80 {
                    if c &- 0x41 < 26 { sawUpper = true; lowered[length] = c | 0x20 } else {
                        if c &- 0x61 < 26 { sawLower = true }
                        lowered[length] = c
                    }
                    length += 1
                    k += 1
                    continue
                }
                let size = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                var value = UInt32(c) & (size == 4 ? 0x07 : size == 3 ? 0x0F : 0x1F)
                for j in 1..<size where k + j < b { value = value << 6 | UInt32(text[k + j] & 0x3F) }
                let properties = Unicode.Scalar(value).map(\.properties)
                guard let properties, !properties.changesWhenLowercased else {
                    return lookUpNonASCII(w, String(decoding: UnsafeBufferPointer(rebasing: text[a..<b]), as: UTF8.self), sink)
                }
                if properties.isLowercase || properties.generalCategory == .titlecaseLetter { sawLower = true }
                if properties.isUppercase { sawUpper = true }
                for j in 0..<size where k + j < b { lowered[length] = text[k + j]; length += 1 }
                k += size
            }
        }
        sink.isUpper[w] = sawUpper && !sawLower
        let key = UnsafeBufferPointer(start: lowered, count: length)
        let id = sink.table.value(for: key) ?? -1   // the general table: long or non-ASCII words
        sink.ids[w] = id
        sink.negates[w] = (id >= 0 && sink.words[Int(id)].isNegation) || Self.containsNT(key)
    }

    /// A word with non-ASCII characters that change in lower case: Python's `lower()` and
    /// `isupper()` by Unicode properties.
    private static func lookUpNonASCII(_ w: Int, _ word: String, _ sink: Sink) {
        let key = Array(word.lowercased().utf8)
        sink.isUpper[w] = Self.isUpper(word)
        let id = sink.table.value(for: key) ?? -1
        sink.ids[w] = id
        sink.negates[w] = (id >= 0 && sink.words[Int(id)].isNegation) || key.withUnsafeBufferPointer { Self.containsNT($0) }
    }

    /// ASCII lower case of eight bytes, with a mask (0x80 per byte) of the capitals and of
    /// the small letters they had.
    @inline(__always)
    static func lowerCased(_ w: UInt64) -> (lowered: UInt64, upper: UInt64, lower: UInt64) {
        let highs: UInt64 = 0x8080_8080_8080_8080
        // x + (0x80 − lo) reaches bit 7 iff x ≥ lo (no carry between bytes for x < 0x80).
        let upper = ((w &+ 0x3F3F_3F3F_3F3F_3F3F) ^ (w &+ 0x2525_2525_2525_2525)) & highs   // 'A'…'Z'
        let lower = ((w &+ 0x1F1F_1F1F_1F1F_1F1F) ^ (w &+ 0x0505_0505_0505_0505)) & highs   // 'a'…'z'
        return (w | (upper >> 2), upper, lower)
    }

    /// Whether some byte of `w` is `byte` (zero bytes count only for `byte` 0).
    @inline(__always)
    static func hasByte(_ w: UInt64, _ byte: UInt8) -> Bool {
        let x = w ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ((x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080) != 0
    }

    /// `"n't" in word`.
    @inline(__always)
    static func containsNT(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count >= 3 else { return false }
        for k in 0..<(key.count - 2) where key[k + 1] == 0x27 && key[k] == 0x6E && key[k + 2] == 0x74 { return true }
        return false
    }

    /// Counts "!" and "?" and tells whether every byte is ASCII, eight bytes at a time.
    @inline(__always)
    static func scan(_ input: UnsafeBufferPointer<UInt8>) -> (exclamations: Int, questions: Int, ascii: Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// Number of zero bytes in `x`: bit 7 of each byte is set when the byte is non-zero;
        /// the inverted bits, moved to bit 0 and summed by a multiply, count the zeros.
        @inline(__always) func zeros(_ x: UInt64) -> Int {
            let zeroBits = ~(((x & lows) &+ lows) | x) & highs
            return Int(truncatingIfNeeded: ((zeroBits >> 7) &* 0x0101_0101_0101_0101) >> 56)
        }
        var exclamations = 0, questions = 0
        var high: UInt64 = 0
        var i = 0
        let n = input.count
        if let base = input.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                high |= word
                exclamations += zeros(word ^ (ones &* 0x21))
                questions += zeros(word ^ (ones &* 0x3F))
                i += 8
            }
        }
        while i < n {
            let b = input[i]
            if b == 0x21 { exclamations += 1 } else if b == 0x3F { questions += 1 }
            high |= UInt64(b)
            i += 1
        }
        return (exclamations, questions, high & highs == 0)
    }

    /// Python's `str.isupper()`: at least one cased character and no lower-case or title-case one.
    static func isUpper(_ word: String) -> Bool {
        var cased = false
        for scalar in word.unicodeScalars {
            let p = scalar.properties
            if p.isLowercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isUppercase { cased = true }
        }
        return cased
    }

    /// `string.punctuation`: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
    @inline(__always)
    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    /// Whether Python's `str.isspace()` holds for code point `c`.
    static func isPythonWhitespace(_ c: UInt32) -> Bool {
        switch c {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The byte length of the whitespace character at `i` (Python's `str.split()`), or 0.
    @inline(__always)
    static func whitespaceLength(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = t[i]
        if b < 0x80 { return (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20) ? 1 : 0 }
        switch b {
        case 0xC2:
            return i + 1 < t.count && (t[i + 1] == 0x85 || t[i + 1] == 0xA0) ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard i + 2 < t.count else { return 0 }
            let c = UInt32(b & 0x0F) << 12 | UInt32(t[i + 1] & 0x3F) << 6 | UInt32(t[i + 2] & 0x3F)
            return isPythonWhitespace(c) ? 3 : 0
        default:
            return 0
        }
    }
}
