/// sentimentr's tables (the R package `lexicon`, by Tyler Rinker) written as CSV. A file is
/// one of:
///
/// - a polarity table, header `x,y`: term and a number (`hash_sentiment_jockers_rinker`,
///   `hash_sentiment_huliu`, `…_socal_google`, …). Mapping: values are kept when the table's
///   largest magnitude is at most 1, else divided by that magnitude (SO-CAL's −30 … 30 scale).
/// - the valence shifters table, header `x,y`, every `y` one of the type codes 1–4
///   (`hash_valence_shifters`), read into ``ShifterType`` and then our ``ShifterKind``:
///   negator → negator, amplifier → intensifier (weight ``amplifierWeight``),
///   de-amplifier → diminisher (weight ``deamplifierWeight``), adversative → contrast.
///   A lexicon that brings its own shifters uses them instead of en-cx's.
/// - an emotion table, header `token,emotion` (`hash_nrc_emotions`): NRC categories mapped as
///   in ``NRCEmoLexLexiconFormat``.
///
/// Duplicates keep the first (data.table keys in `as_key` refuse them; the shipped tables
/// have none), reported.
public enum SentimentrCSVLexiconFormat {
    /// sentimentr's valence shifter types, by their code in the `y` column.
    public enum ShifterType: Int, Sendable, CaseIterable {
        case negator = 1
        case amplifier = 2
        case deamplifier = 3
        case adversative = 4

        /// The Perceive shifter kind that plays the same part.
        public var kind: ShifterKind {
            switch self {
            case .negator: .negator
            case .amplifier: .intensifier
            case .deamplifier: .diminisher
            case .adversative: .contrast
            }
        }
    }

    /// Weight of an amplifier as an intensifier: that of en-cx's "very".
    public static let amplifierWeight = 0.3
    /// Weight of a de-amplifier as a diminisher: that of en-cx's "slightly".
    public static let deamplifierWeight = 0.3
    public static var mapping: String { "polarity y kept in −1 … 1, else divided by the table's largest |y|; shifter codes 1–4 → negator, intensifier \(ImportedLexicon.number(amplifierWeight)), diminisher \(ImportedLexicon.number(deamplifierWeight)), contrast" }

    static func read(text: String, file: String, into lexicon: inout ImportedLexicon, categoryMap: [String: String?]) throws(LexiconError) {
        let records = try DelimitedTextReader(separator: UInt8(ascii: ",")).records(text, file: file)
        guard let header = records.first else { throw LexiconError(file: file, line: 1, "empty file: expected a header x,y or token,emotion") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let rows = records.dropFirst()
        for row in rows where row.fields.count != 2 {
            throw LexiconError(file: file, line: row.line, "expected 2 comma-separated fields (\(names.joined(separator: ","))), found \(row.fields.count)")
        }
        switch names {
        case ["token", "emotion"]:
            lexicon.mappingNotes.append("sentimentr NRC emotions: each (token, emotion) → the mapped category at \(NRCEmoLexLexiconFormat.emotionIntensity).")
            for row in rows {
                let emotion = row.fields[1].trimmingCharacters(in: .whitespaces).lowercased()
                guard NRCEmoLexLexiconFormat.categories.contains(emotion) else {
                    throw LexiconError(file: file, line: row.line, "unknown NRC emotion \"\(row.fields[1])\"")
                }
                guard let target = categoryMap[emotion] ?? nil else { continue }
                let word = row.fields[0].trimmingCharacters(in: .whitespaces)
                if !lexicon.updateTerm(word, { $0.emotions[target] = NRCEmoLexLexiconFormat.emotionIntensity }) {
                    try lexicon.add(ImportedTerm(term: word, emotions: [target: NRCEmoLexLexiconFormat.emotionIntensity],
                                                 location: SourceLocation(file: file, line: row.line)))
                }
            }
        case ["x", "y"]:
            var values: [(String, Double, Int)] = []
            for row in rows {
                let text = row.fields[1].trimmingCharacters(in: .whitespaces)
                guard let y = Double(text), y.isFinite else {
                    throw LexiconError(file: file, line: row.line, "y \"\(text)\" is not a number")
                }
                values.append((row.fields[0].trimmingCharacters(in: .whitespaces), y, row.line))
            }
            let isShifterTable = !values.isEmpty && values.allSatisfy { (1...4).contains($0.1) && $0.1 == $0.1.rounded() }
                && values.contains { $0.1 >= 2 }
            if isShifterTable {
                lexicon.mappingNotes.append("sentimentr valence shifters: 1 negator, 2 amplifier → intensifier \(amplifierWeight), 3 de-amplifier → diminisher \(deamplifierWeight), 4 adversative → contrast.")
                for (term, y, line) in values {
                    let type = ShifterType(rawValue: Int(y))!
                    let weight: Double? = switch type {
                    case .amplifier: amplifierWeight
                    case .deamplifier: deamplifierWeight
                    default: nil
                    }
                    lexicon.add(ImportedShifter(term: term, kind: type.kind, weight: weight, location: SourceLocation(file: file, line: line)))
                }
            } else {
                let largest = values.map { abs($0.1) }.max() ?? 1
                let scale = largest > 1 ? largest : 1
                lexicon.mappingNotes.append(scale > 1 ? "sentimentr polarity: y divided by \(ImportedLexicon.number(scale)), the largest |y| of the table." : "sentimentr polarity: y kept (−1 … 1).")
                for (term, y, line) in values {
                    guard y != 0 else { continue }
                    try lexicon.add(ImportedTerm(term: term, valence: y / scale, location: SourceLocation(file: file, line: line)))
                }
            }
        default:
            throw LexiconError(file: file, line: header.line, "expected the header x,y (polarity or valence shifters) or token,emotion, found \(header.fields.joined(separator: ","))")
        }
    }
}
