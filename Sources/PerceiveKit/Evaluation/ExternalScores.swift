import Foundation

/// Scores computed elsewhere for a corpus's rows (`bench --predictions NAME=FILE`): one number
/// in −1 … 1 a line, in corpus order; an empty line or `null` is no value.
public struct ExternalScores: Sendable, Equatable {
    /// The name results are reported under.
    public var name: String
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// Parses a `--predictions NAME=FILE` argument.
    public init(parsing argument: String) throws(BenchError) {
        guard let equals = argument.firstIndex(of: "=") else { throw BenchError(file: nil, "--predictions \(argument): expected NAME=FILE") }
        self.init(name: String(argument[..<equals]), path: String(argument[argument.index(after: equals)...]))
    }

    /// Reads the file into a system for ``BenchRunner``, reported with the file's name as its source.
    public func load() throws(BenchError) -> BenchSystem {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw BenchError(file: nil, "\(path): cannot read the scores") }
        return .external(name: name, source: (path as NSString).lastPathComponent, scores: try Self.scores(in: text, path: path))
    }

    /// One score a line (the last line's newline optional); an empty line or `null` is no value.
    /// A problem names `path:line`.
    public static func scores(in text: String, path: String) throws(BenchError) -> [Double?] {
        if text.isEmpty { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        var scores: [Double?] = []
        scores.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            let cell = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if cell.isEmpty || cell.lowercased() == "null" { scores.append(nil); continue }
            guard let value = Double(cell), (-1...1).contains(value) else {
                throw BenchError(file: path, line: n + 1, "expected a score in -1…1, an empty line or null, found \"\(line)\"")
            }
            scores.append(value)
        }
        return scores
    }
}

extension BenchReport {
    /// The command line as a shell would take it back: arguments quoted where they need it.
    ///
    /// ```
    /// BenchReport.commandLine(["perceive", "bench", "--corpus", "my file.csv"])
    /// // perceive bench --corpus 'my file.csv'
    /// ```
    public static func commandLine(_ arguments: [String]) -> String {
        arguments.map(shellQuoted).joined(separator: " ")
    }

    /// `s` unchanged when it holds only safe characters, else in single quotes.
    public static func shellQuoted(_ s: String) -> String {
        if !s.isEmpty && s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,@+".contains($0) }) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
