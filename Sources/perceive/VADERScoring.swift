import ArgumentParser
import Foundation
import PerceiveKit

/// `--ruleset`: Perceive's own rules, or vaderSentiment 3.3.2's.
enum RulesetName: String, ExpressibleByArgument, CaseIterable {
    case perceive, vader
}

extension LexiconOptions {
    /// The VADER lexicon files named by `--lexicon vader=PATH` (a `vader_lexicon.txt`, or a
    /// folder holding one) and `--vader-emoji` (default: `emoji_utf8_lexicon.txt` beside the
    /// lexicon file, when there).
    func vaderFiles() throws -> (lexicon: String, emoji: String?) {
        let usage = "--ruleset vader needs VADER's lexicon file: --lexicon vader=PATH/vader_lexicon.txt (vaderSentiment's file)"
        if BundledLexicons.names.contains(lexicon) { throw CLIError.input(usage) }
        let reference = LexiconReference(parsing: lexicon)
        if let format = reference.format, format != .vader {
            throw CLIError.input("--lexicon \(lexicon): --ruleset vader reads VADER's format, not \(format.rawValue)")
        }
        var lexiconFile: String?
        var emojiFile: String?
        let fm = FileManager.default
        for path in reference.paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError.input("--lexicon \(lexicon): \(path): no such file or folder") }
            if isDirectory.boolValue {
                lexiconFile = (path as NSString).appendingPathComponent("vader_lexicon.txt")
            } else if (path as NSString).lastPathComponent.lowercased().contains("emoji") {
                emojiFile = path
            } else {
                lexiconFile = path
            }
        }
        guard let lexiconFile else { throw CLIError.input(usage) }
        if let vaderEmoji { return (lexiconFile, vaderEmoji) }
        if emojiFile == nil {
            let beside = ((lexiconFile as NSString).deletingLastPathComponent as NSString).appendingPathComponent("emoji_utf8_lexicon.txt")
            if fm.fileExists(atPath: beside) { emojiFile = beside }
        }
        return (lexiconFile, emojiFile)
    }

    func makeVADERScorer() throws -> VADERScorer {
        let files = try vaderFiles()
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
                OrderedBatchPipeline(serial: { row in renderer.render(row, formatter: base) { text in scorer.scoreWithPolarity(text) } })
            }
        }
        return try writeComments(formatter: base, vader: true) {
            OrderedBatchPipeline(serial: { comment in ScoredComment.success(scorer.scoreWithPolarity(comment.text)) })
        }
    }
}

extension VADERScorer {
    /// ``score(_:)`` in the shape of a record: the comment's scores, with VADER's values.
    func scoreWithPolarity(_ text: String) -> (CommentScore, VADERPolarity?) {
        let (result, polarity) = score(text)
        return (result, polarity)
    }
}
