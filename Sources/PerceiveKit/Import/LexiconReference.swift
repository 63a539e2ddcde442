import Foundation

/// How a command names a lexicon: `en-cx` (embedded), `path/to/folder` (native folder),
/// `NAME=PATH[,PATH…]` (files in any format, recognized from their content, or a folder), or
/// `NAME=FORMAT:PATH[,PATH…]` to give the format.
///
/// ```
/// --lexicon en-cx
/// --lexicon vader=shared/lexicons/vader/vader_lexicon.txt
/// --lexicon huliu=shared/lexicons/hu_liu_opinion_lexicon          (a folder of lists)
/// --lexicon jr=sentimentr-csv:hash_sentiment_jockers_rinker.csv,hash_valence_shifters.csv
/// ```
public struct LexiconReference: Sendable, Equatable {
    /// The name results are reported under.
    public var name: String
    /// Files or one folder; empty for an embedded lexicon.
    public var paths: [String]
    public var format: LexiconFormat?

    public init(name: String, paths: [String], format: LexiconFormat? = nil) {
        self.name = name
        self.paths = paths
        self.format = format
    }

    /// Parses a `--lexicon` argument.
    public init(parsing argument: String) {
        if BundledLexicons.names.contains(argument) {
            self.init(name: argument, paths: [])
            return
        }
        guard let equals = argument.firstIndex(of: "="), !FileManager.default.fileExists(atPath: argument) else {
            let trimmed = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            self.init(name: (trimmed as NSString).lastPathComponent, paths: [argument])
            return
        }
        let name = String(argument[..<equals])
        var rest = String(argument[argument.index(after: equals)...])
        var format: LexiconFormat?
        if let colon = rest.firstIndex(of: ":"), let given = LexiconFormat(rawValue: String(rest[..<colon])) {
            format = given
            rest = String(rest[rest.index(after: colon)...])
        }
        self.init(name: name, paths: rest.split(separator: ",").map(String.init), format: format)
    }

    /// A loaded lexicon with what the import noticed.
    public struct Loaded: Sendable {
        public var name: String
        public var lexicon: Lexicon
        public var format: LexiconFormat
        public var paths: [String]
        public var notes: [ImportNote]
        /// For imported lexicons: where each term came from in the third-party files (the
        /// entries' own locations point into the converted files), by ``originalLocation(of:)``.
        var importedLocations: [String: SourceLocation] = [:]

        /// The line of the third-party file that defined `entry`, for an imported lexicon.
        public func originalLocation(of entry: LexiconEntry) -> SourceLocation? {
            importedLocations[ImportedLexicon.key(entry.term)]
        }
    }

    /// Loads the lexicon, importing third-party files through ``ImportedLexicon``.
    public func load(duplicatePolicy: DuplicatePolicy? = nil, options: ImportOptions = ImportOptions()) throws -> Loaded {
        if paths.isEmpty {
            return Loaded(name: name, lexicon: try BundledLexicons.lexicon(named: name), format: .native, paths: [], notes: [])
        }
        if paths.count == 1, FileManager.default.fileExists(atPath: (paths[0] as NSString).appendingPathComponent("manifest.json")) {
            return Loaded(name: name, lexicon: try LexiconLoader.load(directory: paths[0]), format: .native, paths: paths, notes: [])
        }
        let files = try Self.files(in: paths)
        let format = try self.format ?? Self.recognizeFiles(files, hint: LexiconFormat(rawValue: name))
        var imported = try format.read(paths: Self.orderFiles(files, format), name: name, duplicatePolicy: duplicatePolicy, options: options)
        let lexicon = try imported.lexicon()
        var loaded = Loaded(name: name, lexicon: lexicon, format: format, paths: files, notes: imported.notes)
        for term in imported.terms { loaded.importedLocations[ImportedLexicon.key(term.term)] = term.location }
        return loaded
    }

    /// The files to import: each path that is a file, and the lexicon-like files of each
    /// folder (not READMEs, licenses or source notes), in name order.
    public static func files(in paths: [String]) throws(LexiconError) -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LexiconError(file: path, "no such file or folder (expected an embedded lexicon name: \(BundledLexicons.names.joined(separator: ", ")), a lexicon folder, or NAME=FILE)")
            }
            if isDirectory.boolValue {
                if fm.fileExists(atPath: (path as NSString).appendingPathComponent("manifest.json")) {
                    throw LexiconError(file: path, "a native lexicon folder must be given alone")
                }
                let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? []
                files += contents.sorted().map { (path as NSString).appendingPathComponent($0) }.filter { candidate in
                    var dir: ObjCBool = false
                    return fm.fileExists(atPath: candidate, isDirectory: &dir) && !dir.boolValue && Self.lexiconLike(candidate)
                }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else {
            // A folder without a manifest is most often a native lexicon folder missing it.
            throw LexiconError(file: paths.joined(separator: ","), "no lexicon files found: no manifest.json (which a native lexicon "
                               + "folder needs, naming its files) and no third-party lexicon files (.txt, .tsv, .csv)")
        }
        return files
    }

    /// VADER's lexicon before its emoji file (emoji take their words' valence).
    public static func orderFiles(_ files: [String], _ format: LexiconFormat) -> [String] {
        guard format == .vader else { return files }
        return files.filter { !$0.lowercased().contains("emoji") } + files.filter { $0.lowercased().contains("emoji") }
    }

    /// Files in a folder worth trying: not READMEs, licenses, citations or source notes.
    static func lexiconLike(_ path: String) -> Bool {
        let base = (path as NSString).lastPathComponent.lowercased()
        let skip = ["readme", "license", "licence", "copying", "copyright", "citation", "source", "notice", "changelog"]
        return !base.hasPrefix(".") && !skip.contains { base.hasPrefix($0) }
            && (base.hasSuffix(".txt") || base.hasSuffix(".tsv") || base.hasSuffix(".csv") || !base.contains("."))
    }

    /// The one format all `files` are in.
    public static func recognizeFiles(_ files: [String], hint: LexiconFormat? = nil) throws -> LexiconFormat {
        var found: [(String, LexiconFormat)] = []
        for file in files {
            var notes: [ImportNote] = []
            let text = try ImportText.read(file, notes: &notes)
            var format = LexiconFormat.recognize(text: text, path: file)
            if format == nil, hint == .vader, (file as NSString).lastPathComponent.lowercased().contains("emoji") { format = .vader }
            guard let format else {
                throw LexiconError(file: file, line: 1, "cannot tell the lexicon format; give it as NAME=FORMAT:PATH (formats: \(LexiconFormat.importFormats.map(\.rawValue).joined(separator: ", ")))")
            }
            found.append((file, format))
        }
        let formats = Set(found.map(\.1))
        if formats.count == 1 { return formats.first! }
        // AFINN's emoticon list next to a VADER file and the like: a name that is a format decides.
        if let hint, formats.contains(hint) { return hint }
        throw LexiconError(file: files[0], "these files are in different formats (\(found.map { "\(($0.0 as NSString).lastPathComponent): \($0.1.rawValue)" }.joined(separator: ", "))); give the format as NAME=FORMAT:PATH")
    }
}
