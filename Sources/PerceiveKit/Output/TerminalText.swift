/// Text bound for a terminal (table output, messages on stderr) with its control characters
/// made visible: a comment or a column name holding ESC sequences could otherwise set the
/// window title, move the cursor or clear the screen (issue 15). Data formats (CSV, JSON)
/// keep the text exact and never go through this.
///
/// ```swift
/// TerminalText.visible("a\u{1B}[2Jb")  // the 11 characters a\u{1B}[2Jb, backslash included
/// ```
public enum TerminalText {
    /// `text` with every C0 control character (U+0000…U+001F), DEL (U+007F) and C1 control
    /// character (U+0080…U+009F) written as `\u{XX}` (two hex digits), except tab and line
    /// feed when `keepingTabAndLineFeed` (a message's own line breaks).
    ///
    /// - Complexity: O(n); text without control characters is returned as it is, unchanged.
    public static func visible(_ text: String, keepingTabAndLineFeed: Bool = true) -> String {
        func isControl(_ v: UInt32) -> Bool {
            if keepingTabAndLineFeed && (v == 0x09 || v == 0x0A) { return false }
            return v < 0x20 || (0x7F...0x9F).contains(v)
        }
        guard text.unicodeScalars.contains(where: { isControl($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}").unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
