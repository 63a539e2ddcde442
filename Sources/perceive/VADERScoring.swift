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
    /// Perceive's fields. One thread (VADER scoring is a small part of the time; see README).
    mutating func runVADER() throws -> Int32 {
        guard !sentences else {
            throw CLIError.input("--ruleset vader scores whole comments, as vaderSentiment does: --sentences is not supported with it")
        }
        let scorer = try lexiconOptions.makeVADERScorer()
        let base = makeFormatter(lexicon: try BundledLexicons.english(), parameters: .standard)
        if source.input != nil && source.isTabular {
            return try writeExport(formatter: base, vader: true) { writer, input, progress in
                while let row = try nextRow(input) {
                    progress.row(error: row.error != nil, bytesRead: input.bytesRead)
                    let rendered = writer.renderer.render(row, formatter: base) { text in
                        let (result, polarity) = scorer.score(text)
                        return (result, polarity)
                    }
                    progress.scored(rendered.scored)
                    try writer.write(rendered)
                }
            }
        }
        try writeComments(formatter: base, vader: true) { writer, reader in
            func emit(_ text: String, id: String) throws {
                let (result, polarity) = scorer.score(text)
                try writer.record(result, id: id, polarity: polarity)
            }
            if let reader {
                let progress = ProgressReporter(quiet: source.quiet, totalBytes: reader.totalBytes)
                while let line = try { () throws -> String? in
                    do { return try reader.next() } catch { throw CLIError.input("\(error)") }
                }() {
                    progress.row(error: false, bytesRead: reader.bytesRead)
                    try emit(line, id: String(reader.line))
                    progress.scored()
                }
                progress.finish(name: reader.name, notes: reader.notes)
            } else {
                for (i, comment) in comments.enumerated() { try emit(comment, id: String(i + 1)) }
            }
        }
        return ExitStatus.success
    }
}
