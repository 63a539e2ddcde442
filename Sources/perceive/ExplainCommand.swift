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

    enum ExplainFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let scorer = try lexiconOptions.makeScorer()
        let sink = try OutputSink(path: nil)
        for (i, comment) in comments.enumerated() {
            let (analysis, result) = try scorer.analysis(of: comment)
            switch format {
            case .text:
                if i > 0 { try sink.write("\n") }
                // For a terminal: the comment's control characters (ESC sequences) made visible.
                try sink.write(TerminalText.visible(ExplanationFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters).text(analysis, result)))
            case .json:
                var object = ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters).json(result, id: String(i + 1))
                object.removeLast()
                let tokens = analysis.tokens.indices.map { i -> String in
                    let token = analysis.tokens[i]
                    return "{\"text\":\(JSONText.string(result.text(token.start, token.end))),\"start\":\(token.start),\"end\":\(token.end),\"kind\":\"\(token.kind)\",\"folded\":\(JSONText.string(analysis.tokenized.foldedText(of: i))),\"sentence\":\(token.sentence)}"
                }
                let matches = analysis.matches.map { match -> String in
                    let entry = scorer.lexicon.entries[Int(match.entry)]
                    return "{\"term\":\(JSONText.string(entry.term)),\"firstToken\":\(match.first),\"endToken\":\(match.end)\(entry.shifter.map { ",\"shifter\":\"\($0.rawValue)\"" } ?? "")}"
                }
                try sink.line(object + ",\"tokens\":[\(tokens.joined(separator: ","))],\"matches\":[\(matches.joined(separator: ","))]}")
            }
        }
        try sink.finish()
    }
}
