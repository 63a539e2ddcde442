import ArgumentParser
import Foundation
import PerceiveKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a comment got its scores: tokens, lexicon matches, rules and contributions."
    )

    @Argument(help: "The comment to explain (several arguments are explained one after another).")
    var comments: [String]

    @Option(name: .long, help: "Output format: text (for people) or json (the score object plus tokens and matches).")
    var format: ExplainFormat = .text

    @OptionGroup var lexiconOptions: LexiconOptions

    @OptionGroup var topicOptions: TopicOptions

    enum ExplainFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let scorer = try lexiconOptions.makeScorer(topics: topicOptions.taxonomy())
        let sink = try OutputSink(path: nil)
        let json = ScoreRecordWriter(renderer: ScoreRecordRenderer(format: .ndjson, formatter: ScoreFormatter(for: scorer)), output: sink)
        for (i, comment) in comments.enumerated() {
            let (analysis, result) = try scorer.analysis(of: comment)
            switch format {
            case .text:
                if i > 0 { try sink.write("\n") }
                // For a terminal: the comment's control characters (ESC sequences) made visible.
                try sink.write(TerminalText.visible(ExplanationFormatter(for: scorer).text(analysis, result)))
            case .json:
                try json.record(result, id: String(i + 1), analysis: analysis, lexicon: scorer.lexicon)
            }
        }
        try sink.finish()
    }
}
