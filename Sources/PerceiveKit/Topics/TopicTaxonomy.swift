import Synchronization

/// A topic taxonomy (`perceive-topics/1`, see `lexicons/README.md`): what a comment can be
/// about, each topic named by cue terms. Topics carry no scores of their own; a ``Scorer``
/// given a taxonomy finds its terms in each comment (``TopicMention``) and attributes the
/// comment's evidence to the topics mentioned near it (``TopicScore``).
///
/// ```swift
/// let topics = try TopicTaxonomy.standard()                    // embedded en-cx/topics.tsv
/// let mine = try TopicTaxonomy(contentsOfFile: "my-topics.tsv")
/// let both = try topics.adding(mine)                           // `--topics +my-topics.tsv`
/// let scorer = try Scorer(topics: both)
/// ```
///
/// Terms are tokenized, case-folded and NFKC-normalized like lexicon terms (typographic
/// apostrophes fold to `'`, a hyphen between two words is skipped), so "carry-on" and
/// "carry on", "don’t" and "don't" are the same term.
public struct TopicTaxonomy: Sendable {
    /// The `# topics:` header line's value ("en-cx"); `A+B` for a taxonomy with a file added.
    public let name: String
    /// The `# version:` header line's value.
    public let version: String
    /// Topic paths in order of first appearance ("service", "service/staff", …).
    public let topics: [String]
    /// Every cue term, in file order (the added file's after the base's).
    public let terms: [TopicTerm]

    init(name: String, version: String, topics: [String], terms: [TopicTerm]) {
        self.name = name
        self.version = version
        self.topics = topics
        self.terms = terms
    }

    /// The same taxonomy in memory of its own, paths included (the scoring threads copy the
    /// paths into their results: see ``Lexicon/detachedCopy()``).
    func detachedCopy() -> TopicTaxonomy {
        TopicTaxonomy(name: name, version: version, topics: topics.map { String(decoding: Array($0.utf8), as: UTF8.self) },
                      terms: terms.detachedCopy())
    }

    /// Number of terms per topic (same indices as ``topics``).
    public var termCounts: [Int] {
        var counts = [Int](repeating: 0, count: topics.count)
        for term in terms { counts[Int(term.topic)] += 1 }
        return counts
    }

    /// The index of the topic `path`, or nil.
    public func topicIndex(of path: String) -> Int? { topics.firstIndex(of: path) }

    /// This taxonomy with the topics and terms of `other` added (`--topics +FILE`): a path in
    /// both is one topic; a term in both (spelling variants that tokenize alike included) is
    /// refused, every such conflict reported at the added file's line with the first
    /// definition's location.
    ///
    /// - Complexity: O(n + m) in the two taxonomies' terms.
    public func adding(_ other: TopicTaxonomy) throws(TopicTaxonomyError) -> TopicTaxonomy {
        var byTokens: [[[UInt8]]: Int] = [:]
        for (index, term) in terms.enumerated() { byTokens[term.tokens] = index }
        var problems: [LexiconError] = []
        for term in other.terms {
            guard let existing = byTokens[term.tokens] else { continue }
            let first = terms[existing]
            problems.append(LexiconError(file: term.location.file, line: term.location.line, column: term.column,
                "term \"\(term.text)\" is also defined at \(first.location) (\"\(first.text)\", \(topics[Int(first.topic)])); "
                + "a term names one topic: leave it out of one of the files"))
        }
        if !problems.isEmpty { throw TopicTaxonomyError(file: other.terms.first?.location.file ?? other.name, problems: problems) }
        var paths = topics
        var added = terms
        for term in other.terms {
            var copy = term
            let path = other.topics[Int(term.topic)]
            if let index = paths.firstIndex(of: path) {
                copy.topic = Int32(index)
            } else {
                copy.topic = Int32(paths.count)
                paths.append(path)
            }
            added.append(copy)
        }
        return TopicTaxonomy(name: "\(name)+\(other.name)", version: version, topics: paths, terms: added)
    }
}

