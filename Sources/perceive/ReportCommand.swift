import ArgumentParser
import Foundation
import PerceiveKit

struct ReportCommand: ParsableCommand, RowCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a survey export: headline figures, segment charts with confidence intervals, emotions, drivers, topics (--by-topic) and highlighted comments.",
        discussion: """
            The page loads nothing from anywhere (no external scripts, fonts, styles or images) and works \
            offline; comment text is escaped, and a Content-Security-Policy allows only the page's own \
            inline script and style (by hash).
            """
    )

    @OptionGroup var source: SurveyInputOptions

    @Option(name: .long, help: ArgumentHelp("Column to segment by (name or 1-based position; repeat for several).", valueName: "column"))
    var by: [String] = []

    @Option(name: .long, help: "Title of the report (default: the input's file name).")
    var title: String?

    @Option(name: .long, help: "How many of the most negative and of the most positive comments to show.")
    var examples = 8

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var topicStatistics: TopicStatisticsOptions

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
        if source.input == nil { throw ValidationError("expected --input FILE (- for stdin)") }
        if examples < 0 { throw ValidationError("--examples must be 0 or more") }
    }

    mutating func run() throws { _ = try runReturningStatus() }

    mutating func runReturningStatus() throws -> Int32 {
        try OutputSink.refuseInputAsOutput(output, inputs: source.input.map { [$0] } ?? [])
        let scorer = try lexiconOptions.makeScorer(topics: topicStatistics.taxonomy())
        var extremes = ExtremeComments(capacity: examples, topics: TopicExamples(capacity: SegmentParameters.standard.topicExamples, parameters: scorer.parameters))
        let pool = try lexiconOptions.makeScorerPool(scorer, threads: source.threads)
        let (statistics, progress, input) = try accumulateSegments(source: source, by: by, pool: pool) { input, row, column, result in
            let segment = zip(input.byLabels, row.segments).map { "\($0)=\($1)" }.joined(separator: ", ")
            extremes.offer(ReportExample(id: row.id, column: input.textLabels[column], segment: segment, comment: result))
        }
        let name = (input.name as NSString).lastPathComponent
        let page = HTMLReport(title: title ?? "Perception report: \(name)", source: input.name, report: statistics.summary(),
                              lexicon: scorer.lexicon, parameters: scorer.parameters, negative: extremes.negative, positive: extremes.positive,
                              notes: input.notes, topicExamples: extremes.topics)
        try OutputSink.write(page.html(), to: output)
        progress.finish(name: input.name, notes: input.notes)
        return statistics.rowErrors > 0 ? ExitStatus.rowErrors : ExitStatus.success
    }
}
