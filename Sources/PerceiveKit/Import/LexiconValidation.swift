import Foundation

/// `perceive lexicon validate`: every problem of a lexicon folder, and the line that says a
/// lexicon loaded.
public enum LexiconValidation {
    /// Checks a lexicon folder (a path holding a `manifest.json`) row by row with
    /// ``LexiconLoader/problems(in:tokenizer:)``, so that a bad row does not hide the rows after
    /// it: one problem is thrown as itself, several as ``LexiconProblems``. Any other argument
    /// (an embedded name, `NAME=PATH`) is left to ``LexiconReference/load(duplicatePolicy:options:)``.
    public static func checkFolder(_ argument: String) throws {
        guard FileManager.default.fileExists(atPath: (argument as NSString).appendingPathComponent("manifest.json")) else { return }
        let problems = LexiconLoader.problems(in: DirectoryLexiconSource(directory: argument))
        if problems.count == 1 { throw problems[0] }
        if problems.count > 1 { throw LexiconProblems(lexicon: argument, problems: problems) }
    }

    /// The line `lexicon validate` prints for a lexicon that loaded: "ok: NAME VERSION
    /// (FORMAT): N scored terms, P phrases, S shifters, C cues".
    public static func summary(_ loaded: LexiconReference.Loaded) -> String {
        let stats = LexiconStatistics(loaded.lexicon)
        return "ok: \(loaded.lexicon.name) \(loaded.lexicon.version) (\(loaded.format.rawValue)): \(stats.scoredTerms) scored terms, "
            + "\(stats.phrases) phrases, \(stats.shifterCount) shifters, \(stats.cueCount) cues"
    }
}

/// The problems of a lexicon folder that has more than one, each with its `file:line:column`.
public struct LexiconProblems: Error, Equatable, CustomStringConvertible {
    /// The folder.
    public var lexicon: String
    /// In file order.
    public var problems: [LexiconError]

    public init(lexicon: String, problems: [LexiconError]) {
        self.lexicon = lexicon
        self.problems = problems
    }

    /// "N problems in FOLDER" (the problems themselves are in ``problems``).
    public var description: String { "\(problems.count) problems in \(lexicon)" }
}
