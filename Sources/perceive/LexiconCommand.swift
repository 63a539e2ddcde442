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

        /// `--on-duplicate` (nil: the format's convention).
        func policy() throws -> DuplicatePolicy? { try onDuplicate.map(DuplicatePolicy.init(option:)) }

        /// `--category-map` (see ``ImportOptions/init(categoryMapFile:)``).
        func options() throws -> ImportOptions { try ImportOptions(categoryMapFile: categoryMap) }

        /// The import's notes on stderr: the first five, or every one with `--verbose`.
        func report(_ notes: [ImportNote]) {
            if !notes.isEmpty { Stderr.write(ImportNote.report(notes, verbose: verbose)) }
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert third-party lexicon files into a native lexicon folder.",
            discussion: "Formats: \(LexiconFormat.importFormats.map(\.rawValue).joined(separator: ", ")). Without --from the format is recognized from the files.")

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
            let conversion = try LexiconConversion(inputs: inputs, format: from.map(LexiconFormat.init(importOption:)),
                                                   output: output, name: name, overwrite: force)
            let result = try conversion.write(version: version, license: license, duplicatePolicy: flags.policy(), options: flags.options())
            flags.report(result.notes)
            try OutputSink.write(result.description + "\n")
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
            do { try LexiconValidation.checkFolder(lexicon) } catch let error as LexiconProblems {
                Stderr.write(error.problems.map { "perceive: \($0)\n" }.joined())
                throw CLIError.input(error.description)
            }
            let loaded = try LexiconReference(parsing: lexicon).load(duplicatePolicy: flags.policy(), options: flags.options())
            flags.report(loaded.notes)
            try OutputSink.write(LexiconValidation.summary(loaded) + "\n")
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
            try OutputSink.write(format == .table ? stats.table() : stats.json(format: loaded.format) + "\n")
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
            let sink = try OutputSink(path: nil)
            var missing = 0
            for term in terms {
                let (line, found) = try loaded.lookup(term)
                if !found { missing += 1 }
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
            try OutputSink.write(LexiconFormat.allCases.map { $0.overviewLine + "\n" }.joined())
        }
    }
}
