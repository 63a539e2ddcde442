import Testing
@testable import PerceiveKit

/// VADERText, the byte-level tokenizer behind ``VADERScorer``: its fast paths (word bounds and
/// "!"/"?" counts from CPerceiveScan, see `VADERScanTests`; packed-key look-up with a bit
/// filter; byte-class tables) against a plain reference written here from vaderSentiment 3.3.2's definitions
/// (`str.split()`, `strip(string.punctuation)` unless two characters or fewer remain,
/// `lower()`, `isupper()`, `NEGATE` or "n't"), on seeded random texts and on edge cases.
@Suite struct VADERTextTests {
    static let lexiconText = """
        good\t1.9\t0.9\t[2, 2]
        bad\t-2.5\t0.6\t[-2, -3]
        extraordinarily\t2.0\t0.5\t[2, 2]
        uncharacteristically\t-1.0\t0.5\t[-1, -1]
        café\t1.1\t0.5\t[1, 1]
        straße\t0.5\t0.5\t[1, 1]
        :)\t2.0\t0.5\t[2, 2]
        ok\t0.9\t0.5\t[1, 1]

        """
    static let emojiText = "💘\tlove\n😀\tgrinning face\n🎉\tparty popper\n"

    static func lexicon() throws -> VADERLexicon {
        let entries = try VADERLexiconFormat.parseLexicon(lexiconText, file: "fixture.txt")
        let emoji = try VADERLexiconFormat.parseEmoji(emojiText, file: "emoji.txt")
        return VADERLexicon(entries: entries, emoji: emoji)
    }

    /// What vaderSentiment makes of one word: the word, its lexicon word id, ALL CAPS, negates.
    struct Token: Equatable, CustomStringConvertible {
        var word: String
        var id: Int32
        var isUpper: Bool
        var negates: Bool
        var description: String { "\(word)#\(id)\(isUpper ? "^" : "")\(negates ? "!" : "")" }
    }

    /// The reference: vaderSentiment's steps on Swift strings, one scalar at a time.
    static func reference(_ text: String, _ lexicon: VADERLexicon) -> (tokens: [Token], exclamations: Int, questions: Int) {
        var replaced = ""
        for scalar in text.unicodeScalars {
            if let description = lexicon.emoji.description(scalar.value) {
                replaced += " " + String(decoding: description, as: UTF8.self)
            } else {
                replaced.unicodeScalars.append(scalar)
            }
        }
        let exclamations = replaced.unicodeScalars.filter { $0 == "!" }.count
        let questions = replaced.unicodeScalars.filter { $0 == "?" }.count
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in replaced.unicodeScalars {
            if VADERText.isPythonWhitespace(scalar.value) {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        let tokens = words.map { word -> Token in
            var scalars = Array(word.unicodeScalars)
            let isPunctuation = { (s: Unicode.Scalar) in s.value < 0x80 && VADERText.isASCIIPunctuation(UInt8(s.value)) }
            while let first = scalars.first, isPunctuation(first) { scalars.removeFirst() }
            while let last = scalars.last, isPunctuation(last) { scalars.removeLast() }
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: scalars)
            let token = scalars.count <= 2 ? word : String(kept)
            let lowered = token.lowercased()
            let id = lexicon.table.value(for: Array(lowered.utf8)) ?? -1
            // Python's `"n't" in word` compares code points (Swift's `contains` would compare
            // characters: "don't\u{301}" ends in the character "t́").
            let bytes = Array(lowered.utf8)
            let hasNT = bytes.count >= 3 && (0...(bytes.count - 3)).contains { bytes[$0] == 0x6E && bytes[$0 + 1] == 0x27 && bytes[$0 + 2] == 0x74 }
            let negates = (id >= 0 && lexicon.words[Int(id)].isNegation) || hasNT
            return Token(word: token, id: id, isUpper: VADERText.isUpper(token), negates: negates)
        }
        return (tokens, exclamations, questions)
    }

    static func tokens(_ text: VADERText) -> [Token] {
        let words = text.words
        return (0..<text.count).map {
            Token(word: words[$0], id: text.ids[$0], isUpper: text.flags[$0] & VADERText.upperFlag != 0,
                  negates: text.flags[$0] & VADERText.negatesFlag != 0)
        }
    }

    static func analyze(_ string: String, _ text: VADERText) {
        var string = string
        string.withUTF8 { text.analyze($0) }
    }

    static func expectSame(_ string: String, _ text: VADERText, _ lexicon: VADERLexicon, seed: UInt64? = nil,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        analyze(string, text)
        let expected = reference(string, lexicon)
        let got = tokens(text)
        let context = seed.map { " (seed \($0))" } ?? ""
        #expect(got == expected.tokens, "\(string.debugDescription)\(context)", sourceLocation: sourceLocation)
        #expect(text.exclamations == expected.exclamations && text.questions == expected.questions,
                "marks in \(string.debugDescription)\(context)", sourceLocation: sourceLocation)
        #expect(text.capsCount == got.filter(\.isUpper).count, sourceLocation: sourceLocation)
    }

