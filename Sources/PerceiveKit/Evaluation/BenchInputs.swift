/// What `perceive bench` reads besides the corpora: the lexicons to compare, and the texts it
/// exports for scoring elsewhere.
extension LexiconReference {
    /// The lexicons of `bench --lexicon ARG …`, loaded in order (imports with
    /// `duplicatePolicy`, default: each format's convention). A lexicon named like one before it
    /// is refused before it loads (give it a name with `NAME=PATH`). For each lexicon whose
    /// import noticed something, `noted` receives ``ImportNote/count(of:argument:)``'s line as
    /// soon as it has loaded.
    public static func loadAll(_ arguments: [String], duplicatePolicy: DuplicatePolicy? = nil,
                               noted: (String) -> Void = { _ in }) throws -> [Loaded] {
        var loaded: [Loaded] = []
        for argument in arguments {
            let reference = LexiconReference(parsing: argument)
            guard !loaded.contains(where: { $0.name == reference.name }) else {
                throw LexiconOptionError("--lexicon \(argument): two lexicons are named \(reference.name); name them with NAME=PATH")
            }
            let lexicon = try reference.load(duplicatePolicy: duplicatePolicy)
            if !lexicon.notes.isEmpty { noted(ImportNote.count(of: lexicon, argument: argument)) }
            loaded.append(lexicon)
        }
        return loaded
    }
}

extension BenchCorpus {
    /// The corpus's texts as JSON Lines, `{"text":…}` each, in corpus order (`bench
    /// --export-texts`): to score elsewhere and read back with `--predictions`.
    public var textsAsJSONLines: [String] { texts.map { "{\"text\":\(JSONText.string($0))}" } }
}
