import ArgumentParser
import Foundation
import PerceiveKit

struct ScoreCommand: ParsableCommand, RowCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score comments on emotion, effort, success and cx, with named emotions and evidence.",
        discussion: """
            Comments come from the arguments (one comment each) or from --input, one comment per line \
            ('-' reads stdin). JSON offsets (start, end) are UTF-8 byte offsets into the comment, end exclusive.
            """
    )

    @Argument(help: "Comments to score (each argument is one comment).")
    var comments: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("A file with one comment per line, or - for stdin.", valueName: "file"))
    var input: String?

    @Option(name: .long, help: "Output format: json, ndjson, csv or table (default: table on a terminal, else ndjson).")
    var format: OutputFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Include the evidence list in JSON output.")
    var evidence = true

    @Flag(name: .long, inversion: .prefixedNo, help: "Neutralize spreadsheet formulas in CSV text cells with a leading apostrophe.")
    var csvFormulaGuard = true

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
        if input != nil && !comments.isEmpty {
            throw ValidationError("give comments as arguments or with --input, not both")
        }
        if input == nil && comments.isEmpty {
            throw ValidationError("nothing to score: give comments as arguments or --input FILE (- for stdin)")
        }
    }

    mutating func run() throws { _ = try runReturningStatus() }

    mutating func runReturningStatus() throws -> Int32 {
        let scorer = try lexiconOptions.makeScorer()
        var formatter = ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        formatter.includeEvidence = evidence
        formatter.guardFormulas = csvFormulaGuard
        let format = self.format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .ndjson)
        let sink = try OutputSink(path: output)
        var errors = 0
        var count = 0
        do {
            switch format {
            case .csv: try sink.line(CSVText.row(ScoreFormatter.csvHeader))
            case .table: try sink.line(formatter.tableHeader())
            case .json: try sink.write("[")
            case .ndjson: break
            }
            func emit(_ text: String, id: String) throws {
                let result: CommentScore
                do {
                    result = try scorer.score(text)
                } catch {
                    errors += 1
                    let line = "{\"id\":\(JSONText.string(id)),\"error\":\(JSONText.string("\(error)"))}"
                    switch format {
                    case .json: try sink.write((count == 0 ? "\n" : ",\n") + line)
                    case .ndjson: try sink.line(line)
                    case .csv: try sink.line(CSVText.row([id, CSVText.guardFormula(text)] + Array(repeating: "", count: 9) + ["error: \(error)"]))
                    case .table: try sink.line("\(id)  error: \(error)")
                    }
                    count += 1
                    return
                }
                switch format {
                case .json: try sink.write((count == 0 ? "\n" : ",\n") + formatter.json(result, id: id))
                case .ndjson: try sink.line(formatter.json(result, id: id))
                case .csv: try sink.line(formatter.csvRow(result, id: id))
                case .table: try sink.line(formatter.tableRow(result, id: id))
                }
                count += 1
            }
            if let input {
                var reader = try LineReader(path: input)
                var lineNumber = 0
                while let line = try reader.next() {
                    lineNumber += 1
                    try emit(line, id: String(lineNumber))
                }
            } else {
                for (i, comment) in comments.enumerated() { try emit(comment, id: String(i + 1)) }
            }
            if format == .json { try sink.write(count == 0 ? "]\n" : "\n]\n") }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        return errors > 0 ? ExitStatus.rowErrors : ExitStatus.success
    }
}
