extension StringProtocol {
    /// The text without leading and trailing tabs and spaces (U+0009 and Unicode category Zs:
    /// the set of Foundation's `CharacterSet.whitespaces`, without its cost: trimming with
    /// Foundation was 3% of a 100k-row `score` run, all of it loading the lexicon).
    var trimmingWhitespace: String {
        // Most fields start and end with a visible ASCII character: nothing to trim.
        if let first = unicodeScalars.first?.value, let last = unicodeScalars.last?.value,
           first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(self)
        }
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || (s.value >= 0x80 && s.properties.generalCategory == .spaceSeparator)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
