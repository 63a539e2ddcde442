import Foundation
import Testing
@testable import PerceiveKit

/// The lexicon loader trims fields with `trimmingWhitespace` instead of Foundation (issue 5);
/// it must trim exactly what `CharacterSet.whitespaces` trims.
@Suite struct WhitespaceTrimTests {
    @Test func trimsTabsAndSpaceSeparatorsOnlyLikeFoundation() {
        let cases = ["  good\t", "\u{00A0}great\u{3000}", "\t \t", "", "no-trim", " a b ", "\nline\n", " \u{301}x ", "\u{2003}é\u{2009}"]
        for text in cases {
            #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
        #expect("  good\t".trimmingWhitespace == "good")
        #expect(Substring(" x ").trimmingWhitespace == "x")
    }
}
