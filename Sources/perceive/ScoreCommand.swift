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

    func validate() throws {
        if source.input != nil && !comments.isEmpty {
            throw ValidationError("give comments as arguments or with --input, not both")
        }
        if source.input == nil && comments.isEmpty {
            throw ValidationError("nothing to score: give comments as arguments or --input FILE (- for stdin)")
        }
    }

    mutating func run() throws { _ = try runReturningStatus() }

    mutating func runReturningStatus() throws -> Int32 {
        try OutputSink.refuseInputAsOutput(output, inputs: source.input.map { [$0] } ?? [])
        if lexiconOptions.ruleset == .vader { return try runVADER() }   // VADERScoring.swift
        let scorer = try lexiconOptions.makeScorer()
        let formatter = makeFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        if source.input != nil && source.isTabular {
            let pool = try lexiconOptions.makeScorerPool(scorer, threads: source.threads)
            return try writeExport(formatter: formatter, vader: false) { writer, input, progress in
                // With more than one thread, reading the next batch and writing the last one (on
                // this thread) overlap with scoring (on the pool's): the serial part no longer
                // caps the speed-up. One thread scores in line, on this thread only.
                let renderer = writer.renderer
                let transform = { (scorer: Scorer, row: InputRow) in renderer.render(row, scorer: scorer) }
                func write(_ rendered: [ScoreRecordRenderer.RenderedRow]) throws {
                    for row in rendered {
                        progress.scored(row.scored)
                        try writer.write(row)
                    }
                }
                var pending: PendingBatch<ScoreRecordRenderer.RenderedRow>?
                func send(_ batch: [InputRow]) throws {
                    if pool.threads == 1 { return try write(pool.map(batch, transform)) }
                    let previous = pending?.wait()
                    pending = batch.isEmpty ? nil : pool.submit(batch, transform)
                    if let previous { try write(previous) }
                }
                var batch: [InputRow] = []
                batch.reserveCapacity(ParallelScoring.batchSize)
                while true {
                    let next: InputRow?
                    do { next = try nextRow(input) } catch {
                        try send(batch)  // the rows before the failure
                        try send([])
                        throw error
                    }
                    guard let row = next else { break }
                    progress.row(error: row.error != nil, bytesRead: input.bytesRead)
                    batch.append(row)
                    if batch.count == ParallelScoring.batchSize {
                        try send(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                try send(batch)
                try send([])
            }
        }
        var errors = 0
        try writeComments(formatter: formatter, vader: false) { writer, reader in
            func emit(_ text: String, id: String, scored: Result<CommentScore, any Error>) throws {
                switch scored {
                case .success(let result): try writer.record(result, id: id)
                case .failure(let error):
                    errors += 1
                    try writer.error(id: id, text: text, message: "\(error)")
                }
            }
            guard let reader else {
                for (i, comment) in comments.enumerated() { try emit(comment, id: String(i + 1), scored: Result { try scorer.score(comment) }) }
                return
            }
            let progress = ProgressReporter(quiet: source.quiet, totalBytes: reader.totalBytes)
            // Lines are scored in batches on the pool's threads and written in input order.
            let pool = try lexiconOptions.makeScorerPool(scorer, threads: source.threads)
            var batch: [(text: String, id: String)] = []
            func emitBatch() throws {
                let results = pool.map(batch) { scorer, line in Result<CommentScore, any Error> { try scorer.score(line.text) } }
                for (line, scored) in zip(batch, results) {
                    let before = errors
                    try emit(line.text, id: line.id, scored: scored)
                    progress.row(error: errors > before, bytesRead: reader.bytesRead)
                    if errors == before { progress.scored() }
                }
                batch.removeAll(keepingCapacity: true)
            }
            while true {
                let next: String?
                do { next = try reader.next() } catch {
                    try emitBatch()  // the lines before the failure
                    throw CLIError.input("\(error)")
                }
                guard let line = next else { break }
                batch.append((line, String(reader.line)))
                if batch.count == ParallelScoring.batchSize { try emitBatch() }
            }
            try emitBatch()
            progress.finish(name: reader.name, notes: reader.notes)
        }
        return errors > 0 ? ExitStatus.rowErrors : ExitStatus.success
    }
}

extension ScoreCommand {
    /// `--format`, or a table on a terminal, else NDJSON.
    var resolvedFormat: OutputFormat { format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .ndjson) }

    /// The formatter of Perceive's fields, with `--no-evidence` and `--no-csv-formula-guard`.
    func makeFormatter(lexicon: Lexicon, parameters: Parameters) -> ScoreFormatter {
        var formatter = ScoreFormatter(lexicon: lexicon, parameters: parameters)
        formatter.includeEvidence = evidence
        formatter.guardFormulas = csvFormulaGuard
        return formatter
    }

    /// `score` of comments given as arguments or as lines of a text file (`reader`), for either
    /// ruleset: opens the input (before anything is written: a refused input, a directory or a
    /// UTF-16 file, leaves stdout empty) and the output, lets `comments` write every record,
    /// then ends the output.
    func writeComments(formatter: ScoreFormatter, vader: Bool,
                       _ comments: (ScoreRecordWriter, PlainTextLineReader?) throws -> Void) throws {
        var reader: PlainTextLineReader?
        if let inputPath = source.input {
            do { reader = try PlainTextLineReader(path: inputPath) } catch { throw CLIError.input("\(error)") }
        }
        let sink = try OutputSink(path: output)
        let renderer = ScoreRecordRenderer(format: resolvedFormat, formatter: formatter, sentences: sentences, vader: vader)
        let writer = ScoreRecordWriter(renderer: renderer, output: sink)
        do {
            try writer.begin()
            try comments(writer, reader)
            try writer.end()
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    /// `score` of a survey export, for either ruleset: opens the input and the output, writes
    /// the header, lets `rows` score and write every row, then the end of the output, moves a
    /// file into place and prints the summary line. The exit status: 1 when rows had errors.
    func writeExport(formatter: ScoreFormatter, vader: Bool,
                     _ rows: (ScoreRecordWriter, TabularInput, ProgressReporter) throws -> Void) throws -> Int32 {
        let input = try source.open()
        let sink = try OutputSink(path: output)
        do {
            let renderer = ScoreRecordRenderer(format: resolvedFormat, formatter: formatter, sentences: sentences, vader: vader, export: input)
            let writer = ScoreRecordWriter(renderer: renderer, output: sink)
            let progress = ProgressReporter(quiet: source.quiet, totalBytes: input.totalBytes)
            try writer.begin()
            try rows(writer, input, progress)
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
