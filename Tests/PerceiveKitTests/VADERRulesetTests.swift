import Testing
@testable import PerceiveKit

/// The VADER ruleset on tiny inputs, with a small fixture lexicon written here (not VADER's),
/// shared by the tests of each rule (`VADERNegationRuleTests`, `VADERButRuleTests`, …).
/// The expected neg/neu/pos/compound were derived by running vaderSentiment 3.3.2's
/// `SentimentIntensityAnalyzer(lexicon_file=…, emoji_lexicon=…)` on this same fixture; the
/// valences in the comments are the rule arithmetic (B_INCR 0.293, C_INCR 0.733, N_SCALAR −0.74).
@Suite struct VADERRulesetTests {
    static let lexiconText = """
        good\t1.9\t0.9\t[2, 2]
        great\t3.1\t0.5\t[3, 3]
        bad\t-2.5\t0.6\t[-2, -3]
        ok\t0.9\t0.5\t[1, 1]
        love\t3.2\t0.4\t[3, 3]
        no\t-1.2\t0.7\t[-1, -1]
        kind\t2.4\t0.6\t[2, 3]
        doubt\t-1.5\t0.5\t[-1, -2]
        fun\t2.3\t0.5\t[2, 2]
        joy\t2.8\t0.5\t[3, 3]
        bomb\t-2.2\t0.5\t[-2, -2]
        :)\t2.0\t0.5\t[2, 2]
        ok\t1.2\t0.5\t[1, 1]
        nice\t2.0\t0.5\t[2, 2]
        fine\t1.0\t0.5\t[1, 1]

        """
    static let emojiText = "💘\tlove\n😀\tgrinning face\n"

    static func scorer() throws -> VADERScorer {
        let entries = try VADERLexiconFormat.parseLexicon(lexiconText, file: "fixture.txt")
        let emoji = try VADERLexiconFormat.parseEmoji(emojiText, file: "emoji.txt")
        return VADERScorer(lexicon: VADERLexicon(entries: entries, emoji: emoji))
    }

    /// A text with neg, neu, pos, compound as vaderSentiment 3.3.2 gives them.
    struct Case {
        var text: String
        var neg, neu, pos, compound: Double
        init(_ text: String, _ neg: Double, _ neu: Double, _ pos: Double, _ compound: Double) {
            (self.text, self.neg, self.neu, self.pos, self.compound) = (text, neg, neu, pos, compound)
        }
    }

