import ArgumentParser
import Foundation
import PerceiveKit

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
}

/// Scores every row of an input and accumulates segment statistics; `observe` sees each
/// scored comment (for the report's most negative and positive comments). Rows are scored on
/// `pool` and added in input order (``OrderedBatchPipeline``), so the statistics are the same
/// for any thread count.
func accumulateSegments(source: SurveyInputOptions, by: [String], pool: ScorerPool,
                        observe: (TabularInput, InputRow, Int, CommentScore) -> Void = { _, _, _, _ in }) throws -> (SegmentStatistics, ProgressReporter, TabularInput) {
    let input = try source.open(by: by)
    let scorer = pool.primary
    var statistics = SegmentStatistics(textColumns: input.textLabels, byColumns: input.byLabels,
                                       lexicon: scorer.lexicon.name, parameters: scorer.parameters)
    let progress = ProgressReporter(quiet: source.quiet, totalBytes: input.totalBytes)
    // Per row: per text column, the score and its contribution, or nil when scoring failed.
    typealias Scored = [(CommentScore, CommentContribution)?]
    let pipeline = OrderedBatchPipeline<InputRow, Scored>(pool: pool) { scorer, row in
        guard row.error == nil else { return [] }
        return row.texts.map { text in
            (try? scorer.score(text)).map { ($0, CommentContribution($0, lexicon: scorer.lexicon, parameters: scorer.parameters)) }
        }
    }
    try pipeline.run(next: { try nextRow(input, progress: progress) }) { row, results in
        statistics.rowsRead += 1
        guard row.error == nil else { statistics.rowErrors += 1; return }
        var failed = false
        for (column, item) in results.enumerated() {
            guard let (result, contribution) = item else { failed = true; continue }
            progress.scored()
            statistics.add(contribution, column: column, segments: row.segments)
            observe(input, row, column, result)
        }
        if failed { statistics.rowErrors += 1 }
    }
    return (statistics, progress, input)
}

struct SegmentsCommand: ParsableCommand, RowCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Per-segment statistics of a survey export: n, coverage, means with 95% intervals, shares, emotions, drivers, and differences from the rest.",
        discussion: """
            Segments: overall, each --by column, and (with two or more) their combination. For each: n, \
            coverage per dimension, mean and t-interval of emotion, effort, success and cx, the share of \
            negative/neutral/positive, named emotions, the top driver terms on each side, and Welch's t-test \
            against the rest of the data with Benjamini-Hochberg adjusted p-values. --emit-partials writes \
            mergeable sufficient statistics instead (see docs/segment-partials.md and `perceive merge`).
            """
    )

    @OptionGroup var source: SurveyInputOptions

    @Option(name: .long, help: ArgumentHelp("Column to segment by (name or 1-based position; repeat for several).", valueName: "column"))
    var by: [String] = []

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: SummaryFormat = .table

    @Flag(name: .long, help: "Write mergeable partial statistics (NDJSON) instead of the summary.")
    var emitPartials = false

    @Flag(name: .long, help: "Print the thresholds of segment statistics and exit.")
    var params = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
        if !params && source.input == nil { throw ValidationError("expected --input FILE (- for stdin)") }
    }

    mutating func run() throws { _ = try runReturningStatus() }

    mutating func runReturningStatus() throws -> Int32 {
        try OutputSink.refuseInputAsOutput(output, inputs: source.input.map { [$0] } ?? [])
        let sink = try OutputSink(path: output)
        if params {
            try sink.write(ParameterTable.text(SegmentParameters.standard.descriptors, nameWidth: 20))  // 20: as it always printed
            try sink.finish()
            return ExitStatus.success
        }
        let pool = try lexiconOptions.makeScorerPool(try lexiconOptions.makeScorer(), threads: source.threads)
        let (statistics, progress, input) = try accumulateSegments(source: source, by: by, pool: pool)
        do {
            if emitPartials {
                for line in statistics.partialLines() { try sink.line(line) }
            } else {
                try render(statistics, format, to: sink)
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        progress.finish(name: input.name, notes: input.notes)
        return statistics.rowErrors > 0 ? ExitStatus.rowErrors : ExitStatus.success
    }
}

/// Writes the summary of `statistics` to `sink`, one segment at a time (issue 15, item 6).
func render(_ statistics: SegmentStatistics, _ format: SummaryFormat, to sink: OutputSink) throws {
    try SegmentFormatter.write(statistics, as: SegmentOutputFormat(rawValue: format.rawValue)!, to: sink)
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partial statistics from `perceive segments --emit-partials` into one summary (the same as one run over all rows)."
    )

    @Argument(help: ArgumentHelp("Partial statistics files (NDJSON), or - for stdin.", valueName: "partials"))
    var files: [String]

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: SummaryFormat = .table

    @Flag(name: .long, help: "Write the merged partials (NDJSON) instead of the summary.")
    var emitPartials = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("expected one or more partials files") }
    }

    func run() throws {
        try OutputSink.refuseInputAsOutput(output, inputs: files)
        var merged: SegmentStatistics?
        for file in files {
            let part: SegmentStatistics
            do {
                let reader = try PlainTextLineReader(path: file)
                var lines: [String] = []
                while let line = try reader.next() { lines.append(line) }
                part = try SegmentStatistics.parsePartials(lines, file: file)
            } catch {
                throw CLIError.input("\(error)")
            }
            if merged == nil {
                merged = part
            } else if merged!.isCompatible(with: part) {
                merged!.merge(part)
            } else {
                throw CLIError.input("\(file):1:1: expected partials of the same columns (\(merged!.textColumns.joined(separator: ", "))), by columns (\(merged!.byColumns.joined(separator: ", "))), lexicon and bands as the first file")
            }
        }
        let sink = try OutputSink(path: output)
        do {
            if emitPartials {
                for line in merged!.partialLines() { try sink.line(line) }
            } else {
                try render(merged!, format, to: sink)
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }
}
