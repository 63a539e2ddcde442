/// Finding a term in a lexicon the way comments are matched (`perceive lexicon lookup`).
public enum LexiconLookup {
    /// The entry whose term tokenizes exactly like `term`, or nil.
    public static func entry(_ term: String, in lexicon: Lexicon) throws -> LexiconEntry? {
        let tokenizer = try Tokenizer(locale: lexicon.manifest.language)
        let tokenized = try tokenizer.tokenize(term)
        let tokens = tokenized.tokens.indices.filter { !tokenized.isJoinerHyphen($0) }.map { i -> [UInt8] in
            let token = tokenized.tokens[i]
            return Array(tokenized.folded[Int(token.foldStart)..<Int(token.foldEnd)])
        }
        return lexicon.entry(forTokens: tokens)
    }

    /// The entry on one line per part, e.g.
    /// `on hold  valence -0.3  effort -0.6  emotions frustration:0.4  (terms/phrases.tsv:12)`.
    public static func describe(_ entry: LexiconEntry, in lexicon: Lexicon) -> String {
        var parts = [entry.term]
        func value(_ v: Double) -> String { ImportedLexicon.number(v) }
        if let v = entry.valence { parts.append("valence \(value(v))") }
        if let v = entry.effort { parts.append("effort \(value(v))") }
        if let v = entry.success { parts.append("success \(value(v))") }
        if !entry.emotions.isEmpty {
            parts.append("emotions " + entry.emotions.map { "\(lexicon.categories[$0.category].name):\(value($0.intensity))" }.joined(separator: ","))
        }
        if let location = entry.termLocation { parts.append("(\(location))") }
        if let shifter = entry.shifter {
            parts.append("shifter \(shifter.rawValue)" + (entry.shifterWeight.map { " \(value($0))" } ?? "")
                         + (entry.shifterLocation.map { " (\($0))" } ?? ""))
        }
        for kind in entry.cues.kinds {
            parts.append("cue \(kind.rawValue)" + (entry.cueValue(kind).map { " \(value($0))" } ?? ""))
        }
        return parts.joined(separator: "  ")
    }
}

extension LexiconReference.Loaded {
    /// The line `perceive lexicon lookup` prints for `term`: its entry described
    /// (``LexiconLookup/describe(_:in:)``) and, for an imported lexicon, the line of the
    /// third-party file that defined it; or `TERM: not in NAME`, with `found` false.
    ///
    /// ```
    /// try loaded.lookup("lousy").line
    /// // "lousy  valence -0.6  (afinn:mine/terms.tsv:8)  from afinn.txt:2"
    /// ```
    public func lookup(_ term: String) throws -> (line: String, found: Bool) {
        guard let entry = try LexiconLookup.entry(term, in: lexicon) else { return ("\(term): not in \(lexicon.name)", false) }
        var line = LexiconLookup.describe(entry, in: lexicon)
        if let original = originalLocation(of: entry) { line += "  from \(original)" }
        return (line, true)
    }
}