/// One cue term of a taxonomy.
public struct TopicTerm: Sendable {
    /// The term as written (spaces around it trimmed).
    public var text: String
    /// Index of its topic in ``TopicTaxonomy/topics``.
    public var topic: Int32
    /// The file and line that define it.
    public var location: SourceLocation
    /// The 1-based column of the term in its line, for messages.
    var column: Int
    /// The phrases in whose match the term names nothing.
    public var exclusions: [TopicExclusion]
    /// The folded tokens the term matches, joiner hyphens left out.
    var tokens: [[UInt8]]

    /// Number of tokens the term matches.
    public var tokenCount: Int { tokens.count }
}

/// An exclusion of a term: a phrase containing the term, in whose match the term does not count.
public struct TopicExclusion: Sendable {
    /// The phrase as written.
    public var text: String
    /// Its folded tokens, joiner hyphens left out.
    var tokens: [[UInt8]]
    /// The token positions in ``tokens`` where the term's tokens occur (at least one).
    var offsets: [Int]
}

/// The problems of a taxonomy file, each with its `file:line:column`, in file order.
public struct TopicTaxonomyError: Error, Equatable, CustomStringConvertible {
    /// The file (as named in the messages).
    public var file: String
    public var problems: [LexiconError]

    public init(file: String, problems: [LexiconError]) {
        self.file = file
        self.problems = problems
    }

    /// "N problems in FILE".
    public var count: String { "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file)" }

    /// The first problem, and how many more there are.
    public var description: String {
        guard let first = problems.first else { return "\(file): not a valid topic taxonomy" }
        guard problems.count > 1 else { return first.description }
        return "\(first) (and \(problems.count - 1) more problem\(problems.count == 2 ? "" : "s"); "
            + "'perceive topics validate \(file)' lists every one)"
    }
}

// MARK: The default taxonomy and the `--topics` option

extension TopicTaxonomy {
    /// The lexicon folder and file of the default taxonomy, embedded in the build.
    static let bundledLexicon = "en-cx", bundledFile = "topics.tsv"

    /// The default taxonomy: `lexicons/en-cx/topics.tsv`, embedded in the build (never read
    /// from the working directory), loaded once and cached.
    public static func standard() throws -> TopicTaxonomy {
        if let cached = cache.withLock({ $0 }) { return cached }
        guard let text = EmbeddedLexiconFiles.lexicons[bundledLexicon]?[bundledFile] else {
            throw TopicTaxonomyError(file: "embedded:\(bundledLexicon)/\(bundledFile)",
                                     problems: [LexiconError(file: "embedded:\(bundledLexicon)/\(bundledFile)", "not embedded in this build")])
        }
        let taxonomy = try TopicTaxonomy(parsing: text, file: "embedded:\(bundledLexicon)/\(bundledFile)")
        cache.withLock { $0 = taxonomy }
        return taxonomy
    }

    private static let cache = Mutex<TopicTaxonomy?>(nil)

    /// The taxonomy a `--topics` value names: nil (the option absent) is the default, `FILE`
    /// replaces it, `+FILE` is added to it (``adding(_:)``). With `disabled` (`--no-topics`)
    /// there is none, and a `--topics` value beside it is refused.
    ///
    /// ```swift
    /// try TopicTaxonomy.forOption(nil)                   // the default
    /// try TopicTaxonomy.forOption("+mine.tsv")           // the default and mine.tsv
    /// try TopicTaxonomy.forOption(nil, disabled: true)   // nil
    /// ```
    public static func forOption(_ option: String?, disabled: Bool = false) throws -> TopicTaxonomy? {
        if disabled {
            guard let option else { return nil }
            throw LexiconOptionError("--topics \(option) and --no-topics: give one of them")
        }
        guard let option else { return try standard() }
        if option.hasPrefix("+") {
            let path = String(option.dropFirst())
            guard !path.isEmpty else { throw LexiconOptionError("--topics +: expected a file after the +") }
            return try standard().adding(TopicTaxonomy(contentsOfFile: path))
        }
        guard !option.isEmpty else { throw LexiconOptionError("--topics: expected a file, or +FILE to add one to the default") }
        return try TopicTaxonomy(contentsOfFile: option)
    }
}
