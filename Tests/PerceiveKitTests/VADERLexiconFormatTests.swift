import Testing
@testable import PerceiveKit

/// The VADER file importer: `vader_lexicon.txt` and `emoji_utf8_lexicon.txt` lines → entries,
/// with `file:line:column` errors.
@Suite struct VADERLexiconFormatTests {
    @Test func parsesTokenMeanDeviationAndRatings() throws {
        let entries = try VADERLexiconFormat.parseLexicon(":)\t2.0\t1.18322\t[2, 2, 1, 1, 1, 1, 4, 3, 4, 1]\ngood\t1.9\r\n\nbad\t-2.5\t0.67082\n", file: "v.txt")
        #expect(entries == [
            VADERLexiconFormat.Entry(token: ":)", mean: 2.0, standardDeviation: 1.18322, ratings: [2, 2, 1, 1, 1, 1, 4, 3, 4, 1], line: 1),
            VADERLexiconFormat.Entry(token: "good", mean: 1.9, line: 2),
            VADERLexiconFormat.Entry(token: "bad", mean: -2.5, standardDeviation: 0.67082, line: 4),
        ])
    }

    @Test func reportsFileLineAndColumn() {
        #expect(throws: LexiconError(file: "v.txt", line: 2, column: 6, "expected the mean rating (a number), found \"high\"")) {
            try VADERLexiconFormat.parseLexicon("good\t1.9\nnice\thigh\n", file: "v.txt")
        }
        #expect(throws: LexiconError(file: "v.txt", line: 1, column: 1, "expected token<TAB>mean<TAB>sd<TAB>[ratings]")) {
            try VADERLexiconFormat.parseLexicon("lonely\n", file: "v.txt")
        }
        #expect(throws: LexiconError(file: "v.txt", line: 1, column: 14, "expected the ratings as [n, n, …], found \"2, 2\"")) {
            try VADERLexiconFormat.parseLexicon("good\t1.9\t0.5\t2, 2\n", file: "v.txt")
        }
    }

    @Test func parsesEmojiDescriptions() throws {
        let entries = try VADERLexiconFormat.parseEmoji("😀\tgrinning face\n☺️\tsmiling face\n", file: "e.txt")
        #expect(entries == [
            VADERLexiconFormat.EmojiEntry(emoji: "😀", description: "grinning face", line: 1),
            VADERLexiconFormat.EmojiEntry(emoji: "☺️", description: "smiling face", line: 2),
        ])
        #expect(throws: LexiconError(file: "e.txt", line: 1, column: 1, "expected emoji<TAB>description")) {
            try VADERLexiconFormat.parseEmoji("😀 grinning face\n", file: "e.txt")
        }
    }

    @Test func emojiOfSeveralCodePointsNeverMatchAsInVADER() throws {
        // vaderSentiment replaces emoji one code point at a time: "☺️" (with U+FE0F) never matches.
        let lexicon = VADERLexicon(entries: [VADERLexiconFormat.Entry(token: "smiling", mean: 1.5, line: 1)],
                                   emoji: try VADERLexiconFormat.parseEmoji("☺️\tsmiling face\n", file: "e.txt"))
        #expect(VADERScorer(lexicon: lexicon).polarity("☺️").compound == 0)
    }
}
