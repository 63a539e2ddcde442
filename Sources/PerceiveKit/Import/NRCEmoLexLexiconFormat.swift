/// The NRC Word-Emotion Association Lexicon (EmoLex), word level: `word<TAB>category<TAB>0|1`,
/// ten lines per word (eight Plutchik emotions plus `positive` and `negative`), CRLF.
///
/// Mapping: `positive` → valence +``polarityWeight``, `negative` → −``polarityWeight`` (both
/// or neither: no valence); each emotion marked 1 becomes the target lexicon's category given
/// by the category map (default ``defaultCategoryMap``: NRC `fear` → `anxiety`,
/// `anticipation` → none, the others to the category of the same name) with intensity
/// ``emotionIntensity``. Words with nothing marked are skipped. A repeated (word, category)
/// line keeps the first value, reported.
public enum NRCEmoLexLexiconFormat {
    public static let categories: Set<String> = ["anger", "anticipation", "disgust", "fear", "joy", "negative", "positive", "sadness", "surprise", "trust"]
    public static let polarityWeight = 0.5
    /// EmoLex marks association, not strength: every association gets this intensity.
    public static let emotionIntensity = 0.5
    /// NRC category → en-cx category (nil: not mapped).
    public static let defaultCategoryMap: [String: String?] = [
        "anger": "anger", "anticipation": nil, "disgust": "disgust", "fear": "anxiety",
        "joy": "joy", "sadness": "sadness", "surprise": "surprise", "trust": "trust",
    ]
    public static var mapping: String { "positive → +\(ImportedLexicon.number(polarityWeight)), negative → −\(ImportedLexicon.number(polarityWeight)); each emotion marked 1 → its mapped category at \(ImportedLexicon.number(emotionIntensity)) (fear → anxiety, anticipation dropped)" }

    static func read(text: String, file: String, into lexicon: inout ImportedLexicon, categoryMap: [String: String?]) throws(LexiconError) {
        lexicon.mappingNotes.append("NRC EmoLex: \(mapping).")
        let known = Set(lexicon.categories.map(\.name))
        for (source, target) in categoryMap {
            if let target, !known.contains(target) {
                throw LexiconError(file: file, "the category map sends NRC \"\(source)\" to \"\(target)\", which the target lexicon does not declare (\(known.sorted().joined(separator: ", ")))")
            }
        }
        var seen = Set<String>()
        var order: [String] = []
        var values: [String: (pos: Bool, neg: Bool, emotions: [String: Double], location: SourceLocation)] = [:]
        for (number, line) in ImportText.lines(text) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3 else {
                throw LexiconError(file: file, line: number, "expected \"word<TAB>category<TAB>0|1\" (3 fields), found \(fields.count)")
            }
            let category = fields[1].lowercased()
            guard categories.contains(category) else {
                throw LexiconError(file: file, line: number, column: fields[0].count + 2,
                                   "unknown NRC category \"\(fields[1])\" (expected one of \(categories.sorted().joined(separator: ", ")))")
            }
            guard fields[2] == "0" || fields[2] == "1" else {
                throw LexiconError(file: file, line: number, "association \"\(fields[2])\" must be 0 or 1")
            }
            let location = SourceLocation(file: file, line: number)
            let word = fields[0]
            guard seen.insert(ImportedLexicon.key(word) + "\t" + category).inserted else {
                if lexicon.duplicatePolicy == .refuse {
                    throw LexiconError(file: file, line: number, "duplicate line for \"\(word)\" and \(category)")
                }
                lexicon.notes.append(ImportNote(location: location, message: "duplicate line for \"\(word)\" and \(category): kept the first"))
                continue
            }
            let key = ImportedLexicon.key(word)
            if values[key] == nil { order.append(word); values[key] = (false, false, [:], location) }
            guard fields[2] == "1" else { continue }
            switch category {
            case "positive": values[key]!.pos = true
            case "negative": values[key]!.neg = true
            default:
                if let target = categoryMap[category] ?? nil { values[key]!.emotions[target] = emotionIntensity }
            }
        }
        for word in order {
            let v = values[ImportedLexicon.key(word)]!
            let valence: Double? = v.pos == v.neg ? nil : (v.pos ? polarityWeight : -polarityWeight)
            let term = ImportedTerm(term: word, valence: valence, emotions: v.emotions, location: v.location)
            if term.isScored { try lexicon.add(term) }
        }
    }
}
