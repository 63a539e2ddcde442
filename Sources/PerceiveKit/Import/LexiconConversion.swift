import Foundation

/// `perceive lexicon convert`: third-party lexicon files imported (``ImportedLexicon``), loaded
/// through the native loader (which drops, with a note, what it refuses), and written as a
/// native `perceive-lexicon/1` folder holding exactly the files that loaded.
///
/// Making a conversion checks the output folder and finds and recognizes the input files;
/// ``write(version:license:duplicatePolicy:options:)`` imports and writes them.
///
/// ```swift
/// let conversion = try LexiconConversion(inputs: ["AFINN-en-165.txt"], output: "lexicons/afinn")
/// let result = try conversion.write(license: "ODbL-1.0")
/// result.description   // "wrote lexicons/afinn: afinn from afinn, 3382 scored terms (…"
/// ```
public struct LexiconConversion: Sendable {
    /// The files to import (a folder's lexicon-like files, see ``LexiconReference/files(in:)``).
    public let files: [String]
    public let format: LexiconFormat
    /// The folder to write.
    public let output: String
    /// The lexicon's name.
    public let name: String

    /// - Parameters:
    ///   - inputs: files or folders of third-party files.
    ///   - format: the files' format (default: recognized from their content).
    ///   - output: the folder to write (made if missing).
    ///   - name: the lexicon's name (default: the output folder's name).
    ///   - overwrite: whether an output folder that already holds a lexicon (a `manifest.json`)
    ///     may be written over; without it, that is an error.
    public init(inputs: [String], format: LexiconFormat? = nil, output: String, name: String? = nil, overwrite: Bool = false) throws {
        let trimmed = output.hasSuffix("/") ? String(output.dropLast()) : output
        self.name = name ?? (trimmed as NSString).lastPathComponent
        self.output = output
        if FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent("manifest.json")) && !overwrite {
            throw LexiconError(file: output, "already holds a lexicon (--force overwrites it)")
        }
        files = try LexiconReference.files(in: inputs)
        self.format = try format ?? LexiconReference.recognizeFiles(files)
    }

    /// What a conversion wrote.
    public struct Result: Sendable, CustomStringConvertible {
        public var output: String
        public var name: String
        public var format: LexiconFormat
        public var statistics: LexiconStatistics
        /// What the import noticed and worked around, with where.
        public var notes: [ImportNote]

        /// The line `lexicon convert` prints: "wrote OUTPUT: NAME from FORMAT, N scored terms
        /// (P phrases), S shifters, E with named emotions; K notes".
        public var description: String {
            "wrote \(output): \(name) from \(format.rawValue), \(statistics.scoredTerms) scored terms (\(statistics.phrases) phrases), "
                + "\(statistics.shifterCount) shifters, \(statistics.termsWithEmotions) with named emotions; \(notes.count) notes"
        }
    }

    /// Imports the files, loads them as a native lexicon, and writes its files into ``output``
    /// (each atomically, in path order).
    ///
    /// - Parameters:
    ///   - version: the lexicon's version (the manifest's and the files' headers).
    ///   - license: the license line of the files' headers (the source's license).
    ///   - duplicatePolicy: what to do with a term listed twice (default: the format's convention).
    public func write(version: String = "imported", license: String = "see the source",
                      duplicatePolicy: DuplicatePolicy? = nil, options: ImportOptions = ImportOptions()) throws -> Result {
        var imported = try format.read(paths: LexiconReference.orderFiles(files, format), name: name,
                                       duplicatePolicy: duplicatePolicy, options: options)
        imported.version = version
        imported.license = license
        let lexicon = try imported.lexicon()
        let nativeFiles = try imported.nativeFiles()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for (path, text) in nativeFiles.sorted(by: { $0.key < $1.key }) {
            let full = (output as NSString).appendingPathComponent(path)
            do { try text.write(toFile: full, atomically: true, encoding: .utf8) } catch {
                throw LexiconError(file: full, "cannot write (\(error.localizedDescription))")
            }
        }
        return Result(output: output, name: name, format: format, statistics: LexiconStatistics(lexicon), notes: imported.notes)
    }
}
