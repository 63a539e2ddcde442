import ArgumentParser
import Foundation
import PerceiveKit

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Compare lexicons on labeled corpora: coverage, correlations, sign accuracy, F1, MARE, AUC, topic detection and polarity, with bootstrap intervals and paired tests.",
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
            precision/recall/F1 of having a value). Elsewhere an empty or NA label leaves its row out. \
            topics: topic[:polarity],… per row, or a SemEval-2014 ABSA .xml file (its aspect categories; rows = \
            sentences in file order; no-topic=a|b, default anecdotes/miscellaneous), scored with --topics.
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

    @Option(name: .long, help: ArgumentHelp("What the label means: valence:-4..4, effort:ordinal:1..5, success:nocue:-1..1 (empty = no cue), success:binary, valence:3class, emotion, emotions, topics.", valueName: "kind"))
    var labelKind: [String] = []

    @Option(name: .long, help: ArgumentHelp("Topic corpora: the taxonomy (FILE replaces en-cx's topics, +FILE adds to them); its first levels are the labels.", valueName: "file|+file"))
    var topics: String?

    @Option(name: .long, help: ArgumentHelp("Emotion labels: file of label names, one a line; numeric labels index it from 0.", valueName: "file"))
    var labelNames: [String] = []

    @Option(name: .long, help: ArgumentHelp("Emotion labels: JSON map from corpus labels to the evaluation labels.", valueName: "file"))
    var labelMap: [String] = []

    @Option(name: .long, help: ArgumentHelp("Emotion labels are compared as: lexicon (its categories), ekman or plutchik.", valueName: "space"))
    var emotionSpace: [String] = []

    @Flag(name: .long, help: "The corpus files have no header row (give column numbers).")
    var noHeader = false

    @Option(name: .long, help: "Output format: table, markdown, csv or json.")
    var format: BenchReport.Format = .table

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

    func validate() throws {
        if printParameters { return }
        if corpus.isEmpty { throw ValidationError("give at least one --corpus") }
        if let problem = defaults.problem(corpusCount: corpus.count) { throw ValidationError(problem) }
        if bootstrap < 1 { throw ValidationError("--bootstrap must be at least 1") }
    }

    /// The per-corpus options, given once for every corpus or once per corpus.
    var defaults: BenchCorpusDefaults {
        var defaults = BenchCorpusDefaults()
        (defaults.textColumn, defaults.labelColumn, defaults.labelKind) = (textColumn, labelColumn, labelKind)
        (defaults.labelNames, defaults.labelMap, defaults.emotionSpace) = (labelNames, labelMap, emotionSpace)
        defaults.header = !noHeader
        return defaults
    }

    /// The `--corpus` arguments with the per-corpus options (usage errors: exit 2).
    func specs() throws -> [BenchCorpusSpec] {
        let defaults = self.defaults
        return try corpus.enumerated().map { i, argument in try BenchCorpusSpec(parsing: argument, defaults: defaults, index: i) }
    }

    func run() throws {
        let parameters = BenchParameters(seed: seed, bootstrapSamples: bootstrap, emotionThreshold: emotionThreshold)
        if printParameters { return try OutputSink.write(ParameterTable.text(parameters.descriptors)) }
        let policy = try onDuplicate.map(DuplicatePolicy.init(option:))
        if let exportTexts {
            // Only the rows are needed: no lexicon is loaded.
            guard corpus.count == 1 else { throw CLIError.input("--export-texts takes one --corpus") }
            let corpus = try BenchCorpus(spec: try specs()[0], lexiconCategories: ImportVocabulary.enCX.categories)
            return try OutputSink.write(corpus.textsAsJSONLines.map { $0 + "\n" }.joined(), to: exportTexts)
        }
        let lexicons = lexicon.isEmpty && predictions.isEmpty ? ["en-cx"] : lexicon
        let loaded = try LexiconReference.loadAll(lexicons, duplicatePolicy: policy) { Stderr.write($0) }
        let categories = try loaded.first?.lexicon.categories ?? BundledLexicons.english().categories
        let specs = try specs(), taxonomy = try specs.contains { $0.kind == .topics } ? TopicTaxonomy.forOption(topics) : nil
        let corpora = try specs.map { spec in try BenchCorpus(spec: spec, lexiconCategories: categories, topics: taxonomy) }
        var external: [BenchSystem] = []
        for argument in predictions {
            let scores = try ExternalScores(parsing: argument)
            guard corpora.count == 1 else { throw CLIError.input("--predictions takes one --corpus (its scores follow that corpus's rows)") }
            external.append(try scores.load())
        }
        let systems = loaded.map(BenchSystem.lexicon) + external
        let runner = BenchRunner(parameters: parameters, topics: taxonomy)
        let results = try corpora.map { corpus in try runner.run(corpus: corpus, systems: systems) }
        let command = BenchReport.commandLine(["perceive"] + CommandLine.arguments.dropFirst())
        let report = BenchReport(command: command, parameters: parameters, lexicons: systems.map(BenchReport.LexiconInfo.init), corpora: results)
        try OutputSink.write(report.rendered(format), to: output)
    }
}

/// `bench --format`.
extension BenchReport.Format: ExpressibleByArgument {}
