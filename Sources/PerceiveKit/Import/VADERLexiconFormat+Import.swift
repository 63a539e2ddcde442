import Foundation

/// Importing VADER files into a Perceive lexicon (`perceive lexicon convert --from vader`,
/// `--lexicon vader=vader_lexicon.txt`). Parsing is ``VADERLexiconFormat``'s.
///
/// Mapping: valence = mean / 4 (VADER's ratings are −4 … 4). Duplicates: vaderSentiment fills
/// a dictionary line by line, so the last line wins (``DuplicatePolicy/last``). vaderSentiment
/// looks words up in lower case, so an entry with capitals (":-P", "D:") is never matched
/// there; when its lower-case form is also an entry it is dropped, reported.
///
/// The emoji file (`emoji_utf8_lexicon.txt`, `emoji<TAB>description`) is used the way
/// vaderSentiment uses it, where an emoji stands for its description's words: an emoji gets
/// the mean valence of the description's words that are lexicon terms (emoji whose
/// description has none are skipped). Give the lexicon file before the emoji file.
extension VADERLexiconFormat {
    public static let scaleMaximum = 4.0
    public static var mapping: String { "valence = mean / \(ImportedLexicon.number(scaleMaximum)) (ratings −4 … 4); emoji: mean valence of their description's words" }

    static func importFile(text: String, file: String, into lexicon: inout ImportedLexicon) throws(LexiconError) {
        let firstLine = text.split(separator: "\n", maxSplits: 1).first ?? ""
        let firstFields = firstLine.split(separator: "\t", omittingEmptySubsequences: false)
        let isEmojiFile = firstFields.count == 2
            && Double(firstFields[1].trimmingCharacters(in: .whitespacesAndNewlines)) == nil
        if isEmojiFile {
            try importEmoji(text: text, file: file, into: &lexicon)
            return
        }
        lexicon.mappingNotes.append("VADER: \(mapping).")
        let entries = try parseLexicon(text, file: file)
        let lowercaseTokens = Set(entries.map(\.token).filter { $0 == $0.lowercased() })
        for entry in entries {
            let location = SourceLocation(file: file, line: entry.line)
            if entry.token != entry.token.lowercased() && lowercaseTokens.contains(entry.token.lowercased()) {
                lexicon.notes.append(ImportNote(location: location,
                    message: "\"\(entry.token)\" has capitals, which vaderSentiment never matches, and \"\(entry.token.lowercased())\" is also an entry: skipped"))
                continue
            }
            guard abs(entry.mean) <= scaleMaximum else {
                throw LexiconError(file: file, line: entry.line, "mean \(entry.mean) is outside -4…4")
            }
            guard entry.mean != 0 else { continue }
            try lexicon.add(ImportedTerm(term: entry.token, valence: entry.mean / scaleMaximum, location: location))
        }
    }

    static func importEmoji(text: String, file: String, into lexicon: inout ImportedLexicon) throws(LexiconError) {
        var valenceOf: [String: Double] = [:]
        for term in lexicon.terms { if let v = term.valence { valenceOf[ImportedLexicon.key(term.term)] = v } }
        guard !valenceOf.isEmpty else {
            throw LexiconError(file: file, "an emoji file needs the VADER lexicon file before it (emoji take the valence of their description's words)")
        }
        lexicon.mappingNotes.append("VADER emoji: the mean valence of the description's lexicon words.")
        for entry in try parseEmoji(text, file: file) {
            let words = entry.description.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
            let values = words.compactMap { valenceOf[$0] }
            guard !values.isEmpty else { continue }
            try lexicon.add(ImportedTerm(term: entry.emoji, valence: values.reduce(0, +) / Double(values.count),
                                         location: SourceLocation(file: file, line: entry.line)))
        }
    }
}
