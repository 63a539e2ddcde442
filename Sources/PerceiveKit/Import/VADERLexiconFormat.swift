import Foundation

/// Reads the two files of a VADER lexicon, as vaderSentiment ships them:
///
/// - `vader_lexicon.txt`: one term a line, `token<TAB>mean<TAB>sd<TAB>[ratings]`, e.g.
///   `good\t1.9\t0.9434\t[2, 1, 1, 3, 2, 4, 2, 2, 1, 1]`. Only the token and the mean are
///   required; the standard deviation and the raters' list are kept when present.
/// - `emoji_utf8_lexicon.txt`: one emoji a line, `emoji<TAB>description`, e.g.
///   `😀\tgrinning face`.
///
/// Lines are read as vaderSentiment reads them: surrounding whitespace (a CR too) is trimmed
/// and empty lines are skipped. Entries come back in file order with their line numbers;
/// duplicates are kept (vaderSentiment lets the last one win, see ``VADERLexicon``).
/// Problems are reported as `file:line:column: what was expected` (``LexiconError``).
///
/// ```swift
/// let entries = try VADERLexiconFormat.readLexicon(path: "vader_lexicon.txt")
/// entries[0]   // token "$:", mean -1.5, line 1
/// ```
public enum VADERLexiconFormat {
    /// One line of `vader_lexicon.txt`.
    public struct Entry: Sendable, Equatable {
        public var token: String
        /// The mean rating, -4 … 4: the valence VADER uses.
        public var mean: Double
        public var standardDeviation: Double?
        public var ratings: [Int]?
        /// 1-based line number in the file.
        public var line: Int

        public init(token: String, mean: Double, standardDeviation: Double? = nil, ratings: [Int]? = nil, line: Int) {
            self.token = token
            self.mean = mean
            self.standardDeviation = standardDeviation
            self.ratings = ratings
            self.line = line
        }
    }

    /// One line of `emoji_utf8_lexicon.txt`.
    public struct EmojiEntry: Sendable, Equatable {
        public var emoji: String
        public var description: String
        public var line: Int

        public init(emoji: String, description: String, line: Int) {
            self.emoji = emoji
            self.description = description
            self.line = line
        }
    }

    /// Reads and parses a `vader_lexicon.txt` file.
    public static func readLexicon(path: String) throws(LexiconError) -> [Entry] {
        try parseLexicon(read(path), file: path)
    }

    /// Reads and parses an `emoji_utf8_lexicon.txt` file.
    public static func readEmoji(path: String) throws(LexiconError) -> [EmojiEntry] {
        try parseEmoji(read(path), file: path)
    }

    /// Parses the text of a `vader_lexicon.txt` file; `file` names it in errors.
    public static func parseLexicon(_ text: String, file: String) throws(LexiconError) -> [Entry] {
        var entries: [Entry] = []
        for (number, line) in lines(text) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty else {
                throw LexiconError(file: file, line: number, column: 1, "expected token<TAB>mean<TAB>sd<TAB>[ratings]")
            }
            let meanColumn = fields[0].count + 2
            guard let mean = Double(fields[1].trimmingCharacters(in: .whitespaces)), mean.isFinite else {
                throw LexiconError(file: file, line: number, column: meanColumn, "expected the mean rating (a number), found \"\(fields[1])\"")
            }
            var entry = Entry(token: String(fields[0]), mean: mean, line: number)
            if fields.count >= 3 {
                let column = meanColumn + fields[1].count + 1
                guard let sd = Double(fields[2].trimmingCharacters(in: .whitespaces)), sd.isFinite else {
                    throw LexiconError(file: file, line: number, column: column, "expected the standard deviation (a number), found \"\(fields[2])\"")
                }
                entry.standardDeviation = sd
            }
            if fields.count >= 4 {
                let column = meanColumn + fields[1].count + fields[2].count + 2
                guard let ratings = parseRatings(fields[3]) else {
                    throw LexiconError(file: file, line: number, column: column, "expected the ratings as [n, n, …], found \"\(fields[3])\"")
                }
                entry.ratings = ratings
            }
            entries.append(entry)
        }
        return entries
    }

    /// Parses the text of an `emoji_utf8_lexicon.txt` file; `file` names it in errors.
    public static func parseEmoji(_ text: String, file: String) throws(LexiconError) -> [EmojiEntry] {
        var entries: [EmojiEntry] = []
        for (number, line) in lines(text) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty else {
                throw LexiconError(file: file, line: number, column: 1, "expected emoji<TAB>description")
            }
            guard !fields[1].isEmpty else {
                throw LexiconError(file: file, line: number, column: fields[0].count + 2, "expected a description after the tab")
            }
            entries.append(EmojiEntry(emoji: String(fields[0]), description: String(fields[1]), line: number))
        }
        return entries
    }

    /// Non-empty lines with their 1-based numbers, trimmed of surrounding whitespace as
    /// vaderSentiment's `line.strip()` does.
    private static func lines(_ text: String) -> [(Int, Substring)] {
        var result: [(Int, Substring)] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = raw.trimmingPythonWhitespace()
            if !line.isEmpty { result.append((number, line)) }
        }
        return result
    }

    /// "[-1, 0, 2]" → [-1, 0, 2].
    private static func parseRatings(_ field: Substring) -> [Int]? {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        let inner = trimmed.dropFirst().dropLast()
        if inner.allSatisfy(\.isWhitespace) { return [] }
        var ratings: [Int] = []
        for item in inner.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(item.trimmingCharacters(in: .whitespaces)) else { return nil }
            ratings.append(value)
        }
        return ratings
    }

    private static func read(_ path: String) throws(LexiconError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: path, "is not valid UTF-8")
        }
        return text
    }
}

extension Substring {
    /// Trims the characters Python's `str.strip()` removes (``VADERText/isPythonWhitespace(_:)``).
    func trimmingPythonWhitespace() -> Substring {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, VADERText.isPythonWhitespace(scalars[start].value) { start = scalars.index(after: start) }
        while end > start, VADERText.isPythonWhitespace(scalars[scalars.index(before: end)].value) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }
}
