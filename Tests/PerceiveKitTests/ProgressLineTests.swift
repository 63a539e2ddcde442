import Testing
@testable import PerceiveKit

/// The progress bar and summary line the executable writes to stderr.
@Suite struct ProgressLineTests {
    @Test func barShowsRateFractionAndETA() {
        // 2048 rows in 2 s: 1024 rows/s; a quarter read: 6 of 24 marks, 6 s to go.
        #expect(ProgressLine.bar(rows: 2048, elapsed: 2, bytesRead: 250, totalBytes: 1000)
                == "\r\u{1B}[K2048 rows  1024 rows/s  [######..................] 25%  ETA 0:06")
    }

    @Test func withoutASizeOnlyRowsAndRate() {
        #expect(ProgressLine.bar(rows: 1024, elapsed: 4, bytesRead: 500, totalBytes: nil) == "\r\u{1B}[K1024 rows  256 rows/s")
        #expect(ProgressLine.bar(rows: 1024, elapsed: 4, bytesRead: 0, totalBytes: 1000) == "\r\u{1B}[K1024 rows  256 rows/s")
        // elapsed is taken as at least 1 ms
        #expect(ProgressLine.bar(rows: 3, elapsed: 0, bytesRead: 0, totalBytes: nil) == "\r\u{1B}[K3 rows  3000 rows/s")
    }

    @Test func clockFormatsMinutesAndHours() {
        #expect(ProgressLine.clock(0) == "0:00")
        #expect(ProgressLine.clock(59.6) == "1:00")
        #expect(ProgressLine.clock(3599) == "59:59")
        #expect(ProgressLine.clock(3723) == "1:02:03")
    }

    @Test func summaryListsNotesInParentheses() {
        #expect(ProgressLine.summary(name: "a.csv", rowsRead: 3, commentsScored: 2, rowsWithErrors: 1)
                == "perceive: a.csv: 3 rows read, 2 comments scored, 1 rows with errors\n")
        #expect(ProgressLine.summary(name: "a.csv", rowsRead: 3, commentsScored: 3, rowsWithErrors: 0, notes: ["x", "y"])
                == "perceive: a.csv: 3 rows read, 3 comments scored, 0 rows with errors (x; y)\n")
    }

    @Test func invalidUTF8NoteCountsRowsAndSequences() {
        #expect(InvalidUTF8Count().note == nil)
        var one = InvalidUTF8Count()
        (one.rows, one.sequences, one.firstLine) = (1, 1, 7)
        #expect(one.note == "1 row had invalid UTF-8, at line 7: 1 sequence replaced by U+FFFD")
        var many = InvalidUTF8Count()
        (many.rows, many.sequences, many.firstLine) = (3, 4, 12)
        #expect(many.note == "3 rows had invalid UTF-8, first at line 12: 4 sequences replaced by U+FFFD")
    }
}
