import ArgumentParser
import Foundation
import PerceiveKit

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Convert, validate, describe and search lexicons.",
        subcommands: [Convert.self, Validate.self, Stats.self, Lookup.self, Formats.self]
    )

    /// Options of the commands that read a lexicon in any format.
    struct ImportFlags: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("What to do with a term listed twice: refuse, first, last or mean (default: the format's convention, see 'perceive lexicon formats').", valueName: "policy"))
        var onDuplicate: String?

        @Option(name: .long, help: ArgumentHelp("JSON file mapping NRC categories to the lexicon's ({\"fear\": \"anxiety\", \"anticipation\": null, …}); its entries replace those of the built-in map.", valueName: "file"))
        var categoryMap: String?

        @Flag(name: .long, help: "List every note of the import (duplicates, skipped lines), not only their number.")
        var verbose = false

        func policy() throws -> DuplicatePolicy? {
            guard let onDuplicate else { return nil }
            guard let policy = DuplicatePolicy(rawValue: onDuplicate) else {
                throw CLIError.input("--on-duplicate \(onDuplicate): expected one of \(DuplicatePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return policy
        }

        func options() throws -> ImportOptions {
            var options = ImportOptions()
            if let categoryMap {
                guard let data = FileManager.default.contents(atPath: categoryMap),
                      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw CLIError.input("\(categoryMap): expected a JSON object {\"nrc category\": \"our category\" or null}")
                }
                var map = NRCEmoLexLexiconFormat.defaultCategoryMap
                for (key, value) in object { map[key.lowercased()] = .some(value as? String) }
                options.nrcCategoryMap = map
            }
            return options
        }

        func report(_ notes: [ImportNote]) {
            guard !notes.isEmpty else { return }
            var text = ""
            if verbose {
                for note in notes { text += "perceive: note: \(note)\n" }
            } else {
                for note in notes.prefix(5) { text += "perceive: note: \(note)\n" }
                if notes.count > 5 { text += "perceive: … and \(notes.count - 5) more notes (--verbose lists them)\n" }
            }
            Stderr.write(text)
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert third-party lexicon files into a native lexicon folder.",
            discussion: "Formats: \(LexiconFormat.allCases.filter { $0 != .native }.map(\.rawValue).joined(separator: ", ")). Without --from the format is recognized from the files.")

        @Option(name: .long, help: ArgumentHelp("Input format (default: recognized from the files).", valueName: "format"))
        var from: String?

        @Argument(help: "The input files (Hu & Liu: both lists; sentimentr-csv: polarity and shifter tables; vader: lexicon, then emoji file).")
        var inputs: [String]

        @Option(name: [.short, .long], help: ArgumentHelp("The lexicon folder to write.", valueName: "dir"))
        var output: String

        @Option(name: .long, help: "The lexicon's name (default: the output folder's name).")
        var name: String?

        @Option(name: .long, help: "The lexicon's version.")
        var version = "imported"

        @Option(name: .long, help: "The license line for the files' headers (the source's license).")
        var license = "see the source"

        @Flag(name: .long, help: "Overwrite files in an existing output folder.")
        var force = false

        @OptionGroup var flags: ImportFlags

        func run() throws {
            var format: LexiconFormat?
            if let from {
                guard let given = LexiconFormat(rawValue: from), given != .native else {
                    throw CLIError.input("--from \(from): expected one of \(LexiconFormat.allCases.filter { $0 != .native }.map(\.rawValue).joined(separator: ", "))")
                }
                format = given
            }
            let trimmed = output.hasSuffix("/") ? String(output.dropLast()) : output
            let name = self.name ?? (trimmed as NSString).lastPathComponent
            let fm = FileManager.default
            if fm.fileExists(atPath: (output as NSString).appendingPathComponent("manifest.json")) && !force {
                throw CLIError.input("\(output): already holds a lexicon (--force overwrites it)")
            }
            // Import, load through the native loader (dropping what it refuses), then write
            // exactly the files that loaded.
            let files = try LexiconReference.files(in: inputs)
            let resolvedFormat = try format ?? LexiconReference.recognizeFiles(files)
            var imported = try resolvedFormat.read(paths: LexiconReference.orderFiles(files, resolvedFormat), name: name,
                                                   duplicatePolicy: try flags.policy(), options: try flags.options())
            imported.version = version
            imported.license = license
            let lexicon = try imported.lexicon()
            let nativeFiles = try imported.nativeFiles()
            try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (path, text) in nativeFiles.sorted(by: { $0.key < $1.key }) {
                let full = (output as NSString).appendingPathComponent(path)
                do { try text.write(toFile: full, atomically: true, encoding: .utf8) } catch {
                    throw CLIError.input("\(full): cannot write (\(error.localizedDescription))")
                }
            }
            flags.report(imported.notes)
            let stats = LexiconStatistics(lexicon)
            let sink = try OutputSink(path: nil)
            try sink.line("wrote \(output): \(name) from \(resolvedFormat.rawValue), \(stats.scoredTerms) scored terms (\(stats.phrases) phrases), \(stats.shifters.map(\.count).reduce(0, +)) shifters, \(stats.termsWithEmotions) with named emotions; \(imported.notes.count) notes")
            try sink.finish()
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a lexicon folder (or third-party files, NAME=PATH) and report file:line problems (every one, for a folder); exit 2 on a problem.")

        @Argument(help: ArgumentHelp("A lexicon folder, an embedded lexicon name, or NAME=[FORMAT:]PATH.", valueName: "lexicon"))
        var lexicon: String

        @OptionGroup var flags: ImportFlags

        func run() throws {
            // A lexicon folder: every problem, not only the first (a row's problem does not stop
            // the check of the rows after it).
            if FileManager.default.fileExists(atPath: (lexicon as NSString).appendingPathComponent("manifest.json")) {
                let problems = LexiconLoader.problems(in: DirectoryLexiconSource(directory: lexicon))
                if problems.count == 1 { throw CLIError.input("\(problems[0])") }
                if problems.count > 1 {
                    Stderr.write(problems.map { "perceive: \($0)\n" }.joined())
                    throw CLIError.input("\(problems.count) problems in \(lexicon)")
                }
            }
            let loaded = try LexiconReference(parsing: lexicon).load(duplicatePolicy: flags.policy(), options: flags.options())
            flags.report(loaded.notes)
            let stats = LexiconStatistics(loaded.lexicon)
            let sink = try OutputSink(path: nil)
            try sink.line("ok: \(loaded.lexicon.name) \(loaded.lexicon.version) (\(loaded.format.rawValue)): \(stats.scoredTerms) scored terms, \(stats.phrases) phrases, \(stats.shifters.map(\.count).reduce(0, +)) shifters, \(stats.cues.map(\.count).reduce(0, +)) cues")
            try sink.finish()
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Counts per dimension, phrases, named emotions per category, shifters and cues by kind.")

        @Argument(help: ArgumentHelp("An embedded lexicon name, a lexicon folder, or NAME=[FORMAT:]PATH.", valueName: "lexicon"))
        var lexicon: String

        @Option(name: .long, help: "Output format: table or json.")
        var format: TableOrJSON = .table

        @OptionGroup var flags: ImportFlags

        func run() throws {
            let loaded = try LexiconReference(parsing: lexicon).load(duplicatePolicy: flags.policy(), options: flags.options())
            flags.report(loaded.notes)
            let stats = LexiconStatistics(loaded.lexicon)
            let sink = try OutputSink(path: nil)
            switch format {
            case .table:
                let width = stats.lines.map(\.0.count).max() ?? 0
                for (label, value) in stats.lines {
                    try sink.line(label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value)
                }
            case .json:
                func pair(_ p: (positive: Int, negative: Int)) -> String { "{\"positive\":\(p.positive),\"negative\":\(p.negative)}" }
                var json = "{\"name\":\(JSONText.string(stats.name)),\"version\":\(JSONText.string(stats.version)),\"format\":\"\(loaded.format.rawValue)\""
                json += ",\"scoredTerms\":\(stats.scoredTerms),\"singleWords\":\(stats.singleWords),\"phrases\":\(stats.phrases)"
                json += ",\"valence\":\(pair(stats.valence)),\"effort\":\(pair(stats.effort)),\"success\":\(pair(stats.success))"
                json += ",\"termsWithEmotions\":\(stats.termsWithEmotions)"
                json += ",\"emotions\":{" + stats.emotions.map { "\(JSONText.string($0.name)):\($0.count)" }.joined(separator: ",") + "}"
                json += ",\"shifters\":{" + stats.shifters.map { "\"\($0.kind.rawValue)\":\($0.count)" }.joined(separator: ",") + "}"
                json += ",\"cues\":{" + stats.cues.map { "\"\($0.kind.rawValue)\":\($0.count)" }.joined(separator: ",") + "}}"
                try sink.line(json)
            }
            try sink.finish()
        }
    }

    enum TableOrJSON: String, ExpressibleByArgument { case table, json }

    struct Lookup: ParsableCommand, RowCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the lexicon entry for a term, with the file and line that define it.")

        @Argument(help: ArgumentHelp("An embedded lexicon name, a lexicon folder, or NAME=[FORMAT:]PATH.", valueName: "lexicon"))
        var lexicon: String

        @Argument(help: "The terms to look up (each argument is one term, e.g. \"on hold\").")
        var terms: [String]

        @OptionGroup var flags: ImportFlags

        mutating func run() throws { _ = try runReturningStatus() }

        /// Exit status 1 when a term is not in the lexicon.
        mutating func runReturningStatus() throws -> Int32 {
            let loaded = try LexiconReference(parsing: lexicon).load(duplicatePolicy: flags.policy(), options: flags.options())
            let lexicon = loaded.lexicon
            let sink = try OutputSink(path: nil)
            var missing = 0
            for term in terms {
                guard let entry = try LexiconLookup.entry(term, in: lexicon) else {
                    missing += 1
                    try sink.line("\(term): not in \(lexicon.name)")
                    continue
                }
                var line = LexiconLookup.describe(entry, in: lexicon)
                if let original = loaded.originalLocation(of: entry) { line += "  from \(original)" }
                try sink.line(line)
            }
            try sink.finish()
            return missing > 0 ? ExitStatus.rowErrors : ExitStatus.success
        }
    }

    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the lexicon formats, how each maps its scale to −1 … 1, and its duplicate handling.")

        func run() throws {
            let sink = try OutputSink(path: nil)
            for format in LexiconFormat.allCases {
                try sink.line(format.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + "duplicates: \(format.defaultDuplicatePolicy.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))" + format.mapping)
            }
            try sink.finish()
        }
    }
}
