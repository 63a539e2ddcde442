/// AFINN (Finn Årup Nielsen): one `word<TAB>score` per line, the score an integer −5 … 5;
/// words may be phrases ("can't stand"). No header, no comments.
///
/// Mapping: valence = score / 5 (so −5 → −1, 2 → 0.4). Duplicates: AFINN files have none,
/// so a duplicate is refused by default (``DuplicatePolicy/refuse``).
public enum AFINNLexiconFormat {
    public static let scaleMaximum = 5.0
    public static var mapping: String { "valence = score / \(ImportedLexicon.number(scaleMaximum)) (integers −5 … 5)" }

    static func read(text: String, file: String, into lexicon: inout ImportedLexicon) throws(LexiconError) {
        lexicon.mappingNotes.append("AFINN: \(mapping).")
        for (number, line) in ImportText.lines(text) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw LexiconError(file: file, line: number, "expected \"word<TAB>score\" (2 TAB-separated fields), found \(fields.count)")
            }
            let scoreText = fields[1].trimmingCharacters(in: .whitespaces)
            guard let score = Int(scoreText), abs(Double(score)) <= scaleMaximum else {
                throw LexiconError(file: file, line: number, column: fields[0].count + 2,
                                   "score \"\(scoreText)\" is not an integer in -5…5")
            }
            guard score != 0 else {
                lexicon.notes.append(ImportNote(location: SourceLocation(file: file, line: number), message: "\"\(fields[0])\" has score 0: skipped"))
                continue
            }
            try lexicon.add(ImportedTerm(term: String(fields[0]).trimmingCharacters(in: .whitespaces),
                                         valence: Double(score) / scaleMaximum,
                                         location: SourceLocation(file: file, line: number)))
        }
    }
}
