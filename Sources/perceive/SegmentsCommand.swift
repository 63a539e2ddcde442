import ArgumentParser
import Foundation
import PerceiveKit

/// `segments --format` and `merge --format`.
extension SegmentReportFormat: ExpressibleByArgument {}

/// Scores every row of an input and accumulates segment statistics
/// (``SegmentStatistics/add(rowsFrom:scoringOn:scored:)``), counting rows and comments on the
/// progress bar; `observe` sees each scored comment (for the report's most negative and
/// positive comments).
func accumulateSegments(source: SurveyInputOptions, by: [String], pool: ScorerPool,
                        observe: (TabularInput, InputRow, Int, CommentScore) -> Void = { _, _, _, _ in }) throws -> (SegmentStatistics, ProgressReporter, TabularInput) {
    let input = try source.open(by: by)
    let scorer = pool.primary
    var statistics = SegmentStatistics(textColumns: input.textLabels, byColumns: input.byLabels,
                                       lexicon: scorer.lexicon.name, parameters: scorer.parameters, topics: scorer.topics)
    let progress = ProgressReporter(quiet: source.quiet, totalBytes: input.totalBytes)
    try statistics.add(rowsFrom: { try nextRow(input, progress: progress) }, scoringOn: pool) { row, column, result in
        progress.scored()
        observe(input, row, column, result)
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
            against the rest of the data with Benjamini-Hochberg adjusted p-values; with --by-topic, per topic \
            too (docs/topics.md). --emit-partials writes mergeable sufficient statistics instead \
            (see docs/segment-partials.md and `perceive merge`).
            """
    )

    @OptionGroup var source: SurveyInputOptions

    @Option(name: .long, help: ArgumentHelp("Column to segment by (name or 1-based position; repeat for several).", valueName: "column"))
    var by: [String] = []

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: SegmentReportFormat = .table

    @OptionGroup var topicStatistics: TopicStatisticsOptions

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
        let pool = try lexiconOptions.makeScorerPool(try lexiconOptions.makeScorer(topics: topicStatistics.taxonomy()), threads: source.threads)
        let (statistics, progress, input) = try accumulateSegments(source: source, by: by, pool: pool)
        do {
            if emitPartials {
                for line in statistics.partialLines() { try sink.line(line) }
            } else {
                try SegmentFormatter.write(statistics, as: format, to: sink)
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

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partial statistics from `perceive segments --emit-partials` into one summary (the same as one run over all rows)."
    )

    @Argument(help: ArgumentHelp("Partial statistics files (NDJSON), or - for stdin.", valueName: "partials"))
    var files: [String]

    @Option(name: .long, help: "Output format: table, csv, json or markdown.")
    var format: SegmentReportFormat = .table

    @Flag(name: .long, help: "Write the merged partials (NDJSON) instead of the summary.")
    var emitPartials = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("expected one or more partials files") }
    }

    func run() throws {
        try OutputSink.refuseInputAsOutput(output, inputs: files)
        let merged: SegmentStatistics
        do {
            merged = try SegmentStatistics.merging(partialsFiles: files)
        } catch {
            throw CLIError.input("\(error)")
        }
        let sink = try OutputSink(path: output)
        do {
            if emitPartials {
                for line in merged.partialLines() { try sink.line(line) }
            } else {
                try SegmentFormatter.write(merged, as: format, to: sink)
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }
}
