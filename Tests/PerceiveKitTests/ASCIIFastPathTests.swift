import Foundation
import Testing
@testable import PerceiveKit

/// The ASCII fast paths (words and sentences) must give exactly ICU's tokens and sentences: compared on every comment of the
/// bundled corpora and on seeded random ASCII built from the characters that matter.
@Suite struct ASCIIFastPathTests {
    static func compare(_ text: String, _ tokenizer: Tokenizer) throws -> Bool {
        var fast = TokenizedText(), icu = TokenizedText()
        var copy = text
        var failure: Error?
        copy.withUTF8 { buffer in
            do {
                try tokenizer.tokenize(buffer, into: &fast)
                try tokenizer.tokenize(buffer, into: &icu, useICUForASCII: true)
            } catch { failure = error }
        }
        if let failure { throw failure }
        let same = fast.tokens == icu.tokens && fast.sentences == icu.sentences
        if !same {
            let bytes = Array(text.utf8)
            func show(_ t: TokenizedText) -> String {
                t.tokens.map { "\(String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self))/\($0.kind)" }.joined(separator: " | ")
            }
            Issue.record("""
                ASCII fast path differs from ICU on \(String(reflecting: text)):
                 fast: \(show(fast)) sentences \(fast.sentences.map { [$0.start, $0.end] })
                  icu: \(show(icu)) sentences \(icu.sentences.map { [$0.start, $0.end] })
                """)
        }
        return same
    }

    @Test func matchesICUOnTrickyCases() throws {
        let tokenizer = try Tokenizer()
        for text in ["don't", "a:b", "1.5", "1,000.50", "a.b.c", "U.S.A.", "e-mail", "it's", "'quoted'", "45mins", "2hrs",
                     "a_b", "_", "__", "_1", "1_", "a_", "x1y2", "3.", ".5", "a..b", "1..2", "1,a", "a,1", "a'1", "1'2", "1:2",
                     "a;b", "1;2", "\r\n", "\r", "\n\n", "a  b", "a\tb", "a\u{0B}b", ":-)", "<3", ":D", "wi-fi", "!!!", "?!",
                     "hello.World", "3:45pm", "$5.99", "100%", "@user", "#tag", "a'", "'a", "a''b", "1'a", "a.1", "1.a",
                     "Great. Thanks", "e.g. this", "U.S. Army", "Mr. Smith", "It's 1.5. Ok", "Why?! No.", "(Yes.) No", "\"Hi.\" he said",
                     "end.\r\nNext", "one\ntwo", "a.  b", "A. B", "wow!!! so good", "ok... fine", "3. Second", "it. - next", "no end"] {
            _ = try Self.compare(text, tokenizer)
        }
    }

    @Test func matchesICUOnEveryCorpusComment() throws {
        let tokenizer = try Tokenizer()
        var compared = 0
        for comment in try SampleCorpusEvidenceTests.comments() where comment.utf8.allSatisfy({ $0 < 0x80 }) {
            _ = try Self.compare(comment, tokenizer)
            compared += 1
        }
        #expect(compared > 800)
    }

    @Test func matchesICUOnRandomASCII() throws {
        let tokenizer = try Tokenizer()
        let alphabets = [Array("aZq09 .,;:'_\"-!?\t\r\n\u{0B}\u{0C}()$@#/".utf8), Array("abcXYZ  ..!?'\"()1\n,-".utf8)]
        var state: UInt64 = 0x5EED_0001
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var failures = 0
        for round in 0..<200_000 where failures < 5 {
            let alphabet = alphabets[round % 2]
            let length = Int(next() % 40)
            let bytes = (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            if try !Self.compare(String(decoding: bytes, as: UTF8.self), tokenizer) { failures += 1 }
        }
        #expect(failures == 0, "seed 0x5EED_0001")
    }
}
