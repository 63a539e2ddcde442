import Foundation

/// The lines of a command's progress report on stderr: the bar (rows, rows/s and, given the
/// input's size, a bar, percent and ETA) redrawn in place, and the summary at the end.
/// ``ProgressReporter`` decides when to write them; the executable decides where.
public enum ProgressLine {
    /// Moves to the start of the line and clears it: the bar's prefix, and what erases it.
    public static let clear = "\r\u{1B}[K"
    /// The bar's width in characters.
    public static let barWidth = 24

    /// The bar after `rows` rows in `elapsed` seconds (at least 1 ms is assumed), having read
    /// `bytesRead` of `totalBytes` (bar, percent and ETA only when both are known and positive).
    ///
    /// ```
    /// ProgressLine.bar(rows: 2048, elapsed: 2, bytesRead: 250, totalBytes: 1000)
    /// // "\r\u{1B}[K2048 rows  1024 rows/s  [######..................] 25%  ETA 0:06"
    /// ```
    public static func bar(rows: Int, elapsed: Double, bytesRead: Int64, totalBytes: Int64?) -> String {
        let elapsed = max(elapsed, 1e-3)
        let rate = Double(rows) / elapsed
        var line = "\(clear)\(rows) rows  \(Int(rate)) rows/s"
        if let totalBytes, totalBytes > 0, bytesRead > 0 {
            let fraction = min(1, Double(bytesRead) / Double(totalBytes))
            let filled = Int(fraction * Double(barWidth))
            let remaining = elapsed * (1 - fraction) / max(fraction, 1e-9)
            line += "  [" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] "
            line += "\(Int(fraction * 100))%  ETA \(clock(remaining))"
        }
        return line
    }

    /// `m:ss`, or `h:mm:ss` from an hour, of `seconds` rounded.
    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    /// The summary line (with its newline): "perceive: NAME: R rows read, C comments scored,
    /// E rows with errors (note; note)".
    public static func summary(name: String, rowsRead: Int, commentsScored: Int, rowsWithErrors: Int, notes: [String] = []) -> String {
        var line = "perceive: \(name): \(rowsRead) rows read, \(commentsScored) comments scored, \(rowsWithErrors) rows with errors"
        if !notes.isEmpty { line += " (" + notes.joined(separator: "; ") + ")" }
        return line + "\n"
    }
}

extension TabularInput {
    /// What the reader skipped, for the summary line.
    public var notes: [String] {
        var notes: [String] = []
        if let exportKind {
            let tool = exportKind == .qualtrics ? "Qualtrics" : "SurveyMonkey"
            notes.append("\(tool) export: skipped \(skippedHeaderRows) extra header row\(skippedHeaderRows == 1 ? "" : "s")")
        }
        if blankLinesSkipped > 0 { notes.append("skipped \(blankLinesSkipped) blank line\(blankLinesSkipped == 1 ? "" : "s")") }
        if headerInvalidUTF8Sequences > 0 { notes.append("the header had invalid UTF-8 (replaced by U+FFFD)") }
        if let note = invalidUTF8.note { notes.append(note) }
        return notes
    }
}

extension PlainTextLineReader {
    /// What the reader replaced, for the summary line.
    public var notes: [String] { invalidUTF8.note.map { [$0] } ?? [] }
}

extension InvalidUTF8Count {
    /// For the summary line: "3 rows had invalid UTF-8, first at line 12: 4 sequences replaced
    /// by U+FFFD"; nil when there was none.
    public var note: String? {
        guard let firstLine else { return nil }
        let rows = self.rows == 1 ? "1 row had invalid UTF-8, at" : "\(self.rows) rows had invalid UTF-8, first at"
        let replaced = sequences == 1 ? "1 sequence" : "\(sequences) sequences"
        return "\(rows) line \(firstLine): \(replaced) replaced by U+FFFD"
    }
}