    static func check(_ cases: [Case], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let scorer = try scorer()
        for c in cases {
            let p = scorer.polarity(c.text)
            let expected = VADERPolarity(neg: c.neg, neu: c.neu, pos: c.pos, compound: c.compound)
            let close = abs(p.neg - c.neg) < 1e-9 && abs(p.neu - c.neu) < 1e-9 && abs(p.pos - c.pos) < 1e-9 && abs(p.compound - c.compound) < 1e-9
            #expect(close, "\(c.text): got \(p), expected \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func tokenizationStripsPunctuationUnlessTwoCharactersOrFewerRemain() throws {
        let scorer = try Self.scorer()
        #expect(scorer.valences("(good) ok! :) x.y.z").map(\.word) == ["good", "ok!", ":)", "x.y.z"])
        try Self.check([
            Case("good", 0, 0, 1, 0.4404),        // 1.9 / √(1.9² + 15)
            Case("(good)", 0, 0, 1, 0.4404),
            Case(":)", 0, 0, 1, 0.4588),
            Case("ok!", 0, 1, 0, 0),              // "ok" is two characters: the word stays "ok!", no term
            Case("the the the", 0, 1, 0, 0),
            Case("", 0, 0, 0, 0),
        ])
    }

    @Test func duplicateLexiconLinesLetTheLastWin() throws {
        let scorer = try Self.scorer()
        #expect(scorer.lexicon.valence(of: "ok") == 1.2)
        #expect(scorer.lexicon.duplicates == [VADERLexicon.Duplicate(token: "ok", lines: [4, 13])])
        try Self.check([Case("ok", 0, 0, 1, 0.296)])
    }

    @Test func emojiAreReplacedByTheirDescriptions() throws {
        let scorer = try Self.scorer()
        #expect(scorer.valences("I 💘 it").map(\.word) == ["I", "love", "it"])
        #expect(scorer.valences("I💘it").map(\.word) == ["I", "loveit"])          // no space after a description
        try Self.check([
            Case("I 💘 it", 0, 0.323, 0.677, 0.6369),
            Case("I💘it", 0, 1, 0, 0),
            Case("good 😀", 0, 0.408, 0.592, 0.4404),
        ])
        let (result, _) = scorer.score("I 💘 it")
        #expect(result.evidence.count == 1)
        #expect(result.text(result.evidence[0].start, result.evidence[0].end) == "💘")   // offsets point at the emoji
    }

    @Test func resultInPerceiveShape() throws {
        let (result, polarity) = try Self.scorer().score("The kind of good book")
        #expect(result.scores.emotion == polarity.compound)
        #expect(result.scores.cx == polarity.compound)
        #expect(result.scores.effort == nil && result.scores.success == nil)
        #expect(result.evidence.map(\.contribution) == [1.9 - 0.293])   // "kind of" two words back
        #expect(result.tokenCount == 5)
    }

    @Test func roundingIsPythonsHalfToEvenOnTheExactValue() {
        #expect(VADERPolarity.round(0.0625, 3) == 0.062)     // exactly half: to even
        #expect(VADERPolarity.round(0.0635, 3) == 0.064)     // 0.0635 is just above half in binary
        #expect(VADERPolarity.round(0.12345, 4) == 0.1235)   // stored a bit above half in binary
        #expect(VADERPolarity.round(-0.44045, 4) == -0.4405)  // as Python rounds it
    }

    /// `round` skips the exact product error unless y's fraction is within a few ulps of one
    /// half, and takes ⌊y⌋ and the parity without library calls: it must agree with the
    /// definition that always computes them (floor, fused multiply-add, remainder) — on random
    /// values and on values a few ulps around each half.
    @Test func roundingAgreesWithTheAlwaysExactDefinition() {
        func reference(_ x: Double, _ decimals: Int) -> Double {
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let a = abs(x), y = a * scale
            guard y.isFinite, y < 0x1p52 else { return x }
            let e = (-y).addingProduct(a, scale)
            let f = y.rounded(.down)
            let t = (y - f - 0.5) + e
            var k = t > 0 ? f + 1 : f
            if t == 0 { k = f.truncatingRemainder(dividingBy: 2) == 0 ? f : f + 1 }
            return x < 0 ? -(k / scale) : k / scale
        }
        var state: UInt64 = 6   // SplitMix64, seeded: the same values on every run
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var mismatches: [(Double, Int)] = []
        for n in 0..<200_000 {
            let decimals = [3, 4, 0, 1, 6][n % 5]
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let x: Double
            if n % 2 == 0 {
                x = (Double(next() >> 11) / 0x1p53 * 2 - 1) * [1.0, 1e3, 1e-3][n % 3]
            } else {   // k.5 / 10ᵈ and its neighbours, a few ulps away
                var h = (Double(next() % 20_000) + 0.5) / scale
                for _ in 0..<Int(next() % 4) { h = n % 4 == 1 ? h.nextUp : h.nextDown }
                x = n % 3 == 0 ? -h : h
            }
            if VADERPolarity.round(x, decimals).bitPattern != reference(x, decimals).bitPattern { mismatches.append((x, decimals)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        for x in [0.0, -0.0, 1e300, -1e300, .infinity, -.infinity] {
            #expect(VADERPolarity.round(x, 3).bitPattern == reference(x, 3).bitPattern)
        }
        #expect(VADERPolarity.round(.nan, 3).isNaN)
    }

    /// Only the terms' valences are set per text: ``VADERScorer/valences(_:)`` reports 0 for
    /// every other word, whatever an earlier, longer text left in the buffers.
    @Test func valencesAreZeroForNonTermsAfterAnotherText() throws {
        let scorer = try Self.scorer()
        _ = scorer.valences("good good good good good good")
        let valences = scorer.valences("the cat sat on good mat")
        let expected: [Double] = [0, 0, 0, 0, 1.9, 0]
        #expect(valences.map(\.valence) == expected)
    }
}
