import ArgumentParser
import Foundation
import PerceiveKit

struct ScoreCommand: ParsableCommand, RowCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score comments on emotion, effort, success and cx, with named emotions and evidence.",
        discussion: """
            Comments come from the arguments (one comment each) or from --input: a text file with one \
            comment per line ('-' reads stdin), or a survey export (CSV, TSV, JSON Lines) with --text-column. \
            For an export, every input row is written back with its original columns plus the score columns \
            (one row per text column, or per sentence with --sentences); a malformed row is written with its \
            error (exit code 1), never dropped. JSON offsets (start, end) are UTF-8 byte offsets into the \
            comment, end exclusive.
            """
    )

    @Argument(help: "Comments to score (each argument is one comment).")
    var comments: [String] = []

    @OptionGroup var source: SurveyInputOptions

    @Option(name: .long, help: "Output format: json, ndjson, csv or table (default: table on a terminal, else ndjson).")
    var format: OutputFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Include the evidence list in JSON output.")
    var evidence = true

    @Flag(name: .long, inversion: .prefixedNo, help: "Neutralize spreadsheet formulas in CSV text cells with a leading apostrophe.")
    var csvFormulaGuard = true

    @Flag(name: .long, help: "One output row per sentence instead of per comment.")
    var sentences = false

    @OptionGroup var lexiconOptions: LexiconOptions

    @OptionGroup var topicOptions: TopicOptions

    func validate() throws {
        if source.input != nil && !comments.isEmpty {
            throw ValidationError("give comments as arguments or with --input, not both")
        }
        if source.input == nil && comments.isEmpty {
            throw ValidationError("nothing to score: give comments as arguments or --input FILE (- for stdin)")
        }
        if lexiconOptions.ruleset == .vader && topicOptions.topics != nil { throw ValidationError("--topics: --ruleset vader matches no topics") }
    }

    mutating func run() throws { _ = try runReturningStatus() }

    mutating func runReturningStatus() throws -> Int32 {
        try OutputSink.refuseInputAsOutput(output, inputs: source.input.map { [$0] } ?? [])
        if lexiconOptions.ruleset == .vader { return try runVADER() }   // VADERScoring.swift
        let scorer = try lexiconOptions.makeScorer(topics: topicOptions.taxonomy())
        let formatter = makeFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters, topics: scorer.topics != nil)
        if source.input != nil && source.isTabular {
            let pool = try lexiconOptions.makeScorerPool(scorer, threads: source.threads)
            return try writeExport(formatter: formatter, vader: false) { renderer in
                OrderedBatchPipeline(pool: pool) { scorer, row in renderer.render(row, scorer: scorer) }
            }
        }
        return try writeComments(formatter: formatter, vader: false) {
            // Arguments are scored on this thread; lines on the pool's threads (--threads).
            let pool = source.input == nil ? try ScorerPool(threads: 1) { scorer } : try lexiconOptions.makeScorerPool(scorer, threads: source.threads)
            return OrderedBatchPipeline(pool: pool) { scorer, comment in ScoredComment { (try scorer.score(comment.text), nil) } }
        }
    }
}

extension ScoreCommand {
    /// `--format`, or a table on a terminal, else NDJSON.
    var resolvedFormat: OutputFormat { format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .ndjson) }

    /// The formatter of Perceive's fields, with `--no-evidence`, `--no-csv-formula-guard`, and topics.
    func makeFormatter(lexicon: Lexicon, parameters: Parameters, topics: Bool = false) -> ScoreFormatter {
        var formatter = ScoreFormatter(lexicon: lexicon, parameters: parameters)
        formatter.includeTopics = topics
        formatter.includeEvidence = evidence
        formatter.guardFormulas = csvFormulaGuard
        return formatter
    }

    /// A comment to score: its text and id (its 1-based position among the arguments, or its
    /// line), or why its line could not be read (a line over the record limit).
    typealias Comment = PlainTextLine
    /// A comment scored, with VADER's values for `--ruleset vader`, or why it could not be.
    typealias ScoredComment = Result<(CommentScore, VADERPolarity?), any Error>

    /// `score` of comments given as arguments or as lines of a text file, for either ruleset:
    /// opens the input (before anything is written: a refused input, a directory or a UTF-16
    /// file, leaves stdout empty) and the output, runs the comments through the pipeline that
    /// `pipeline` makes, and writes their records in input order. The exit status: 1 when
    /// comments had errors.
    func writeComments(formatter: ScoreFormatter, vader: Bool,
                       _ pipeline: () throws -> OrderedBatchPipeline<Comment, ScoredComment>) throws -> Int32 {
        var reader: PlainTextLineReader?
        if let inputPath = source.input {
            do { reader = try PlainTextLineReader(path: inputPath) } catch { throw CLIError.input("\(error)") }
        }
        let sink = try OutputSink(path: output)
        let renderer = ScoreRecordRenderer(format: resolvedFormat, formatter: formatter, sentences: sentences, vader: vader)
        let writer = ScoreRecordWriter(renderer: renderer, output: sink)
        let progress = reader.map { ProgressReporter(quiet: source.quiet, totalBytes: $0.totalBytes) }
        var errors = 0
        var arguments = comments.enumerated().makeIterator()
        do {
            try writer.begin()
            try pipeline().run(next: {
                guard let reader else { return arguments.next().map { Comment(text: $0.element, line: $0.offset + 1) } }
                do { return try reader.nextLine() } catch { throw CLIError.input("\(error)") }
            }) { comment, scored in
                let failed = try !writer.write(comment.error.map(ScoredComment.failure) ?? scored, id: comment.id, text: comment.text)
                if failed { errors += 1 }
                progress?.row(error: failed, bytesRead: reader?.bytesRead ?? 0)
                if !failed { progress?.scored() }
            }
            try writer.end()
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        if let reader { progress?.finish(name: reader.name, notes: reader.notes) }
        return errors > 0 ? ExitStatus.rowErrors : ExitStatus.success
    }

    /// `score` of a survey export, for either ruleset: opens the input and the output, writes
    /// the header, runs every row through the pipeline that `pipeline` makes for the output's
    /// renderer (scoring and rendering), writes the records in input order, then the end of the
    /// output, moves a file into place and prints the summary line. The exit status: 1 when
    /// rows had errors.
    func writeExport(formatter: ScoreFormatter, vader: Bool,
                     _ pipeline: (ScoreRecordRenderer) -> OrderedBatchPipeline<InputRow, ScoreRecordRenderer.RenderedRow>) throws -> Int32 {
        let input = try source.open()
        let sink = try OutputSink(path: output)
        do {
            let renderer = ScoreRecordRenderer(format: resolvedFormat, formatter: formatter, sentences: sentences, vader: vader, export: input)
            let writer = ScoreRecordWriter(renderer: renderer, output: sink)
            let progress = ProgressReporter(quiet: source.quiet, totalBytes: input.totalBytes)
            try writer.begin()
            try pipeline(renderer).run(next: { try nextRow(input, progress: progress) }) { _, rendered in
                progress.scored(rendered.scored)
                try writer.write(rendered)
            }
            try writer.end()
            try sink.finish()
            progress.finish(name: input.name, notes: input.notes)
            return progress.rowsWithErrors > 0 ? ExitStatus.rowErrors : ExitStatus.success
        } catch {
            sink.abandon()
            throw error
        }
    }
}
