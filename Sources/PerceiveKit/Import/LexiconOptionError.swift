import Foundation

/// A `--lexicon` (or `--vader-emoji`, `--from`, `--on-duplicate`) value that names no usable
/// lexicon, format or policy: the message says what was expected (a usage error for the
/// executable).
public struct LexiconOptionError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension LexiconReference {
    /// The lexicon a scoring command's `--lexicon` names: an embedded one by name, a lexicon
    /// folder (with a `manifest.json`), or third-party files — `NAME=[FORMAT:]PATH`, or a
    /// readable file — imported with their format's defaults.
    public static func lexicon(forOption argument: String) throws -> Lexicon {
        if BundledLexicons.names.contains(argument) { return try BundledLexicons.lexicon(named: argument) }
        let fm = FileManager.default
        if argument.contains("=") || fm.isReadableFile(atPath: argument) && !fm.fileExists(atPath: argument + "/manifest.json") {
            return try LexiconReference(parsing: argument).load().lexicon
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LexiconOptionError("--lexicon \(argument): neither an embedded lexicon (\(BundledLexicons.names.joined(separator: ", "))) nor a lexicon folder")
        }
        return try LexiconLoader.load(directory: argument)
    }
}

extension DuplicatePolicy {
    /// Parses an `--on-duplicate` value (`refuse`, `first`, `last` or `mean`).
    ///
    /// ```
    /// try DuplicatePolicy(option: "mean")   // .mean
    /// try DuplicatePolicy(option: "keep")   // LexiconOptionError: "--on-duplicate keep: expected one of refuse, first, last, mean"
    /// ```
    public init(option value: String) throws(LexiconOptionError) {
        guard let policy = DuplicatePolicy(rawValue: value) else {
            throw LexiconOptionError("--on-duplicate \(value): expected one of \(DuplicatePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = policy
    }
}

extension LexiconFormat {
    /// The formats a third-party file can be in (every format but ``native``).
    public static var importFormats: [LexiconFormat] { allCases.filter { $0 != .native } }

    /// Parses `lexicon convert --from`: one of ``importFormats``.
    public init(importOption value: String) throws(LexiconOptionError) {
        guard let format = LexiconFormat(rawValue: value), format != .native else {
            throw LexiconOptionError("--from \(value): expected one of \(Self.importFormats.map(\.rawValue).joined(separator: ", "))")
        }
        self = format
    }
}
