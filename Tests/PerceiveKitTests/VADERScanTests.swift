import CPerceiveScan
import Testing
@testable import PerceiveKit

/// CPerceiveScan, the byte scans under ``VADERText``: `pc_split` (SSE2 on x86_64) and
/// `pc_split_portable` (8-byte words, what other machines run) against a plain reference —
/// Python's `str.split()` one code point at a time by ``VADERText/isPythonWhitespace(_:)`` — on
/// seeded random texts full of whitespace, near-whitespace and marks, at every position around
/// the scans' 64-byte blocks.
@Suite struct VADERScanTests {
    /// Word byte ranges, "!" count and "?" count, as Python's `str.split()` and `count` see them.
    struct Split: Equatable, CustomStringConvertible {
        var bounds: [UInt32]
        var exclamations: UInt32
        var questions: UInt32
        var description: String { "\(bounds) !\(exclamations) ?\(questions)" }
    }

    static func reference(_ text: String) -> Split {
        var bounds: [UInt32] = []
        var offset: UInt32 = 0
        var inWord = false
        var exclamations: UInt32 = 0, questions: UInt32 = 0
        for scalar in text.unicodeScalars {
            if scalar == "!" { exclamations += 1 } else if scalar == "?" { questions += 1 }
            let space = VADERText.isPythonWhitespace(scalar.value)
            if space == inWord {   // a word starts, or whitespace ends one
                bounds.append(offset)
                inWord.toggle()
            }
            offset += UInt32(UTF8.width(scalar))
        }
        if inWord { bounds.append(offset) }
        return Split(bounds: bounds, exclamations: exclamations, questions: questions)
    }

    typealias Scan = (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt32>?) -> pc_split_counts

    /// Runs `scan` on `bytes` the way ``VADERText`` calls it: the text followed by `junk` up to
    /// the next multiple of 64 and a block more (ignored bytes the scan may read), and exactly
    /// the room for bounds the header asks for.
    static func run(_ scan: Scan, _ bytes: [UInt8], junk: UInt8) -> Split {
        let n = bytes.count
        var padded = bytes + [UInt8](repeating: junk, count: 64 - n % 64 + 64)
        if padded.count > n + 1 { padded[n + 1] = 0xA0 }   // with a 0xC2 junk byte: U+00A0 just past the end
        var bounds = [UInt32](repeating: 0xFFFF_FFFF, count: n + 5)
        let counts = padded.withUnsafeBufferPointer { text in
            bounds.withUnsafeMutableBufferPointer { scan(text.baseAddress, n, $0.baseAddress) }
        }
        return Split(bounds: Array(bounds[0..<Int(2 * counts.words)]), exclamations: counts.exclamations, questions: counts.questions)
    }

    static func expectBothMatch(_ text: String, seed: UInt64? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = reference(text)
        let bytes = Array(text.utf8)
        let context = seed.map { " (seed \($0))" } ?? ""
        for junk: UInt8 in [0x20, 0x61, 0xC2, 0x21] {
            #expect(run(pc_split, bytes, junk: junk) == expected, "pc_split \(text.debugDescription)\(context)", sourceLocation: sourceLocation)
            #expect(run(pc_split_portable, bytes, junk: junk) == expected, "pc_split_portable \(text.debugDescription)\(context)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Every code point Python's `str.isspace()` accepts, and neighbours it does not (U+180E
    /// stopped being whitespace in Unicode 6.3; Python 3.11 says no).
    static let whitespace: [Unicode.Scalar] = [
        "\u{09}", "\u{0A}", "\u{0B}", "\u{0C}", "\u{0D}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{1F}", " ", "\u{85}", "\u{A0}",
        "\u{1680}", "\u{2000}", "\u{2005}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]
    static let nearMisses: [Unicode.Scalar] = [
        "\u{00}", "\u{08}", "\u{0E}", "\u{1B}", "\u{21}", "\u{7F}", "\u{84}", "\u{86}", "\u{9F}", "\u{A1}", "\u{C2}", "\u{E2}",
        "\u{167F}", "\u{1681}", "\u{180E}", "\u{1FFF}", "\u{200B}", "\u{2027}", "\u{202A}", "\u{202E}", "\u{2030}", "\u{205E}",
        "\u{2060}", "\u{2FFF}", "\u{3001}", "\u{E080}", "\u{10000}", "\u{1F600}", "é", "日",
    ]

    @Test func randomTextsSplitAsPython() {
        let letters: [Unicode.Scalar] = ["a", "b", "Z", "!", "?", "'", "."]
        for seed in UInt64(1)...600 {
            var g = VADERTextTests.Generator(state: seed)
            var text = String.UnicodeScalarView()
            // Up to 300 code points: texts of several 64-byte blocks, words across their edges.
            for _ in 0..<Int(g.next() % 300) {
                switch g.next() % 8 {
                case 0, 1, 2: text.append(g.pick(letters))
                case 3: text.append(" ")
                case 4, 5: text.append(g.pick(Self.whitespace))
                default: text.append(g.pick(Self.nearMisses))
                }
            }
            Self.expectBothMatch(String(text), seed: seed)
        }
    }

    @Test func whitespaceAtEveryPositionAroundABlockEdge() {
        for space in Self.whitespace + ["\u{2030}", "\u{3001}", "\u{85}"] {
            for before in 58...66 {
                let text = String(repeating: "a", count: before) + String(space) + "b!?"
                Self.expectBothMatch(text)
                Self.expectBothMatch(String(repeating: " ", count: before) + String(space) + String(repeating: "x", count: 70))
            }
        }
        for text in ["", " ", "a", "!", "\u{3000}", String(repeating: "a", count: 64), String(repeating: "a", count: 128),
                     String(repeating: " ", count: 64) + "a", String(repeating: "!", count: 200) + "?",
                     String(repeating: "a b", count: 100)] {
            Self.expectBothMatch(text)
        }
    }

    /// Invalid UTF-8 never reaches the scan (``VADERScorer`` takes Swift strings), but the two
    /// versions must not differ on any bytes.
    @Test func bothVersionsAgreeOnRandomBytes() {
        for seed in UInt64(1)...400 {
            var g = VADERTextTests.Generator(state: seed)
            let bytes = (0..<Int(g.next() % 260)).map { _ -> UInt8 in
                let r = g.next()
                return r % 4 == 0 ? g.pick([0x20, 0x09, 0xC2, 0x85, 0xA0, 0xE1, 0xE2, 0xE3, 0x80, 0x9A, 0x21, 0x3F]) : UInt8(truncatingIfNeeded: r >> 8)
            }
            let sse2 = Self.run(pc_split, bytes, junk: 0xE2), portable = Self.run(pc_split_portable, bytes, junk: 0x20)
            #expect(sse2 == portable, "seed \(seed): \(bytes)")
        }
    }

    @Test func copyTellsASCII() {
        for (string, ascii) in [("", true), ("a!b?c!!", true), ("sixteen bytes!!!", true), ("seventeen bytes!!!", true),
                                ("é", false), ("x?????????é", false), (String(repeating: "a", count: 40) + "é", false),
                                ("é" + String(repeating: "a", count: 40), false), (String(repeating: "b", count: 33), true)] {
            let bytes = Array(string.utf8)
            var destination = [UInt8](repeating: 0, count: bytes.count)
            let result = bytes.withUnsafeBufferPointer { source in
                destination.withUnsafeMutableBufferPointer { pc_copy_ascii(source.baseAddress, source.count, $0.baseAddress) }
            }
            #expect((result != 0) == ascii, "\(string)")
            #expect(destination == bytes, "\(string)")
        }
    }
}