    /// SplitMix64, local to this suite.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    /// Pieces that exercise every path: lexicon words in any case, words of 7–9 and 15–17 bytes,
    /// punctuation at the ends and inside, "n't", "!" and "?", non-ASCII letters that change in
    /// lower case, emoji in and out of the emoji file, Unicode whitespace, control characters.
    static let pieces = [
        "good", "GOOD", "Good", "bad", "BAD!", "(good)", "'good'", "good...", "...", "!!", "??", "?!", "wow!good",
        "don't", "DON'T", "isn't", "cant", "never", "not", "nor", "x", "ok", "OK!", ":)", ":-(", ";)", "(:",
        "extraordinarily", "EXTRAORDINARILY", "uncharacteristically", "abcdefg", "abcdefgh", "abcdefghi",
        "abcdefghijklmnop", "abcdefghijklmnopq", "#good#", "good,", "-good-", "café", "CAFÉ", "Straße", "STRASSE",
        "💘", "😀", "🎉", "💘💘", "good💘", "❤️", "🤷‍♀️", "é", "É!", "ǅ", "\u{0301}", "ℂ", "Ⅻ", "ⓐ",
        "\u{00A0}", "\u{2003}", "\u{3000}", "\u{0085}", "\t", "\u{1F}", "\u{01}", "\u{0B}", " ", "  ", "but", "BUT",
    ]

    @Test func randomTextsSplitAsTheReference() throws {
        let lexicon = try Self.lexicon()
        let text = VADERText(lexicon)   // one instance for all: buffers reused and grown
        for seed in UInt64(1)...400 {
            var g = Generator(state: seed)
            var string = ""
            for _ in 0..<Int(g.next() % 40) {
                string += g.pick(Self.pieces)
                if g.next() % 3 != 0 { string += g.pick([" ", " ", " ", "  ", "\t", "\u{00A0}", ""]) }
            }
            Self.expectSame(string, text, lexicon, seed: seed)
        }
    }

    @Test func edgeCases() throws {
        let lexicon = try Self.lexicon()
        let text = VADERText(lexicon)
        for string in ["", " ", "   \t ", "good", " good ", "good\u{0}", "\u{0}good", "a", "!", "a!", "!a!", "!!!!!!!!!!!!!!!!!!!!",
                       "GOOD good", "I💘it", "💘", "abcdefgh abcdefgh", "abcdefghijklmnop!", "\u{1C}good\u{1F}",
                       "ok\u{2028}good\u{205F}bad"] {
            Self.expectSame(string, text, lexicon)
        }
    }

    @Test func longTextsAndManyEmojiGrowTheBuffers() throws {
        let lexicon = try Self.lexicon()
        let text = VADERText(lexicon)
        Self.expectSame(String(repeating: "good BAD don't extraordinarily!? ", count: 400), text, lexicon)
        // Each 4-byte emoji becomes 13 bytes: the text outgrows its first buffers mid-replacement.
        Self.expectSame(String(repeating: "😀🎉x", count: 300), text, lexicon)
        Self.expectSame("good", text, lexicon)   // and a short text after them
    }

    /// Every visible ASCII byte (0x21–0x7E: punctuation, digits, letters) before, after and
    /// around a word, and as runs that strip to two characters or fewer, in words of up to 16
    /// bytes and longer: the fast path's byte classes and the stripping path against
    /// `string.punctuation`.
    @Test func everyASCIIByteAtAWordsEnds() throws {
        let lexicon = try Self.lexicon()
        let text = VADERText(lexicon)
        for b in UInt8(0x21)...0x7E {
            let c = String(UnicodeScalar(b))
            for string in ["\(c)good", "good\(c)", "\(c)\(c)GOOD\(c)", "\(c)ok\(c)", "\(c)\(c)x", "x\(c)\(c)\(c)", "\(c)\(c)\(c)",
                           "\(c)abcdefghijklmnop", "abcdefghijklmnop\(c)\(c)", "\(c)extraordinarily\(c)", "\(c)don't\(c)",
                           String(repeating: c, count: 16) + "bad", "bad" + String(repeating: c, count: 14)] {
                Self.expectSame(string, text, lexicon)
            }
        }
    }

    @Test func byteClassesMatchPythonsDefinitions() {
        for b in 0..<256 {
            let byte = UInt8(b)
            #expect(VADERText.isASCIIPunctuationFast(byte) == VADERText.isASCIIPunctuation(byte), "byte \(b)")
        }
    }

    @Test func shortKeyTableFindsEveryKeyByItsLength() {
        let keys: [[UInt8]] = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "a\u{0}"].map { Array($0.utf8) }
        let table = VADERShortKeyTable(keys: keys.enumerated().map { ($0.element, Int32($0.offset), $0.offset == 1 ? .negation : []) })
        let lookup = table.lookup
        for (i, key) in keys.enumerated() {
            let (k0, k1) = VADERShortKeyTable.pack(key)
            let slot = lookup.slot(k0, k1, length: key.count)
            #expect(slot?.pointee.id == Int32(i), "\(key)")
            #expect(slot?.pointee.flags.contains(.negation) == (i == 1))
        }
        for missing in ["b", "abcdefgj", "abcdefghj", "abcdefghijklmnoq", "abc"] {
            let (k0, k1) = VADERShortKeyTable.pack(Array(missing.utf8))
            #expect(lookup.slot(k0, k1, length: missing.utf8.count) == nil, "\(missing)")
        }
    }

    @Test func emojiTableKeepsTheLastDescription() {
        let table = VADEREmojiTable([(0x1F498, Array("love".utf8)), (0x1F600, Array("grin".utf8)), (0x1F498, Array("heart".utf8))])
        #expect(table.count == 2)
        #expect(table.description(0x1F498).map { Array($0) } == Array("heart".utf8))
        #expect(table.description(0x1F600).map { Array($0) } == Array("grin".utf8))
        #expect(table.description(0x1F601) == nil)
        #expect(VADEREmojiTable([]).isEmpty)
    }
}
