/// The NRC Valence, Arousal and Dominance lexicon: `word<TAB>valence<TAB>arousal<TAB>dominance`,
/// with an optional header row (`Word<TAB>Valence<TAB>Arousal<TAB>Dominance`).
///
/// Mapping: version 1 (2018) scores are 0 … 1 and become valence = 2v − 1; version 2 (2025)
/// scores are already −1 … 1 and are kept. The file's scale is told by its values: any
/// negative value means −1 … 1. Arousal and dominance are not used. Words whose valence maps
/// to exactly 0 are skipped. Duplicates are refused.
public enum NRCVADLexiconFormat {
    public static let mapping = "valence 0 … 1 → 2v − 1 (v1); −1 … 1 kept (v2); arousal and dominance unused"

    static func read(text: String, file: String, into lexicon: inout ImportedLexicon) throws(LexiconError) {
        var rows: [(String, Double, SourceLocation)] = []
        var signed = false
        for (number, line) in ImportText.lines(text) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if rows.isEmpty, fields.count >= 2, fields[1].lowercased() == "valence" { continue }
            guard fields.count == 4 else {
                throw LexiconError(file: file, line: number, "expected \"word<TAB>valence<TAB>arousal<TAB>dominance\" (4 fields), found \(fields.count)")
            }
            guard let v = Double(fields[1]), (-1...1).contains(v) else {
                throw LexiconError(file: file, line: number, column: fields[0].count + 2, "valence \"\(fields[1])\" is not a number in -1…1")
            }
            if v < 0 { signed = true }
            rows.append((fields[0], v, SourceLocation(file: file, line: number)))
        }
        lexicon.mappingNotes.append(signed ? "NRC VAD: valence −1 … 1 kept (v2 scale)." : "NRC VAD: valence 0 … 1 mapped to 2v − 1 (v1 scale).")
        for (word, v, location) in rows {
            let valence = signed ? v : 2 * v - 1
            if valence == 0 { continue }
            try lexicon.add(ImportedTerm(term: word, valence: valence, location: location))
        }
    }
}
