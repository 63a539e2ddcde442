import ArgumentParser
import Foundation
import PerceiveKit

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Compare lexicons on labeled corpora: coverage, correlations, sign accuracy, F1, MARE, AUC, with bootstrap intervals and paired tests.",
        discussion: """
            Every lexicon runs through the same Perceive rules, so the comparison is of lexicons. \
            A corpus is PATH or PATH,key=value,… with keys name, text, label, kind, header (yes/no), \
            quote (yes/no), label-names, label-map, space (lexicon/ekman/plutchik), outside (stop/skip: a label \
            outside the declared range stops the run, or leaves its row out), rows (all/odd/even: only the \
            odd or even data rows, numbered from 1 after the header, e.g. one half of cx-real-dev, whose ids \
            follow its rows); the options below give the same settings for every corpus (once) or for each \
            corpus in turn (repeated once per corpus). \
            Label kinds: valence:-4..4, effort:ordinal:1..5, valence:binary, valence:3class, emotion, emotions, \
            and effort:nocue:-1..1 or success:nocue:-1..1, where an empty label cell means "no cue" (the row is \
            kept; measured by r where both have a value, r0 with a missing score as 0, and detection \
            precision/recall/F1 of having a value). Elsewhere an empty or NA label leaves its row out.
            """
    )

    @Option(name: .long, help: ArgumentHelp("A lexicon: embedded name, lexicon folder, or NAME=[FORMAT:]PATH[,PATH…] (repeat for several; default en-cx).", valueName: "lexicon"))
    var lexicon: [String] = []

    @Option(name: .long, help: ArgumentHelp("Scores computed elsewhere for the same rows: NAME=FILE, one number in -1…1 a line in corpus order (see --export-texts); an empty line or null = no value.", valueName: "name=file"))
    var predictions: [String] = []

    @Option(name: .long, help: ArgumentHelp("A labeled corpus (CSV, TSV or JSONL), optionally with its settings: PATH,key=value,…", valueName: "spec"))
    var corpus: [String] = []

    @Option(name: .long, help: ArgumentHelp("Text column: name or 1-based number (JSONL: key).", valueName: "column"))
    var textColumn: [String] = []

    @Option(name: .long, help: ArgumentHelp("Label column: name or 1-based number.", valueName: "column"))
    var labelColumn: [String] = []

    @Option(name: .long, help: ArgumentHelp("What the label means: valence:-4..4, effort:ordinal:1..5, success:nocue:-1..1 (empty = no cue), success:binary, valence:3class, emotion, emotions.", valueName: "kind"))
    var labelKind: [String] = []

    @Option(name: .long, help: ArgumentHelp("Emotion labels: file of label names, one a line; numeric labels index it from 0.", valueName: "file"))
    var labelNames: [String] = []

    @Option(name: .long, help: ArgumentHelp("Emotion labels: JSON map from corpus labels to the evaluation labels.", valueName: "file"))
    var labelMap: [String] = []

    @Option(name: .long, help: ArgumentHelp("Emotion labels are compared as: lexicon (its categories), ekman or plutchik.", valueName: "space"))
    var emotionSpace: [String] = []

    @Flag(name: .long, help: "The corpus files have no header row (give column numbers).")
    var noHeader = false

    @Option(name: .long, help: "Output format: table, markdown, csv or json.")
    var format: BenchFormat = .table

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "Seed of the bootstrap resamples.")
    var seed: UInt64 = BenchParameters.standard.seed

    @Option(name: .long, help: "Number of bootstrap resamples.")
    var bootstrap: Int = BenchParameters.standard.bootstrapSamples

    @Option(name: .long, help: "Intensity from which a named emotion counts as predicted.")
    var emotionThreshold: Double = BenchParameters.standard.emotionThreshold

    @Option(name: .long, help: ArgumentHelp("Write the labeled texts of the corpus as JSON lines ({\"text\": …}), for scoring elsewhere, and stop.", valueName: "file"))
    var exportTexts: String?

    @Option(name: .long, help: ArgumentHelp("Duplicate terms in imported lexicons: refuse, first, last or mean (default: the format's convention).", valueName: "policy"))
    var onDuplicate: String?

    @Flag(name: .long, help: "Print the bench's parameters (BenchParameters, with the options' values) and stop.")
    var printParameters = false

    enum BenchFormat: String, ExpressibleByArgument { case table, markdown, csv, json }

    func validate() throws {
        if printParameters { return }
        if corpus.isEmpty { throw ValidationError("give at least one --corpus") }
        for (name, values) in [("--text-column", textColumn), ("--label-column", labelColumn), ("--label-kind", labelKind),
                               ("--label-names", labelNames), ("--label-map", labelMap), ("--emotion-space", emotionSpace)]
        where values.count > 1 && values.count != corpus.count {
            throw ValidationError("\(name) is given \(values.count) times for \(corpus.count) corpora: give it once (for all) or once per corpus")
        }
        if bootstrap < 1 { throw ValidationError("--bootstrap must be at least 1") }
    }

    /// The `--corpus` arguments with the per-corpus options (usage errors: exit 2).
    func specs() throws -> [BenchCorpusSpec] {
        var defaults = BenchCorpusDefaults()
        (defaults.textColumn, defaults.labelColumn, defaults.labelKind) = (textColumn, labelColumn, labelKind)
        (defaults.labelNames, defaults.labelMap, defaults.emotionSpace) = (labelNames, labelMap, emotionSpace)
        defaults.header = !noHeader
        do {
            return try corpus.enumerated().map { i, argument in try BenchCorpusSpec(parsing: argument, defaults: defaults, index: i) }
        } catch let error as BenchError { throw CLIError.input(error.description) }
    }

    func run() throws {
        var parameters = BenchParameters()
        parameters.seed = seed
        parameters.bootstrapSamples = bootstrap
        parameters.emotionThreshold = emotionThreshold
        if printParameters {
            let sink = try OutputSink(path: nil)
            try sink.write(ParameterTable.text(parameters.descriptors))
            try sink.finish()
            return
        }
        var policy: DuplicatePolicy?
        if let onDuplicate {
            guard let parsed = DuplicatePolicy(rawValue: onDuplicate) else {
                throw CLIError.input("--on-duplicate \(onDuplicate): expected one of \(DuplicatePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            policy = parsed
        }
        if let exportTexts {
            // Only the rows are needed: no lexicon is loaded.
            guard corpus.count == 1 else { throw CLIError.input("--export-texts takes one --corpus") }
            let categories = ImportVocabulary.enCX.categories
            let corpus: BenchCorpus
            do { corpus = try BenchCorpus(spec: try specs()[0], lexiconCategories: categories) } catch let error as BenchError { throw CLIError.input(error.description) }
            let sink = try OutputSink(path: exportTexts)
            for text in corpus.texts { try sink.line("{\"text\":\(JSONText.string(text))}") }
            try sink.finish()
            return
        }
        var loaded: [LexiconReference.Loaded] = []
        for argument in (lexicon.isEmpty && predictions.isEmpty ? ["en-cx"] : lexicon) {
            let reference = LexiconReference(parsing: argument)
            guard !loaded.contains(where: { $0.name == reference.name }) else {
                throw CLIError.input("--lexicon \(argument): two lexicons are named \(reference.name); name them with NAME=PATH")
            }
            let lexicon = try reference.load(duplicatePolicy: policy)
            if !lexicon.notes.isEmpty {
                Stderr.write("perceive: note: \(lexicon.name): \(lexicon.notes.count) import notes (duplicates, skipped lines); 'perceive lexicon validate \(argument) --verbose' lists them\n")
            }
            loaded.append(lexicon)
        }
        let categories = try loaded.first?.lexicon.categories ?? BundledLexicons.english().categories
        let corpora = try specs().map { spec in
            do { return try BenchCorpus(spec: spec, lexiconCategories: categories) } catch { throw CLIError.input("\(error)") }
        }
        var external: [BenchSystem] = []
        for argument in predictions {
            do {
                let scores = try ExternalScores(parsing: argument)
                guard corpora.count == 1 else { throw CLIError.input("--predictions takes one --corpus (its scores follow that corpus's rows)") }
                external.append(try scores.load())
            } catch let error as BenchError { throw CLIError.input(error.description) }
        }
        let systems = loaded.map(BenchSystem.lexicon) + external
        let runner = BenchRunner(parameters: parameters)
        var results: [BenchCorpusResult] = []
        for corpus in corpora {
            do { results.append(try runner.run(corpus: corpus, systems: systems)) } catch let error as BenchError { throw CLIError.input(error.description) }
        }
        let command = BenchReport.commandLine(["perceive"] + CommandLine.arguments.dropFirst())
        let report = BenchReport(
            command: command, parameters: parameters,
            lexicons: loaded.map { .init(name: $0.name, version: $0.lexicon.version, format: $0.format.rawValue, paths: $0.paths, notes: $0.notes.count) }
                + external.map { if case .external(let name, let source, _) = $0 { .init(name: name, version: source, format: "external scores", paths: [], notes: 0) } else { fatalError() } },
            corpora: results)
        let sink = try OutputSink(path: output)
        do {
            switch format {
            case .table: try sink.write(report.table())
            case .markdown: try sink.write(report.table(markdown: true))
            case .csv: try sink.write(report.csv())
            case .json: try sink.write(report.json())
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }
}
