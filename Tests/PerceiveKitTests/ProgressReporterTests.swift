import Testing
@testable import PerceiveKit

/// When the progress bar and the summary line are written, and what they count.
@Suite struct ProgressReporterTests {
    final class Written { var parts: [String] = [] }

    static func reporter(quiet: Bool = false, showsBar: Bool, totalBytes: Int64? = nil) -> (ProgressReporter, Written) {
        let written = Written()
        return (ProgressReporter(quiet: quiet, showsBar: showsBar, totalBytes: totalBytes) { written.parts.append($0) }, written)
    }

    @Test func withoutABarOnlyTheSummaryIsWritten() {
        let (progress, written) = Self.reporter(showsBar: false)
        for i in 0..<3000 { progress.row(error: i == 5, bytesRead: Int64(i)) }
        progress.scored(2998)
        progress.finish(name: "a.csv", notes: ["skipped 1 blank line"])
        #expect((progress.rowsRead, progress.rowsWithErrors, progress.commentsScored) == (3000, 1, 2998))
        #expect(written.parts == ["perceive: a.csv: 3000 rows read, 2998 comments scored, 1 rows with errors (skipped 1 blank line)\n"])
    }

    @Test func theBarIsFirstDrawnAfterRowsPerCheckRowsAndClearedAtTheEnd() {
        let (progress, written) = Self.reporter(showsBar: true, totalBytes: 100)
        for _ in 0..<(ProgressReporter.rowsPerCheck - 1) { progress.row(error: false, bytesRead: 10) }
        #expect(written.parts.isEmpty)
        progress.row(error: false, bytesRead: 10)
        #expect(written.parts.count == 1)
        #expect(written.parts[0].hasPrefix(ProgressLine.clear + "1024 rows  "))
        #expect(written.parts[0].contains("] 10%  ETA "))
        progress.finish(name: "a.csv")
        #expect(written.parts.count == 3)
        #expect(written.parts[1] == ProgressLine.clear)
        #expect(written.parts[2] == "perceive: a.csv: 1024 rows read, 0 comments scored, 0 rows with errors\n")
    }

    @Test func quietWritesNothing() {
        let (progress, written) = Self.reporter(quiet: true, showsBar: true)
        for _ in 0..<2048 { progress.row(error: false, bytesRead: 0) }
        progress.finish(name: "a.csv")
        #expect(written.parts.isEmpty)
        #expect(progress.rowsRead == 2048)
    }

    @Test func controlCharactersOfTheNameAreMadeVisible() {
        let (progress, written) = Self.reporter(showsBar: false)
        progress.finish(name: "a\u{1B}[2J.csv")
        #expect(written.parts == ["perceive: a\\u{1B}[2J.csv: 0 rows read, 0 comments scored, 0 rows with errors\n"])
    }
}
