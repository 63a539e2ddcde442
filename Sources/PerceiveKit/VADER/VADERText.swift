import CPerceiveScan

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
/// One `VADERText` is reused from comment to comment (its buffers keep their capacity): a text
/// with nothing unusual in it allocates nothing.
///
/// Where words start and end is found 64 bytes at a time (``pc_split``, SSE2 on x86_64: a
/// bit per byte for whitespace, then a bit scan per word), together with the "!" and "?"
/// counts; an ASCII word of up to 16 bytes is lower-cased, checked for capitals and looked up
/// as two 8-byte words (``VADERShortKeyTable``); the usual word (up to 16 bytes, no punctuation
/// at either end) is handled straight from its two loads. Words with non-ASCII
/// characters, and words of more than 16 bytes, take a slower exact path (Python's `lower()`
/// and `isupper()` by Unicode properties). The lexicon terms met are listed (``termCount``):
/// only they can have a valence.
///
/// - Complexity: O(n) in the text's bytes.
final class VADERText {
    /// Fixed-size buffers, replaced by bigger ones when a text needs more. Their addresses are
    /// `let`s of a class, so reading them costs no exclusivity check.
    final class Buffers {
        let textCapacity: Int
        let wordCapacity: Int
        let text: UnsafeMutablePointer<UInt8>
        let lowered: UnsafeMutablePointer<UInt8>
        /// Per word: its byte range in the text (start in the low 32 bits, end in the high):
        /// written whole by ``pc_split`` as two `UInt32`s, then narrowed where punctuation is
        /// stripped.
        let spans: UnsafeMutablePointer<UInt64>
        let ids, terms: UnsafeMutablePointer<Int32>
        /// Per word: ``VADERText/upperFlag``, ``VADERText/negatesFlag``.
        let flags: UnsafeMutablePointer<UInt8>
        let sentiments: UnsafeMutablePointer<Double>

        init(textCapacity: Int, wordCapacity: Int) {
            self.textCapacity = textCapacity
            self.wordCapacity = wordCapacity
            // 64 bytes more: ``pc_split`` reads the text in blocks of 64 bytes, and a word's
            // bytes are read as two 8-byte loads (the excess ignored, and masked off). Set once,
            // so that no read meets uninitialized memory.
            text = .allocate(capacity: textCapacity + 64)
            text.initialize(repeating: 0x20, count: textCapacity + 64)
            lowered = .allocate(capacity: textCapacity + 32)
            spans = .allocate(capacity: wordCapacity)
            ids = .allocate(capacity: wordCapacity)
            terms = .allocate(capacity: wordCapacity)
            flags = .allocate(capacity: wordCapacity)
            sentiments = .allocate(capacity: wordCapacity)
        }

        deinit {
            text.deallocate(); lowered.deallocate(); spans.deallocate()
            ids.deallocate(); terms.deallocate(); flags.deallocate(); sentiments.deallocate()
        }
    }

    // The mutable state below is only changed by this class's own methods, never across an
    // overlapping access: its run-time exclusivity checks (a thread-local look-up each) are off.
    @exclusivity(unchecked) private(set) var buffers = Buffers(textCapacity: 256, wordCapacity: 131)
    /// The text after emoji replacement is `buffers.text[0 ..< textCount]`.
    @exclusivity(unchecked) private(set) var textCount = 0
    /// Number of words. Per word, in ``buffers``: byte range in the text (``start(_:)``,
    /// ``end(_:)``), word id in the lexicon's table (``VADERLexicon/words``, -1 when absent),
    /// ALL CAPS and negates (``flags``); and its valence, which ``VADERScorer`` fills.
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private(set) var exclamations = 0
    @exclusivity(unchecked) private(set) var questions = 0
    /// The words that can have a valence (lexicon terms that are no boosters), in order:
    /// `buffers.terms[0 ..< termCount]`. Every other word's valence is 0.
    @exclusivity(unchecked) private(set) var termCount = 0
    /// Number of ALL-CAPS words, and the index of the first word "but" (-1: none).
    @exclusivity(unchecked) private(set) var capsCount = 0
    @exclusivity(unchecked) private(set) var firstBut = -1
    /// Emoji replaced: range of the description in the text → range of the emoji in the comment.
    @exclusivity(unchecked) private(set) var replacements: [(textStart: Int32, textEnd: Int32, start: Int32, end: Int32)] = []
    /// Case properties of non-ASCII code points met (``caseFlags(_:_:)``), 512 slots by the low bits.
    private let caseCache: UnsafeMutablePointer<UInt64>
    /// Per byte value: ``punctuationClass`` (`string.punctuation`) or 0.
    private let classes: UnsafeMutablePointer<UInt8>
    private static let punctuationClass: UInt8 = 2
    /// Per key length 0…16: the masks that keep a key's bytes of its two 8-byte loads.
    private let keyMasks: UnsafeMutablePointer<(UInt64, UInt64)>
    /// The lexicon (for the general table and the emoji), and its tables as plain pointers,
    /// read once: valid while the lexicon lives (this instance holds it), and reading them per
    /// text costs no reference counting.
    private let lexicon: VADERLexicon
    private let lexiconWords: UnsafeBufferPointer<VADERLexicon.Word>
    private let shortTable: VADERShortKeyTable.Lookup
    private let but: Int32

