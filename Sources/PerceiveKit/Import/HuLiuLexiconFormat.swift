import Foundation

/// Hu & Liu's opinion lexicon (KDD 2004): `positive-words.txt` and `negative-words.txt`, one
/// word per line after a header of `;` comment lines. The negative list is ISO-8859-1
/// (one word, "naïve"); lines end in CRLF.
///
/// Mapping: a word of the positive list gets valence +``polarityWeight``, of the negative
/// list −``polarityWeight`` (the lists carry no strength). Which list a file is comes from its
/// name ("positive"/"negative"), else from ``ImportOptions/huLiuPolarity``. A word in both
/// lists ("envious" is) keeps the first (``DuplicatePolicy/first``), reported.
public enum HuLiuLexiconFormat {
    public enum Polarity: String, Sendable { case positive, negative }
    /// The magnitude given to every word: "clear" on the scale of `lexicons/README.md`.
    public static let polarityWeight = 0.5
    public static var mapping: String { "positive list → +\(ImportedLexicon.number(polarityWeight)), negative list → −\(ImportedLexicon.number(polarityWeight))" }

    static func read(text: String, file: String, into lexicon: inout ImportedLexicon, polarity: Polarity?) throws(LexiconError) {
        let name = (file as NSString).lastPathComponent.lowercased()
        let side: Polarity
        if name.contains("neg") { side = .negative }
        else if name.contains("pos") { side = .positive }
        else if let polarity { side = polarity }
        else {
            throw LexiconError(file: file, "cannot tell whether this Hu & Liu list is positive or negative: name it positive-words.txt or negative-words.txt")
        }
        if !lexicon.mappingNotes.contains(where: { $0.hasPrefix("Hu & Liu") }) { lexicon.mappingNotes.append("Hu & Liu: \(mapping).") }
        for (number, line) in ImportText.lines(text) {
            if line.hasPrefix(";") { continue }
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty { continue }
            guard !word.contains("\t") else {
                throw LexiconError(file: file, line: number, "expected one word per line, found a TAB")
            }
            try lexicon.add(ImportedTerm(term: word, valence: side == .positive ? polarityWeight : -polarityWeight,
                                         location: SourceLocation(file: file, line: number)))
        }
    }
}
