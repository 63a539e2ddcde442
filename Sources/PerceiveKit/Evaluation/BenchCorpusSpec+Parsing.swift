import Foundation

/// The settings `bench` gives every corpus (an option given once) or each corpus in turn (an
/// option repeated once per corpus); a corpus's own `key=value` settings take precedence.
public struct BenchCorpusDefaults: Sendable, Equatable {
    public var textColumn: [String] = []
    public var labelColumn: [String] = []
    public var labelKind: [String] = []
    public var labelNames: [String] = []
    public var labelMap: [String] = []
    public var emotionSpace: [String] = []
    /// Whether the files start with a header row (`--no-header` turns it off).
    public var header = true

    public init() {}

    /// Why these settings do not fit `corpusCount` corpora, or nil: an option given more than
    /// once must be given once per corpus.
    ///
    /// ```
    /// var defaults = BenchCorpusDefaults()
    /// defaults.textColumn = ["a", "b"]
    /// defaults.problem(corpusCount: 3)
    /// // "--text-column is given 2 times for 3 corpora: give it once (for all) or once per corpus"
    /// ```
    public func problem(corpusCount: Int) -> String? {
        let options = [("--text-column", textColumn), ("--label-column", labelColumn), ("--label-kind", labelKind),
                       ("--label-names", labelNames), ("--label-map", labelMap), ("--emotion-space", emotionSpace)]
        guard let (name, values) = options.first(where: { $0.1.count > 1 && $0.1.count != corpusCount }) else { return nil }
        return "\(name) is given \(values.count) times for \(corpusCount) corpora: give it once (for all) or once per corpus"
    }

    /// The value of a per-corpus option for corpus `index`: none, the one for all, or its own.
    static func value(_ values: [String], _ index: Int) -> String? {
        values.isEmpty ? nil : (values.count == 1 ? values[0] : values[index])
    }
}

extension BenchCorpusSpec {
    /// The keys a `--corpus PATH,key=value,…` argument may set.
    public static let settingKeys: Set<String> = ["name", "text", "label", "kind", "header", "quote", "label-names", "label-map", "space", "outside", "rows", "no-topic"]

    /// Parses a `--corpus` argument: `PATH` or `PATH,key=value,…` (a part without `=` belongs
    /// to the path, which may hold commas), completed by `defaults` for corpus number `index`.
    ///
    /// ```
    /// try BenchCorpusSpec(parsing: "dev.csv,kind=valence:-4..4,rows=odd", defaults: BenchCorpusDefaults())
    /// // path "dev.csv", text column "text", label column "label", odd rows only
    /// try BenchCorpusSpec(parsing: "Restaurants_Train_v2.xml,rows=even", defaults: BenchCorpusDefaults())
    /// // SemEval XML: kind topics, the even sentences only
    /// ```
    public init(parsing argument: String, defaults: BenchCorpusDefaults, index: Int = 0) throws(BenchError) {
        func value(_ values: [String]) -> String? { BenchCorpusDefaults.value(values, index) }
        let parts = argument.split(separator: ",").map(String.init)
        var path = parts[0]
        var settings: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { path += "," + part; continue }
            settings[String(part[..<equals])] = String(part[part.index(after: equals)...])
        }
        let known = Self.settingKeys
        if let unknown = settings.keys.first(where: { !known.contains($0) }) {
            throw BenchError(file: nil, "--corpus \(argument): unknown setting \"\(unknown)\" (known: \(known.sorted().joined(separator: ", ")))")
        }
        // A SemEval XML file has one kind of label: its aspect categories.
        let xmlKind = path.lowercased().hasSuffix(".xml") ? BenchLabelKind.topics.description : nil
        guard let kindText = settings["kind"] ?? value(defaults.labelKind) ?? xmlKind else {
            throw BenchError(file: nil, "--corpus \(path): give the label kind (--label-kind or kind=…), e.g. valence:-4..4")
        }
        let kind: BenchLabelKind
        switch BenchLabelKind.parse(kindText) {
        case .success(let parsed): kind = parsed
        case .failure(let error): throw BenchError(file: nil, "--corpus \(path): \(error.message)")
        }
        self.init(path: path, name: settings["name"], textColumn: settings["text"] ?? value(defaults.textColumn) ?? "text",
                  labelColumn: settings["label"] ?? value(defaults.labelColumn) ?? "label", kind: kind)
        header = settings["header"].map { $0 != "no" } ?? defaults.header
        quoting = settings["quote"].map { $0 != "no" }
        if let outside = settings["outside"] {
            guard outside == "skip" || outside == "stop" else { throw BenchError(file: nil, "--corpus \(path): outside=\(outside): expected skip or stop") }
            skipOutOfRange = outside == "skip"
        }
        if let rows = settings["rows"] {
            guard let parsed = BenchRowFilter(rawValue: rows) else { throw BenchError(file: nil, "--corpus \(path): rows=\(rows): expected all, odd or even") }
            self.rows = parsed
        }
        if let noTopic = settings["no-topic"] {
            noTopicLabels = Set(noTopic.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        }
        labelNames = settings["label-names"] ?? value(defaults.labelNames)
        labelMap = settings["label-map"] ?? value(defaults.labelMap)
        if let space = settings["space"] ?? value(defaults.emotionSpace) {
            guard let parsed = EmotionSpace(rawValue: space) else {
                throw BenchError(file: nil, "--corpus \(path): emotion space \"\(space)\": expected lexicon, ekman or plutchik")
            }
            emotionSpace = parsed
        }
    }
}