    init(_ lexicon: VADERLexicon) {
        caseCache = .allocate(capacity: Self.caseCacheSize)
        caseCache.initialize(repeating: 0, count: Self.caseCacheSize)
        let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for c in 0..<256 {
            let b = UInt8(c)
            classes[c] = Self.isASCIIPunctuation(b) ? Self.punctuationClass : 0
        }
        self.classes = classes
        keyMasks = .allocate(capacity: VADERShortKeyTable.maximumLength + 1)
        for length in 0...VADERShortKeyTable.maximumLength {
            let low = length >= 8 ? UInt64.max : (1 << UInt64(8 * length)) - 1
            let high = length >= 16 ? UInt64.max : length <= 8 ? 0 : (1 << UInt64(8 * (length - 8))) - 1
            (keyMasks + length).initialize(to: (low, high))
        }
        self.lexicon = lexicon
        lexiconWords = lexicon.words
        shortTable = lexicon.shortTable.lookup
        but = lexicon.ids.but
    }

    deinit {
        caseCache.deallocate()
        classes.deallocate()
        keyMasks.deallocate()
    }

    var text: UnsafeMutablePointer<UInt8> { buffers.text }
    /// Word `i`'s byte range in the text.
    func start(_ i: Int) -> Int32 { Int32(truncatingIfNeeded: buffers.spans[i]) }
    func end(_ i: Int) -> Int32 { Int32(truncatingIfNeeded: buffers.spans[i] >> 32) }
    var ids: UnsafeMutablePointer<Int32> { buffers.ids }
    var flags: UnsafeMutablePointer<UInt8> { buffers.flags }
    /// Bits of ``Buffers/flags``: the word is ALL CAPS (`isupper()`); it negates (in `NEGATE`
    /// or containing "n't").
    static let upperFlag: UInt8 = 1, negatesFlag: UInt8 = 2
    var sentiments: UnsafeMutablePointer<Double> { buffers.sentiments }

    /// The words, as vaderSentiment's `words_and_emoticons` holds them (for tests and traces).
    var words: [String] {
        (0..<count).map { String(decoding: UnsafeBufferPointer(start: text + Int(start($0)), count: Int(end($0) - start($0))), as: UTF8.self) }
    }

    /// The word's byte range in the original comment (an emoji's description maps to the emoji).
    func commentRange(_ i: Int) -> (start: Int32, end: Int32) {
        var shift: Int32 = 0
        for r in replacements {
            if start(i) >= r.textEnd { shift += (r.end - r.start) - (r.textEnd - r.textStart); continue }
            if end(i) > r.textStart { return (r.start, r.end) }
            break
        }
        return (start(i) + shift, end(i) + shift)
    }

    func analyze(_ input: UnsafeBufferPointer<UInt8>) {
        if !replacements.isEmpty { replacements.removeAll(keepingCapacity: true) }
        reserve(input.count)
        let ascii = pc_copy_ascii(input.baseAddress, input.count, buffers.text) != 0
        textCount = input.count
        if !ascii && !lexicon.emoji.isEmpty { replaceEmoji(input, lexicon.emoji) }
        split()
    }

    /// Makes room for `bytes` bytes of text (and so for `bytes / 2 + 1` words), keeping the
    /// first `keeping` bytes of the text.
    private func reserve(_ bytes: Int, keeping: Int = 0) {
        guard bytes > buffers.textCapacity else { return }
        let capacity = max(bytes, buffers.textCapacity * 2)
        let old = buffers
        // 2 words more than the text can hold: ``pc_split`` may write 3 bounds past the last.
        buffers = Buffers(textCapacity: capacity, wordCapacity: capacity / 2 + 3)
        if keeping > 0 { buffers.text.update(from: old.text, count: keeping) }
    }

