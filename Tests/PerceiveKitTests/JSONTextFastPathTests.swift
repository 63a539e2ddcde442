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
