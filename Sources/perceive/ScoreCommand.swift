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
        if lexiconOptions.ruleset == .vader { return try runVADER() }   // VADERScoring.swift
        let scorer = try lexiconOptions.makeScorer()
        var formatter = ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        formatter.includeEvidence = evidence
        formatter.guardFormulas = csvFormulaGuard
        let format = self.format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .ndjson)
        if source.input != nil && source.isTabular {
            let input = try source.open()
            let sink = try OutputSink(path: output)
            do {
                var writer = TabularScoreWriter(input: input, format: format, formatter: formatter, sink: sink, sentences: sentences)
                let progress = ProgressReporter(quiet: source.quiet, totalBytes: input.totalBytes)
                let pool = try lexiconOptions.makeScorerPool(scorer, threads: source.threads)
                try writer.begin()
                var batch: [InputRow] = []
                batch.reserveCapacity(ParallelScoring.batchSize)
                while true {
                    let next: InputRow?
                    do { next = try nextRow(input) } catch {
                        try writer.write(batch, pool: pool, progress: progress)  // the rows before the failure
                        throw error
                    }
                    guard let row = next else { break }
                    progress.row(error: row.error != nil, bytesRead: input.bytesRead)
                    batch.append(row)
                    if batch.count == ParallelScoring.batchSize {
                        try writer.write(batch, pool: pool, progress: progress)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                try writer.write(batch, pool: pool, progress: progress)
                try writer.end()
                try sink.finish()
                progress.finish(name: input.name, notes: input.notes)
                return progress.rowsWithErrors > 0 ? ExitStatus.rowErrors : ExitStatus.success
            } catch {
                sink.abandon()
                throw error
            }
        }
        let sink = try OutputSink(path: output)
        var errors = 0
        var count = 0
        do {
            switch format {
            case .csv: try sink.line(CSVText.row(sentences ? ["id", "sentence"] + ScoreFormatter.csvHeader.dropFirst() : ScoreFormatter.csvHeader))
            case .table: try sink.line(formatter.tableHeader())
            case .json: try sink.write("[")
            case .ndjson: break
            }
            func emitOne(_ result: CommentScore, id: String, sentence: Int?) throws {
                let sentenceField = sentence.map { ",\"sentence\":\($0)" } ?? ""
                switch format {
                case .json: try sink.write((count == 0 ? "\n" : ",\n") + splice(formatter.json(result, id: id), sentenceField))
                case .ndjson: try sink.line(splice(formatter.json(result, id: id), sentenceField))
                case .csv:
                    if let sentence {
                        try sink.line(CSVText.row([CSVText.guardFormula(id, enabled: csvFormulaGuard), String(sentence),
                                                   CSVText.guardFormula(result.text, enabled: csvFormulaGuard)] + formatter.csvScoreFields(result)))
                    } else {
                        try sink.line(formatter.csvRow(result, id: id))
                    }
                case .table: try sink.line(formatter.tableRow(result, id: sentence.map { "\(id).\($0)" } ?? id))
                }
                count += 1
            }
            func emit(_ text: String, id: String, scored: Result<CommentScore, any Error>? = nil) throws {
                let result: CommentScore
                do {
                    result = try scored?.get() ?? scorer.score(text)
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
                if sentences {
                    let parts = result.sentenceComments()
                    if parts.isEmpty { try emitOne(result, id: id, sentence: 0) }
                    for (k, part) in parts.enumerated() { try emitOne(part, id: id, sentence: k + 1) }
                } else {
                    try emitOne(result, id: id, sentence: nil)
                }
            }
            if let inputPath = source.input {
                let reader: PlainTextLineReader
                do { reader = try PlainTextLineReader(path: inputPath) } catch { throw CLIError.input("\(error)") }
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
                progress.finish(name: reader.name)
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

/// Inserts `fields` (",\"key\":value…") right after a JSON object's id field, or at its start.
func splice(_ object: String, _ fields: String) -> String {
    guard !fields.isEmpty else { return object }
    return "{" + fields.dropFirst() + "," + object.dropFirst()
}

/// Writes scored rows of a survey export: CSV with the original columns plus the score
/// columns, or JSON/NDJSON objects with the original fields, or a terminal table.
struct TabularScoreWriter {
    let input: TabularInput
    let format: OutputFormat
    let formatter: ScoreFormatter
    let sink: OutputSink
    let sentences: Bool
    private var count = 0
    private let scoreColumns = Array(ScoreFormatter.csvHeader.dropFirst(2))

    init(input: TabularInput, format: OutputFormat, formatter: ScoreFormatter, sink: OutputSink, sentences: Bool) {
        self.input = input
        self.format = format
        self.formatter = formatter
        self.sink = sink
        self.sentences = sentences
    }

    private var labelColumn: Bool { input.textLabels.count > 1 }

    private var leadingHeader: [String] {
        input.header.isEmpty ? ["id", "text"] : input.header
    }

    func begin() throws {
        switch format {
        case .csv:
            var header = leadingHeader
            if labelColumn { header.append("text_column") }
            if sentences { header += ["sentence", "sentence_text"] }
            try sink.line(CSVText.row(header + scoreColumns + ["error"]))
        case .table: try sink.line(formatter.tableHeader())
        case .json: try sink.write("[")
        case .ndjson: break
        }
    }

    func end() throws {
        if format == .json { try sink.write(count == 0 ? "]\n" : "\n]\n") }
    }

    /// A cell written back: formula-guarded unless it is a number.
    private func guarded(_ cell: String) -> String {
        guard formatter.guardFormulas, Double(cell) == nil else { return cell }
        return CSVText.guardFormula(cell)
    }

    private func leadingCells(_ row: InputRow, column: Int) -> [String] {
        if input.header.isEmpty { return [guarded(row.id), guarded(row.texts[column])] }
        var cells = row.cells.map(guarded)
        if cells.count < input.header.count { cells += Array(repeating: "", count: input.header.count - cells.count) }
        if cells.count > input.header.count { cells.removeLast(cells.count - input.header.count) }
        return cells
    }

    private func jsonPrefix(_ row: InputRow, column: Int, sentence: Int?) -> String {
        var out = "{\"row\":"
        out.reserveCapacity(1024)
        out += String(row.number)
        out += ",\"line\":"
        out += String(row.line)
        out += ",\"id\":"
        JSONText.append(row.id, to: &out)
        out += ",\"column\":"
        JSONText.append(input.textLabels[column], to: &out)
        if let sentence {
            out += ",\"sentence\":"
            out += String(sentence)
        }
        if let json = row.json {
            out += ",\"fields\":"
            out += json
        } else if !input.header.isEmpty {
            out += ",\"fields\":{"
            for (k, name) in input.header.enumerated() {
                if k > 0 { out += "," }
                JSONText.append(name, to: &out)
                out += ":"
                JSONText.append(k < row.cells.count ? row.cells[k] : "", to: &out)
            }
            out += "}"
        }
        return out
    }

    /// Scores a batch of rows on the pool's threads (scoring and formatting both run there)
    /// and writes their records in input order: the same bytes for any thread count.
    mutating func write(_ rows: [InputRow], pool: ScorerPool, progress: ProgressReporter) throws {
        let rendered = pool.map(rows) { scorer, row in render(row, scorer: scorer) }
        for row in rendered {
            progress.scored(row.scored)
            for record in row.records {
                switch format {
                case .json: try sink.write((count == 0 ? "\n" : ",\n") + record)
                default: try sink.line(record)
                }
                count += 1
            }
        }
    }

    /// The output records of one row (one per text column, or per sentence), without line
    /// ends or JSON array separators, and how many comments were scored.
    func render(_ row: InputRow, scorer: Scorer) -> (records: [String], scored: Int) {
        var formatter = self.formatter
        formatter.lexicon = scorer.lexicon  // the thread's own copy (see makeScorerPool)
        var records: [String] = []
        var scored = 0
        for column in row.texts.indices {
            if let error = row.error {
                records.append(errorRecord(row, column: column, message: error.description))
                continue
            }
            let result: CommentScore
            do {
                result = try scorer.score(row.texts[column])
            } catch {
                records.append(errorRecord(row, column: column, message: "\(input.name):\(row.line):1: \(error)"))
                continue
            }
            scored += 1
            if sentences {
                let parts = result.sentenceComments()
                if parts.isEmpty { records.append(scoreRecord(row, column: column, sentence: 0, result, formatter)) }
                for (k, part) in parts.enumerated() { records.append(scoreRecord(row, column: column, sentence: k + 1, part, formatter)) }
            } else {
                records.append(scoreRecord(row, column: column, sentence: nil, result, formatter))
            }
        }
        return (records, scored)
    }

    private func scoreRecord(_ row: InputRow, column: Int, sentence: Int?, _ result: CommentScore, _ formatter: ScoreFormatter) -> String {
        switch format {
        case .csv:
            var cells = leadingCells(row, column: column)
            if labelColumn { cells.append(input.textLabels[column]) }
            if let sentence { cells += [String(sentence), guarded(result.text)] }
            return CSVText.row(cells + formatter.csvScoreFields(result) + [""])
        case .table:
            var id = labelColumn ? "\(row.id)/\(input.textLabels[column])" : row.id
            if let sentence { id += ".\(sentence)" }
            return formatter.tableRow(result, id: id)
        case .json, .ndjson:
            var out = jsonPrefix(row, column: column, sentence: sentence)
            out += ","
            formatter.appendJSONFields(result, to: &out)
            out += "}"
            return out
        }
    }

    private func errorRecord(_ row: InputRow, column: Int, message: String) -> String {
        switch format {
        case .csv:
            var cells = leadingCells(row, column: column)
            if labelColumn { cells.append(input.textLabels[column]) }
            if sentences { cells += ["", ""] }
            return CSVText.row(cells + Array(repeating: "", count: scoreColumns.count) + ["error: " + message])
        case .table:
            return "\(row.id)  error: \(message)"
        case .json, .ndjson:
            return jsonPrefix(row, column: column, sentence: nil) + ",\"error\":\(JSONText.string(message))}"
        }
    }
}