    private func replaceEmoji(_ input: UnsafeBufferPointer<UInt8>, _ emoji: VADEREmojiTable) {
        // Worked on as a local (moved out and back): no exclusivity check per append.
        var replacements = self.replacements
        self.replacements = []
        defer { self.replacements = replacements }
        guard let base = input.baseAddress else { return }
        let n = input.count
        reserve(n)
        var text = buffers.text, capacity = buffers.textCapacity
        // Invariant: out + (n − i) ≤ capacity, so copying the input's bytes needs no check;
        // only a description (longer than its emoji) may need more room.
        var out = 0
        var i = 0
        while i < n {
            // ASCII eight bytes at a time (the text has room past its capacity for the store).
            if i &+ 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 {
                    UnsafeMutableRawPointer(text + out).storeBytes(of: w, as: UInt64.self)
                    out &+= 8
                    i &+= 8
                    continue
                }
            }
            let b = base[i]
            if b < 0x80 {
                text[out] = b
                out &+= 1
                i &+= 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            var scalar = UInt32(b) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            if length > 1 && i + length <= n {
                for k in 1..<length { scalar = scalar << 6 | UInt32(base[i + k] & 0x3F) }
            }
            if length > 1, let description = emoji.description(scalar) {
                // vaderSentiment puts a space before the description unless one precedes it,
                // and none after it; an extra space changes no word, so always put one.
                let needed = out + 1 + description.count + (n - i - length)
                if needed > capacity {
                    reserve(needed, keeping: out)
                    text = buffers.text
                    capacity = buffers.textCapacity
                }
                let start = Int32(out)
                text[out] = 0x20
                out += 1
                for d in description {
                    text[out] = d
                    out += 1
                }
                replacements.append((start, Int32(out), Int32(i), Int32(i + length)))
            } else {
                for k in i..<min(n, i + length) {
                    text[out] = base[k]
                    out += 1
                }
            }
            i += length
        }
        textCount = out
    }

    /// Where the split writes and what it reads: plain pointers, read once per text (a class
    /// property read per word would pay an exclusivity check each time).
    private struct Sink {
        let spans: UnsafeMutablePointer<UInt64>
        let ids: UnsafeMutablePointer<Int32>
        let flags: UnsafeMutablePointer<UInt8>
        let lowered: UnsafeMutablePointer<UInt8>
        let words: UnsafeBufferPointer<VADERLexicon.Word>
        let caseCache: UnsafeMutablePointer<UInt64>
    }

