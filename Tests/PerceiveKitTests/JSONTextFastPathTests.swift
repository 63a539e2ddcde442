import Testing
@testable import PerceiveKit

/// `JSONText.string` copies text with nothing to escape as it is (the fast path of issue 5)
/// and escapes everything else as before.
@Suite struct JSONTextFastPathTests {
    @Test func plainTextIsCopiedAsItIs() {
        #expect(JSONText.string("Très bien 😡, merci") == "\"Très bien 😡, merci\"")
        #expect(JSONText.string("") == "\"\"")
        #expect(!JSONText.needsEscaping("café \u{2027}\u{202A}"))
    }

    @Test func escapesQuotesBackslashesControlsAndLineSeparators() {
        #expect(JSONText.string("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"")
        #expect(JSONText.string("a\nb\tc\u{01}") == "\"a\\nb\\tc\\u0001\"")
        #expect(JSONText.string("x\u{2028}y\u{2029}") == "\"x\\u2028y\\u2029\"")
        #expect(JSONText.needsEscaping("ok\u{2028}"))
    }
}

/// `JSONText.number` writes numbers with integer arithmetic (issue 5); it must give the same text
/// as the obvious definition: round to `decimals` places, whole numbers without ".0", else the
/// rounded double's shortest description, never "-0".
@Suite struct JSONTextNumberTests {
    static func reference(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var rounded = (value * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return rounded.description
    }

    @Test func examples() {
        #expect(JSONText.number(0.5458) == "0.5458")
        #expect(JSONText.number(0.8) == "0.8")
        #expect(JSONText.number(-0.125) == "-0.125")
        #expect(JSONText.number(0.00004) == "0")
        #expect(JSONText.number(-0.00004) == "0")
        #expect(JSONText.number(-0.00005) == "-0.0001")
        #expect(JSONText.number(1.0) == "1")
        #expect(JSONText.number(-3) == "-3")
        #expect(JSONText.number(0.01, decimals: 4) == "0.01")
        #expect(JSONText.number(1234.56789, decimals: 2) == "1234.57")
        #expect(JSONText.number(2.5, decimals: 0) == "3")
        #expect(JSONText.number(.nan) == "null")
        #expect(JSONText.number(-.infinity) == "null")
        #expect(JSONText.number(nil) == "null")
        #expect(JSONText.number(1e20) == "1e+20")
        #expect(JSONText.number(0.0000012, decimals: 7) == "1.2e-06")
    }

    @Test func agreesWithTheReferenceOnSeededRandomValues() {
        var generator = SeededGenerator(seed: 2026)
        var mismatches: [String] = []
        for k in 0..<200_000 {
            let magnitude = [1.0, 10, 1e3, 1e6, 1e11, 1e14, 1e17][k % 7]
            var value = Double.random(in: -magnitude...magnitude, using: &generator)
            if k % 5 == 0 { value = (value * 1e4).rounded() / 1e4 + [0, 0.00005, -0.00005][k % 3] }  // ties
            let decimals = [4, 2, 1, 0, 3, 6, 8, 9][k % 8]
            let got = JSONText.number(value, decimals: decimals), want = Self.reference(value, decimals: decimals)
            if got != want { mismatches.append("\(value) @\(decimals): \(got) vs \(want)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func integers() {
        func text(_ v: Int) -> String {
            var out: [UInt8] = []
            JSONText.appendInteger(v, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect([0, 7, 10, -1, -10, 1234567, Int.max, Int.min].map(text) == [0, 7, 10, -1, -10, 1234567, Int.max, Int.min].map { String($0) })
    }
}

/// The byte-level string escaper against the scalar-by-scalar definition it replaced (issue 5),
/// on seeded random strings of quotes, backslashes, control characters, line separators,
/// non-ASCII and emoji.
@Suite struct JSONTextEscapingTests {
    static func reference(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func agreesWithTheScalarDefinitionOnSeededRandomStrings() {
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}",
                                          "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "é", "\u{301}", "😡", "\u{FEFF}", "中"]
        var generator = SeededGenerator(seed: 5)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let value = String(text)
            if JSONText.string(value) != Self.reference(value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3).map { Array($0.unicodeScalars) })")
    }

    @Test func agreesOnLongMostlyPlainStrings() {
        // Plain runs longer than the eight bytes the escaper skips at a time, with a byte to
        // escape at every offset within and across those blocks.
        let special: [Unicode.Scalar] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2027}", "’", "é", "😡", " ", "~", "\u{7F}"]
        var generator = SeededGenerator(seed: 11)
        var mismatches: [String] = []
        for _ in 0..<5_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...80, using: &generator) {
                let plain = Int.random(in: 0..<10, using: &generator) > 0
                text.append(plain ? Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator)) : special.randomElement(using: &generator)!)
            }
            let value = String(text)
            if JSONText.string(value) != Self.reference(value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3).map { Array($0.unicodeScalars) })")
    }
}

/// `CSVText.append(field:guardFormula:to:)` (bytes, issue 5) against RFC 4180 quoting written
/// out here: a leading `'` for formulas, then quotes around a cell holding `,` `"` CR LF or
/// starting with U+FEFF, every `"` byte doubled (also one a combining mark joins).
@Suite struct CSVTextBytesTests {
    static func reference(_ cell: String, guarding: Bool) -> String {
        var text = cell
        if guarding, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { [0x2C, 0x22, 0x0A, 0x0D].contains($0) }) || bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return text }
        return String(decoding: [0x22] + bytes.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22], as: UTF8.self)
    }

    @Test func agreesWithTheQuotingRulesOnSeededRandomCells() {
        let alphabet: [Unicode.Scalar] = ["a", " ", ",", "\"", "\n", "\r", "\t", "=", "+", "-", "@", "'", "\u{FEFF}", "é", "😡", "\u{301}"]
        var generator = SeededGenerator(seed: 9)
        var mismatches: [String] = []
        for k in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...8, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let cell = String(text), guarding = k % 2 == 0
            var out: [UInt8] = []
            CSVText.append(field: cell, guardFormula: guarding, to: &out)
            if Array(out) != Array(Self.reference(cell, guarding: guarding).utf8)
                || Array(CSVText.quote(CSVText.guardFormula(cell, enabled: guarding)).utf8) != out { mismatches.append(cell) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3).map { Array($0.unicodeScalars) })")
    }

    @Test func examples() {
        func cell(_ s: String, _ guarding: Bool = true) -> String {
            var out: [UInt8] = []
            CSVText.append(field: s, guardFormula: guarding, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(cell("=1+1") == "'=1+1")
        #expect(cell("=a, \"b\"") == "\"'=a, \"\"b\"\"\"")
        #expect(cell("=1", false) == "=1")
        #expect(cell("\u{FEFF}x") == "\"\u{FEFF}x\"")
        #expect(cell("plain") == "plain")
    }
}
