import Foundation

/// What to do when a third-party file lists the same term twice (after case folding).
/// Each format has a default (``LexiconFormat/defaultDuplicatePolicy``) that follows the
/// convention of the tool the format comes from; every duplicate is reported as a note.
public enum DuplicatePolicy: String, Sendable, CaseIterable {
    /// Stop with `file:line` of the second occurrence.
    case refuse
    /// Keep the first occurrence (R's `as_key` keeps the first of a data.table key).
    case first
    /// Keep the last occurrence (a Python `dict` built line by line).
    case last
    /// Average the values of all occurrences.
    case mean
}

/// A term read from a third-party file, mapped to Perceive's scales (−1 … 1).
public struct ImportedTerm: Sendable, Equatable {
    public var term: String
    public var valence: Double?
    public var effort: Double?
    public var success: Double?
    /// Named emotions of the target lexicon (category name → intensity in (0, 1]).
    public var emotions: [String: Double]
    public var location: SourceLocation
    /// How many lines were merged into this term (for ``DuplicatePolicy/mean``).
    var merged = 1

    public init(term: String, valence: Double? = nil, effort: Double? = nil, success: Double? = nil,
                emotions: [String: Double] = [:], location: SourceLocation) {
        self.term = term
        self.valence = valence
        self.effort = effort
        self.success = success
        self.emotions = emotions
        self.location = location
    }

    var isScored: Bool { valence != nil || effort != nil || success != nil || !emotions.isEmpty }
}

/// A valence shifter read from a third-party file.
public struct ImportedShifter: Sendable, Equatable {
    public var term: String
    public var kind: ShifterKind
    public var weight: Double?
    public var location: SourceLocation
}

/// Something an importer noticed and worked around (a duplicate, a skipped line), with where.
public struct ImportNote: Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var description: String { "\(location): \(message)" }
}

/// A lexicon read from third-party files, before it becomes a native lexicon.
///
/// Importers fill it; ``nativeFiles(tokenizer:)`` renders it as a `perceive-lexicon/1` folder
/// (manifest and TSV files), and ``lexicon()`` loads those files with ``LexiconLoader``, so an
/// imported lexicon obeys exactly the same rules as a native one.
///
/// Third-party sentiment lexicons carry scored terms only. The customer-experience rules also
/// need their vocabulary (negators, intensifiers, "but", duration units…): unless the import
/// brings its own shifters, the shifters and cues of the embedded `en-cx` are added
/// (``ruleVocabulary``), so that every lexicon runs through the same rules and a comparison
/// is one of scored terms. A scored term that is also a shifter is dropped (the shifter wins)
/// and reported.
public struct ImportedLexicon: Sendable {
    public var name: String
    public var version: String
    public var language = "en"
    public var license = "see the source"
    public var source: String
    public var format: LexiconFormat
    public var duplicatePolicy: DuplicatePolicy
    public private(set) var terms: [ImportedTerm] = []
    public private(set) var shifters: [ImportedShifter] = []
    public var notes: [ImportNote] = []
    /// The emotion categories of the target lexicon (by default those of `en-cx`).
    public var categories: [EmotionCategory]
    /// Where the shifters come from: `en-cx`'s, or the import's own (sentimentr's table).
    /// The cues of the customer-experience rules are always `en-cx`'s.
    public var ruleVocabulary: RuleVocabulary = .enCX
    /// Notes on how the format's scales were mapped to −1 … 1 (written into the manifest).
    public var mappingNotes: [String] = []
    private var termIndex: [String: Int] = [:]
    private var shifterIndex: [String: Int] = [:]
    /// Line of terms.tsv → index in ``terms``, from the last ``nativeFiles()``.
    private var renderedTermLines: [Int: Int] = [:]

    public enum RuleVocabulary: Sendable { case enCX, ownShifters }