    private func split() {
        unowned(unsafe) let b = buffers   // not replaced while splitting: no retain needed
        let sink = Sink(spans: b.spans, ids: b.ids, flags: b.flags, lowered: b.lowered,
                        words: lexiconWords, caseCache: caseCache)
        let table = shortTable
        let t = b.text
        let terms = b.terms
        let spans = b.spans
        let but = self.but
        let classes = self.classes
        let keyMasks = self.keyMasks
        // Where each word starts and ends (Python's `str.split()`), and the "!" and "?": one
        // pass over the text, 64 bytes at a time.
        let found = UnsafeMutableRawPointer(spans).withMemoryRebound(to: UInt32.self, capacity: 2 * b.wordCapacity) {
            pc_split(t, textCount, $0)
        }
        let count = Int(found.words)
        exclamations = Int(found.exclamations)
        questions = Int(found.questions)
        var caps = 0, firstBut = -1, termCount = 0
        var w = 0
        while w < count {
            defer { w &+= 1 }
            let span = spans[w]
            let start = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: span)), end = Int(truncatingIfNeeded: span &>> 32)
            let length = end &- start
            let raw = UnsafeRawPointer(t + start)
            var ascii: Bool
            // The usual word: ASCII, at most 16 bytes, no punctuation at either end. Its bytes
            // (the excess masked off; the text's padding makes the loads safe) are the key, and
            // its span is already right.
            if length <= VADERShortKeyTable.maximumLength {
                let masks = keyMasks[length]
                let key0 = raw.loadUnaligned(as: UInt64.self) & masks.0
                let key1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & masks.1
                ascii = (key0 | key1) & 0x8080_8080_8080_8080 == 0
                if ascii && (classes[Int(truncatingIfNeeded: key0 & 0xFF)] | classes[Int(t[end &- 1])]) & Self.punctuationClass == 0 {
                    Self.addShortWord(key0, key1, length: length, w, sink, table, but: but, caps: &caps, firstBut: &firstBut,
                                      terms: terms, termCount: &termCount)
                    continue
                }
            } else {
                ascii = Self.isASCII(t, start, end)
            }
            // ASCII punctuation stripped from both ends, unless two characters or fewer remain
            // (then the word is kept whole: ":)", "ok!").
            var a = start, e = end
            while a < e && classes[Int(t[a])] & Self.punctuationClass != 0 { a &+= 1 }
            while e > a && classes[Int(t[e &- 1])] & Self.punctuationClass != 0 { e &-= 1 }
            if e &- a <= 2 {   // ASCII: bytes are characters (a non-ASCII word is counted again below)
                a = start
                e = end
            }
            let k = e &- a
            guard ascii && k <= VADERShortKeyTable.maximumLength else {
                addGeneralWord(t, start, end, w, sink)
                if sink.flags[w] & Self.upperFlag != 0 { caps &+= 1 }
                let id = sink.ids[w]
                if firstBut < 0 && id == but { firstBut = w }
                if id >= 0 && sink.words[Int(id)].isTerm {
                    terms[termCount] = Int32(truncatingIfNeeded: w)
                    termCount &+= 1
                }
                continue
            }
            sink.spans[w] = Self.span(a, e)
            // Lower-case eight bytes at a time and look the word up by them (the bytes past the
            // word are masked off; the text's padding makes the loads safe).
            let stripped = UnsafeRawPointer(t + a)
            let w0 = stripped.loadUnaligned(as: UInt64.self) & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* min(k, 8)))
            let w1 = k <= 8 ? 0 : stripped.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & (UInt64.max &>> UInt64(truncatingIfNeeded: 128 &- 8 &* k))
            Self.addShortWord(w0, w1, length: k, w, sink, table, but: but, caps: &caps, firstBut: &firstBut,
                              terms: terms, termCount: &termCount)
        }
        self.count = count
        self.capsCount = caps
        self.firstBut = firstBut
        self.termCount = termCount
    }

    /// Whether the bytes `t[start ..< end]` are all ASCII.
    private static func isASCII(_ t: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var high: UInt64 = 0
        var i = start
        while i &+ 8 <= end {
            high |= UnsafeRawPointer(t + i).loadUnaligned(as: UInt64.self)
            i &+= 8
        }
        while i < end {
            high |= UInt64(t[i])
            i &+= 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Adds word `w`, ASCII and at most 16 bytes, given as two 8-byte keys with zeros past its
    /// end: lower-cases it, looks it up, writes its id and flags (ALL CAPS, negation, "n't"),
    /// and counts it (capitals, the first "but", the terms). Shared by the usual-word fast path
    /// and the path that strips punctuation.
    @inline(__always)
    private static func addShortWord(_ key0: UInt64, _ key1: UInt64, length: Int, _ w: Int, _ sink: Sink,
                                     _ table: VADERShortKeyTable.Lookup, but: Int32, caps: inout Int, firstBut: inout Int,
                                     terms: UnsafeMutablePointer<Int32>, termCount: inout Int) {
        let k0: UInt64, k1: UInt64, isUpper: Bool
        let (l0, upper0, lower0) = lowerCased(key0)
        if length <= 8 {
            k0 = l0
            k1 = 0
            isUpper = upper0 != 0 && lower0 == 0
        } else {
            let (l1, upper1, lower1) = lowerCased(key1)
            k0 = l0
            k1 = l1
            isUpper = (upper0 | upper1) != 0 && (lower0 | lower1) == 0
        }
        if isUpper { caps &+= 1 }
        var negates = false
        if let slot = table.slot(k0, k1, length: length) {
            let id = slot.pointee.id
            sink.ids[w] = id
            if firstBut < 0 && id == but { firstBut = w }
            let flags = slot.pointee.flags
            negates = flags.contains(.negation)
            if flags.contains(.term) {
                terms[termCount] = Int32(truncatingIfNeeded: w)
                termCount &+= 1
            }
        } else {
            sink.ids[w] = -1
        }
        // "n't" in the word: only a word with an apostrophe can have it.
        if !negates && (hasByte(k0, 0x27) || (length > 8 && hasByte(k1, 0x27))) {
            UnsafeMutableRawPointer(sink.lowered).storeBytes(of: k0, as: UInt64.self)
            UnsafeMutableRawPointer(sink.lowered).storeBytes(of: k1, toByteOffset: 8, as: UInt64.self)
            negates = containsNT(UnsafeBufferPointer(start: sink.lowered, count: length))
        }
        sink.flags[w] = (isUpper ? upperFlag : 0) | (negates ? negatesFlag : 0)
    }

    /// Adds the word `text[start ..< end]` as word `w` when it has non-ASCII characters or
    /// more than 16 bytes: exact, and slower.
    @inline(never)
    private func addGeneralWord(_ text: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, _ w: Int, _ sink: Sink) {
        var a = start, b = end
        while a < b && Self.isASCIIPunctuationFast(text[a]) { a += 1 }
        while b > a && Self.isASCIIPunctuationFast(text[b - 1]) { b -= 1 }
        // Stripped to two characters or fewer: keep the word whole (":)", "ok!"). Nine bytes or
        // more are at least three characters.
        if b - a <= 8 {
            var characters = 0
            for k in a..<b where text[k] & 0xC0 != 0x80 { characters += 1 }
            if characters <= 2 { a = start; b = end }
        }
        sink.spans[w] = Self.span(a, b)
        var length = 0
        var sawUpper = false, sawLower = false
        let lowered = sink.lowered
        // Characters whose lower case is themselves (emoji, symbols, CJK…) are copied; a word
        // with any other takes the full path (Python's `lower()` = Swift's).
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
            let flags = Self.caseFlags(value, sink.caseCache)
            guard flags & Self.changesWhenLowercased == 0 else {
                return lookUpNonASCII(w, String(decoding: UnsafeBufferPointer(start: text + a, count: b - a), as: UTF8.self), sink)
            }
            if flags & Self.lowerOrTitle != 0 { sawLower = true }
            if flags & Self.upper != 0 { sawUpper = true }
            for j in 0..<size where k + j < b { lowered[length] = text[k + j]; length += 1 }
            k += size
        }
        let key = UnsafeBufferPointer(start: lowered, count: length)
        let id = lexicon.table.value(for: key) ?? -1   // the general table: long or non-ASCII words
        sink.ids[w] = id
        let negates = (id >= 0 && sink.words[Int(id)].isNegation) || Self.containsNT(key)
        sink.flags[w] = (sawUpper && !sawLower ? Self.upperFlag : 0) | (negates ? Self.negatesFlag : 0)
    }

    /// A word with non-ASCII characters that change in lower case: Python's `lower()` and
    /// `isupper()` by Unicode properties.
    private func lookUpNonASCII(_ w: Int, _ word: String, _ sink: Sink) {
        let key = Array(word.lowercased().utf8)
        let id = lexicon.table.value(for: key) ?? -1
        sink.ids[w] = id
        let negates = (id >= 0 && sink.words[Int(id)].isNegation) || key.withUnsafeBufferPointer { Self.containsNT($0) }
        sink.flags[w] = (Self.isUpper(word) ? Self.upperFlag : 0) | (negates ? Self.negatesFlag : 0)
    }

    private static let caseCacheSize = 512
    private static let changesWhenLowercased: UInt8 = 1, lowerOrTitle: UInt8 = 2, upper: UInt8 = 4, cached: UInt64 = 0x80

    /// The case properties of code point `value` that Python's `lower()` and `isupper()` read
    /// (an invalid value counts as changing in lower case: the full path handles it), from a
    /// small cache of the code points met: the property look-ups cost more than the word.
    @inline(__always)
    private static func caseFlags(_ value: UInt32, _ cache: UnsafeMutablePointer<UInt64>) -> UInt8 {
        let slot = cache + Int(value & UInt32(caseCacheSize - 1))
        let entry = slot.pointee
        if entry & cached != 0 && entry >> 8 == UInt64(value) { return UInt8(truncatingIfNeeded: entry & 0x7F) }
        var flags = changesWhenLowercased
        if let properties = Unicode.Scalar(value)?.properties {
            flags = properties.changesWhenLowercased ? changesWhenLowercased : 0
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { flags |= lowerOrTitle }
            if properties.isUppercase { flags |= upper }
        }
        slot.pointee = UInt64(value) << 8 | cached | UInt64(flags)
        return flags
    }

    /// A word's byte range packed for ``Buffers/spans``.
    @inline(__always)
    static func span(_ start: Int, _ end: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: UInt32(truncatingIfNeeded: start)) | UInt64(truncatingIfNeeded: UInt32(truncatingIfNeeded: end)) << 32
    }

    /// ``isASCIIPunctuation(_:)`` by two 64-bit masks.
    @inline(__always)
    static func isASCIIPunctuationFast(_ c: UInt8) -> Bool {
        let mask: UInt64 = c < 64 ? 0xFC00_FFFE_0000_0000 : 0x7800_0001_F800_0001
        return c < 128 && mask >> UInt64(c & 63) & 1 != 0
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
}
