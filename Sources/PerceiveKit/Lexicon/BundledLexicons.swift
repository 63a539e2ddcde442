/// The lexicons embedded in the build (from `lexicons/` at build time).
public enum BundledLexicons {
    /// Names of the embedded lexicons.
    public static var names: [String] { EmbeddedLexiconFiles.lexicons.keys.sorted() }

    /// The embedded lexicon `name`, loaded once and cached.
    public static func lexicon(named name: String) throws -> Lexicon {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        guard let files = EmbeddedLexiconFiles.lexicons[name] else {
            throw LexiconError(file: name, "no embedded lexicon of that name (embedded: \(names.joined(separator: ", ")))")
        }
        let lexicon = try LexiconLoader.load(from: InMemoryLexiconSource(displayName: "embedded:\(name)", files: files))
        cache.withLock { $0[name] = lexicon }
        return lexicon
    }

    /// A fresh load of the embedded lexicon `name`, sharing no storage with the cached one:
    /// for a scoring thread of its own, since threads reading one lexicon contend on the
    /// reference counts of its arrays.
    public static func uncachedLexicon(named name: String) throws -> Lexicon {
        guard let files = EmbeddedLexiconFiles.lexicons[name] else { return try lexicon(named: name) }
        return try LexiconLoader.load(from: InMemoryLexiconSource(displayName: "embedded:\(name)", files: files))
    }

    /// The default English customer-experience lexicon, `en-cx`.
    public static func english() throws -> Lexicon { try lexicon(named: "en-cx") }

    private static let cache = Mutex<[String: Lexicon]>([:])
}

import Synchronization
