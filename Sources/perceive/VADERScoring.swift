import ArgumentParser
import Foundation
import PerceiveKit

/// `--ruleset`: Perceive's own rules, or vaderSentiment 3.3.2's.
enum RulesetName: String, ExpressibleByArgument, CaseIterable {
    case perceive, vader
}

extension LexiconOptions {
    /// The scorer of `--ruleset vader`, with the files of `--lexicon vader=PATH` and `--vader-emoji`
    /// (see ``VADERLexicon/files(lexiconOption:emojiOption:)``).
    func makeVADERScorer() throws -> VADERScorer {
        let files = try VADERLexicon.files(lexiconOption: lexicon, emojiOption: vaderEmoji)
        return VADERScorer(lexicon: try VADERLexicon.load(lexiconPath: files.lexicon, emojiPath: files.emoji))
    }
}

extension ScoreCommand {
    /// `score --ruleset vader`: comments from the arguments, a text file (one per line) or a
    /// survey export, scored by ``VADERScorer``, written with VADER's four values beside
    /// Perceive's fields.
    mutating func runVADER() throws -> Int32 {
        guard !sentences else {
            throw CLIError.input("--ruleset vader scores whole comments, as vaderSentiment does: --sentences is not supported with it")
        }
        let scorer = try lexiconOptions.makeVADERScorer()
        let base = makeFormatter(lexicon: try BundledLexicons.english(), parameters: .standard)
        // One thread: VADER's scorer is not a `Scorer`, and its scoring is a small part of the time.
        if source.input != nil && source.isTabular {
            return try writeExport(formatter: base, vader: true) { renderer in
                OrderedBatchPipeline(serial: { row in renderer.render(row, formatter: base) { text in scorer.score(text) } })
            }
        }
        return try writeComments(formatter: base, vader: true) {
            OrderedBatchPipeline(serial: { comment in ScoredComment.success(scorer.score(comment.text)) })
        }
    }
}