    public init(name: String, format: LexiconFormat, source: String, duplicatePolicy: DuplicatePolicy? = nil,
                categories: [EmotionCategory]? = nil) {
        self.name = name
        self.version = "imported"
        self.format = format
        self.source = source
        self.duplicatePolicy = duplicatePolicy ?? format.defaultDuplicatePolicy
        self.categories = categories ?? Self.enCXCategories
    }

    /// The emotion categories of the embedded `en-cx` (read from its manifest, so that an
    /// import does not depend on en-cx's term files loading).
    static var enCXCategories: [EmotionCategory] { ImportVocabulary.enCX.categories }

    /// Shifters, cues and emotion categories an import borrows.
    public var vocabulary = ImportVocabulary.enCX

    /// A key that treats "Good" and "good " as the same term.
    static func key(_ term: String) -> String {
        term.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Adds a term, applying the duplicate policy when the term was seen before.
    public mutating func add(_ term: ImportedTerm) throws(LexiconError) {
        let key = Self.key(term.term)
        guard !key.isEmpty else {
            notes.append(ImportNote(location: term.location, message: "empty term skipped"))
            return
        }
        guard let index = termIndex[key] else {
            termIndex[key] = terms.count
            terms.append(term)
            return
        }
        try merge(term, into: index, why: "duplicate term \"\(term.term)\"")
    }

    private mutating func merge(_ term: ImportedTerm, into index: Int, why: String) throws(LexiconError) {
        let earlier = terms[index]
        switch duplicatePolicy {
        case .refuse:
            throw LexiconError(file: term.location.file, line: term.location.line, column: 1,
                               "\(why) (first at \(earlier.location)); choose --on-duplicate first|last|mean to accept it")
        case .first:
            notes.append(ImportNote(location: term.location, message: "\(why): kept the first, at \(earlier.location)"))
        case .last:
            notes.append(ImportNote(location: term.location, message: "\(why): replaces the one at \(earlier.location)"))
            terms[index] = term
        case .mean:
            notes.append(ImportNote(location: term.location, message: "\(why): averaged with the one at \(earlier.location)"))
            var merged = earlier
            let n = Double(earlier.merged)
            func mean(_ a: Double?, _ b: Double?) -> Double? {
                switch (a, b) {
                case let (a?, b?): (a * n + b) / (n + 1)
                default: a ?? b
                }
            }
            merged.valence = mean(earlier.valence, term.valence)
            merged.effort = mean(earlier.effort, term.effort)
            merged.success = mean(earlier.success, term.success)
            merged.emotions.merge(term.emotions) { max($0, $1) }
            merged.merged += 1
            terms[index] = merged
        }
    }

    /// Adds a shifter; a second shifter with the same term keeps the first and is reported.
    public mutating func add(_ shifter: ImportedShifter) {
        let key = Self.key(shifter.term)
        if let index = shifterIndex[key] {
            notes.append(ImportNote(location: shifter.location,
                                    message: "duplicate shifter \"\(shifter.term)\": kept the first, at \(shifters[index].location)"))
            return
        }
        shifterIndex[key] = shifters.count
        shifters.append(shifter)
        ruleVocabulary = .ownShifters
    }

    /// Changes an existing term's emotions (NRC EmoLex spreads one word over many lines).
    mutating func updateTerm(_ term: String, _ update: (inout ImportedTerm) -> Void) -> Bool {
        guard let index = termIndex[Self.key(term)] else { return false }
        update(&terms[index])
        return true
    }

    /// Drops terms that carry nothing (every value was 0 or missing).
    mutating func dropUnscored() {
        terms.removeAll { !$0.isScored }
        termIndex = Dictionary(uniqueKeysWithValues: terms.enumerated().map { (Self.key($1.term), $0) })
    }

    // MARK: - Rendering as a native lexicon

    /// The files of a native `perceive-lexicon/1` folder holding this lexicon, keyed by path.
    ///
    /// Terms that fold to the same tokens ("don’t" and "don't") are merged by the duplicate
    /// policy; terms with no tokens, and scored terms that are also shifters, are dropped. Each
    /// such change is appended to ``notes``.
    public mutating func nativeFiles() throws -> [String: String] {
        let tokenizer = try Tokenizer(locale: language)
        func folded(_ term: String) -> String? {
            guard let tokenized = try? tokenizer.tokenize(term), !tokenized.tokens.isEmpty else { return nil }
            return tokenized.tokens.indices.map { tokenized.foldedText(of: $0) }.joined(separator: " ")
        }
        var files: [String: String] = [:]
        var shifterText = ruleVocabulary == .enCX ? vocabulary.shifters : ""
        let cuesText = vocabulary.cues
        // Shifter keys, to drop scored terms that are shifters.
        var shifterKeys = Set<String>()
        if ruleVocabulary == .enCX {
            for line in shifterText.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("term\t") {
                if let term = line.split(separator: "\t").first, let key = folded(String(term)) { shifterKeys.insert(key) }
            }
        } else {
            var seen = Set<String>()
            var rows: [String] = []
            for s in shifters {
                guard let key = folded(s.term) else {
                    notes.append(ImportNote(location: s.location, message: "shifter \"\(s.term)\" has no tokens: skipped"))
                    continue
                }
                guard seen.insert(key).inserted else {
                    notes.append(ImportNote(location: s.location, message: "shifter \"\(s.term)\" folds to the same tokens as an earlier one: skipped"))
                    continue
                }
                rows.append("\(Self.clean(s.term))\t\(s.kind.rawValue)\t\(s.weight.map(Self.number) ?? "")")
            }
            shifterKeys = seen
            shifterText = header("valence shifters") + "term\tkind\tweight\n" + rows.joined(separator: "\n") + (rows.isEmpty ? "" : "\n")
        }
        // Merge terms that fold to the same tokens; drop shifters and token-less terms.
        var byKey: [String: Int] = [:]
        var kept: [ImportedTerm] = []
        let original = terms
        terms = []
        termIndex = [:]
        for term in original {
            guard let key = folded(term.term) else {
                notes.append(ImportNote(location: term.location, message: "term \"\(term.term)\" has no tokens: skipped"))
                continue
            }
            if shifterKeys.contains(key) {
                notes.append(ImportNote(location: term.location,
                                        message: "\"\(term.term)\" is a valence shifter in the rule vocabulary: the scored term is dropped"))
                continue
            }
            if let index = byKey[key] {
                terms = kept
                try merge(term, into: index, why: "term \"\(term.term)\" folds to the same tokens as \"\(kept[index].term)\"")
                kept = terms
                continue
            }
            byKey[key] = kept.count
            kept.append(term)
        }
        terms = kept
        termIndex = Dictionary(uniqueKeysWithValues: kept.enumerated().map { (Self.key($1.term), $0) })
        var termsText = header("terms imported from \(format.rawValue)") + "term\tvalence\teffort\tsuccess\temotions\n"
        renderedTermLines = [:]
        var lineNumber = termsText.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        for (index, term) in kept.enumerated() {
            lineNumber += 1
            renderedTermLines[lineNumber] = index
            let emotions = term.emotions.sorted { $0.key < $1.key }.map { "\($0.key):\(Self.number($0.value))" }.joined(separator: ",")
            termsText += "\(Self.clean(term.term))\t\(term.valence.map(Self.number) ?? "")\t\(term.effort.map(Self.number) ?? "")\t\(term.success.map(Self.number) ?? "")\t\(emotions)\n"
        }
        files["terms.tsv"] = termsText
        files["shifters.tsv"] = shifterText
        if !cuesText.isEmpty { files["cues.tsv"] = cuesText }
        let manifest = LexiconManifest(
            format: LexiconLoader.formatName, name: name, version: version, language: language, license: license,
            source: source,
            description: (["Imported from the \(format.rawValue) format by perceive lexicon convert."] + mappingNotes
                          + [ruleVocabulary == .enCX ? "Shifters and cues: those of \(vocabulary.name) (the rule vocabulary), so that lexicons are compared through the same rules." : "Cues: those of \(vocabulary.name) (the vocabulary of the customer-experience rules)."])
                .joined(separator: " "),
            terms: ["terms.tsv"], shifters: ["shifters.tsv"], cues: cuesText.isEmpty ? [] : ["cues.tsv"], emotions: categories)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        files["manifest.json"] = String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n"
        return files
    }

    /// Loads this lexicon through the native loader.
    ///
    /// Where the loader still refuses a term that folding did not predict (a duplicate after
    /// tokenization, a term that is also a shifter), the term is dropped, noted, and the
    /// lexicon loaded again; with ``DuplicatePolicy/refuse`` the error stands.
    public mutating func lexicon() throws -> Lexicon {
        while true {
            let files = try nativeFiles()
            do {
                return try LexiconLoader.load(from: InMemoryLexiconSource(displayName: "\(format.rawValue):\(name)", files: files))
            } catch let error as LexiconError {
                guard let index = offendingTerm(error), duplicatePolicy != .refuse || !error.message.contains("duplicate") else { throw error }
                let term = terms[index]
                notes.append(ImportNote(location: term.location, message: "\"\(term.term)\" refused by the loader (\(error.message)): dropped"))
                terms.remove(at: index)
                termIndex = Dictionary(uniqueKeysWithValues: terms.enumerated().map { (Self.key($1.term), $0) })
            }
        }
    }

    /// The index in ``terms`` of the term a loader error is about, when it is about one.
    private func offendingTerm(_ error: LexiconError) -> Int? {
        if error.file.hasSuffix("/terms.tsv"), let line = error.line, error.message.contains("duplicate term") {
            return renderedTermLines[line]
        }
        if error.file.hasSuffix("/shifters.tsv"), let range = error.message.range(of: "/terms.tsv:") {
            let digits = error.message[range.upperBound...].prefix { $0.isNumber }
            return Int(digits).flatMap { renderedTermLines[$0] }
        }
        return nil
    }

    private func header(_ what: String) -> String {
        """
        # lexicon: \(name)
        # version: \(version)
        # source: \(Self.clean(source))
        # license: \(Self.clean(license))
        # \(what); converted by perceive lexicon convert

        """
    }

    /// A term or header value with TABs and line ends replaced by spaces.
    static func clean(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// A value written with at most 6 decimals, without trailing zeros.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

/// What an imported lexicon borrows from a native one: its shifter and cue files (the
/// vocabulary of the rules) and its emotion categories. By default, the embedded `en-cx`'s.
public struct ImportVocabulary: Sendable {
    public var name: String
    /// The text of a `shifters` file (`term<TAB>kind<TAB>weight`).
    public var shifters: String
    /// The text of a `cues` file (`term<TAB>kind<TAB>value`).
    public var cues: String
    public var categories: [EmotionCategory]

    public init(name: String, shifters: String, cues: String, categories: [EmotionCategory]) {
        self.name = name
        self.shifters = shifters
        self.cues = cues
        self.categories = categories
    }

    /// The embedded `en-cx`'s shifters, cues and categories.
    public static var enCX: ImportVocabulary {
        let files = EmbeddedLexiconFiles.lexicons["en-cx"] ?? [:]
        let manifest = files["manifest.json"].flatMap { try? JSONDecoder().decode(LexiconManifest.self, from: Data($0.utf8)) }
        // Every cue file of the manifest, as one: the first whole, the data rows of the others.
        var cues = ""
        for (i, path) in (manifest?.cues ?? ["cues.tsv"]).enumerated() {
            guard let text = files[path] else { continue }
            if i == 0 { cues = text; continue }
            if !cues.isEmpty && !cues.hasSuffix("\n") { cues += "\n" }
            for line in text.split(separator: "\n", omittingEmptySubsequences: true)
            where !line.hasPrefix("#") && !line.hasPrefix("term\t") {
                cues += line + "\n"
            }
        }
        return ImportVocabulary(name: "en-cx", shifters: files["shifters.tsv"] ?? "", cues: cues,
                                categories: manifest?.emotions ?? [])
    }
}
