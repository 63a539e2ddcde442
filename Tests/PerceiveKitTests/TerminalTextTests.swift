import Testing
@testable import PerceiveKit

/// Issue 15, item 8: comments and column names with ESC sequences reached the terminal raw in
/// table output and in messages. Expected: every C0, DEL and C1 control character spelled out.
@Suite struct TerminalTextTests {
    @Test func escapeSequencesAreSpelledOut() {
        #expect(TerminalText.visible("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
        #expect(TerminalText.visible("\u{1B}]0;pwned\u{07}") == "\\u{1B}]0;pwned\\u{07}")
        #expect(TerminalText.visible("\u{0}x\u{7F}\u{9B}\u{85}") == "\\u{00}x\\u{7F}\\u{9B}\\u{85}")
        #expect(TerminalText.visible("a\rb") == "a\\u{0D}b")
    }

    @Test func tabAndLineFeedAreKeptUnlessAsked() {
        #expect(TerminalText.visible("a\tb\nc") == "a\tb\nc")
        #expect(TerminalText.visible("a\tb\nc", keepingTabAndLineFeed: false) == "a\\u{09}b\\u{0A}c")
    }

    @Test func otherTextIsUnchanged() {
        let text = "Ünïcödé 👍🏽 \u{FFFD} \u{A0}\u{2028} — fine"
        #expect(TerminalText.visible(text) == text)
        #expect(TerminalText.visible("") == "")
    }
}
