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
        try OutputSink.refuseInputAsOutput(output, inputs: source.input.map { [$0] } ?? [])
        if lexiconOptions.ruleset == .vader { return try runVADER() }   // VADERScoring.swift
        let scorer = try lexiconOptions.makeScorer()
        var formatter = ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        formatter.includeEvidence = evidence
        formatter.guardFormulas = csvFormulaGuard
        let format = self.format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .ndjson)
        if source.input != nil && source.isTabular {
            let pool = try lexiconOptions.makeScorerPool(scorer, threads: source.threads)
            return try writeExport(format: format, formatter: formatter, vader: false) { writer, input, progress in
                // With more than one thread, reading the next batch and writing the last one (on
                // this thread) overlap with scoring (on the pool's): the serial part no longer
                // caps the speed-up. One thread scores in line, on this thread only.
                var pending: PendingBatch<TabularScoreWriter.Rendered>?
                func send(_ batch: [InputRow]) throws {
                    if pool.threads == 1 { return try writer.write(batch, pool: pool, progress: progress) }
                    let previous = pending?.wait()
                    pending = batch.isEmpty ? nil : writer.submit(batch, pool: pool)
                    if let previous { try writer.write(previous, progress: progress) }
                }
                var batch: [InputRow] = []
                batch.reserveCapacity(ParallelScoring.batchSize)
                while true {
                    let next: InputRow?
                    do { next = try nextRow(input) } catch {
                        try send(batch)  // the rows before the failure
                        try send([])
                        throw error
                    }
                    guard let row = next else { break }
                    progress.row(error: row.error != nil, bytesRead: input.bytesRead)
                    batch.append(row)
                    if batch.count == ParallelScoring.batchSize {
                        try send(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                try send(batch)
                try send([])
            }
        }
        // The input is opened (and its first chunk read) before anything is written: a refused
        // input (a directory, a UTF-16 file) leaves stdout empty.
        var textReader: PlainTextLineReader?
        if let inputPath = source.input {
            do { textReader = try PlainTextLineReader(path: inputPath) } catch { throw CLIError.input("\(error)") }
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
                switch format {
                case .json, .ndjson:
                    var record: [UInt8] = []
                    if format == .json { record.appendUTF8(count == 0 ? "\n" : ",\n") }
                    record.append(0x7B)
                    if let sentence {  // {"sentence":k,"id":…,…}
                        record.appendUTF8("\"sentence\":")
                        JSONText.appendInteger(sentence, to: &record)
                        record.append(0x2C)
                    }
                    record.appendUTF8("\"id\":")
                    JSONText.append(id, to: &record)
                    record.append(0x2C)
                    formatter.appendJSONFields(result, to: &record)
                    record.append(0x7D)
                    if format == .ndjson { record.append(0x0A) }
                    try record.withUnsafeBufferPointer { try sink.write(bytes: $0) }
                case .csv:
                    var row: [UInt8] = []
                    formatter.appendCSVRow(result, id: id, sentence: sentence, to: &row)
                    row.append(0x0A)
                    try row.withUnsafeBufferPointer { try sink.write(bytes: $0) }
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
                    case .csv:
                        let guarded = formatter.guardFormulas
                        try sink.line(CSVText.row([CSVText.guardFormula(id, enabled: guarded), CSVText.guardFormula(text, enabled: guarded)]
                            + Array(repeating: "", count: 9) + ["error: \(error)"]))
                    case .table: try sink.line(TerminalText.visible("\(id)  error: \(error)", keepingTabAndLineFeed: false))
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
            if let reader = textReader {
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
                progress.finish(name: reader.name, notes: reader.notes)
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

extension ScoreCommand {
    /// `score` of a survey export, for either ruleset: opens the input and the output, writes
    /// the header, lets `rows` score and write every row, then the end of the output, moves a
    /// file into place and prints the summary line. The exit status: 1 when rows had errors.
    func writeExport(format: OutputFormat, formatter: ScoreFormatter, vader: Bool,
                     _ rows: (inout TabularScoreWriter, TabularInput, ProgressReporter) throws -> Void) throws -> Int32 {
        let input = try source.open()
        let sink = try OutputSink(path: output)
        do {
            var writer = TabularScoreWriter(input: input, format: format, formatter: formatter, sink: sink,
                                            sentences: sentences, vader: vader)
            let progress = ProgressReporter(quiet: source.quiet, totalBytes: input.totalBytes)
            try writer.begin()
            try rows(&writer, input, progress)
            try writer.end()
            try sink.finish()
            progress.finish(name: input.name, notes: input.notes)
            return progress.rowsWithErrors > 0 ? ExitStatus.rowErrors : ExitStatus.success
        } catch {
            sink.abandon()
            throw error
        }
    }
}

/// Writes scored rows of a survey export: CSV with the original columns plus the score
/// columns, or JSON/NDJSON objects with the original fields, or a terminal table.
struct TabularScoreWriter {
    let input: TabularInput
    let format: OutputFormat
    let formatter: ScoreFormatter
    let sink: OutputSink
    let sentences: Bool
    /// Whether records carry VADER's four values (`--ruleset vader`).
    let vader: Bool
    private var count = 0
    private let scoreColumns: [String]
    /// JSON keys of the `fields` object: the header names, a repeated one suffixed with `#` and
    /// its 1-based column from its second occurrence on (`comment`, `comment#4`), so that no
    /// JSON reader drops a column.
    private let fieldKeys: [String]
    /// The input's header, text column labels and name, copied once: the scoring threads read
    /// them for every row, and reading them from the `TabularInput` object, which the main
    /// thread keeps updating as it reads, made the threads share its cache lines.
    private let header: [String]
    private let textLabels: [String]
    private let inputName: String

    init(input: TabularInput, format: OutputFormat, formatter: ScoreFormatter, sink: OutputSink, sentences: Bool, vader: Bool = false) {
        self.input = input
        self.format = format
        self.formatter = formatter
        self.sink = sink
        self.sentences = sentences
        self.vader = vader
        scoreColumns = Array((vader ? VADERScoreFormatter.csvHeader : ScoreFormatter.csvHeader).dropFirst(2))
        var seen = Set<String>()
        header = input.header
        textLabels = input.textLabels
        inputName = input.name
        fieldKeys = input.header.enumerated().map { k, name in
            var key = name
            if seen.contains(key) { key = "\(name)#\(k + 1)" }
            while seen.contains(key) { key += "#" }
            seen.insert(key)
            return key
        }
    }

    private var labelColumn: Bool { textLabels.count > 1 }

    private var leadingHeader: [String] {
        header.isEmpty ? ["id", "text"] : header
    }

    func begin() throws {
        switch format {
        case .csv:
            var header = leadingHeader.map(guarded)  // the input's column names are cells too (issue 15)
            if labelColumn { header.append("text_column") }
            if sentences { header += ["sentence", "sentence_text"] }
            try sink.line(CSVText.row(header + scoreColumns + ["error"]))
        case .table: try sink.line(vader ? VADERScoreFormatter(base: formatter).tableHeader() : formatter.tableHeader())
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
        if header.isEmpty { return [guarded(row.id), guarded(row.texts[column])] }
        var cells = row.cells.map(guarded)
        if cells.count < header.count { cells += Array(repeating: "", count: header.count - cells.count) }
        if cells.count > header.count { cells.removeLast(cells.count - header.count) }
        return cells
    }

    private func appendJSONPrefix(_ row: InputRow, column: Int, sentence: Int?, to out: inout ByteWriter) {
        out.appendUTF8("{\"row\":")
        JSONText.appendInteger(row.number, to: &out)
        out.appendUTF8(",\"line\":")
        JSONText.appendInteger(row.line, to: &out)
        out.appendUTF8(",\"id\":")
        JSONText.append(row.id, to: &out)
        out.appendUTF8(",\"column\":")
        JSONText.append(textLabels[column], to: &out)
        if let sentence {
            out.appendUTF8(",\"sentence\":")
            JSONText.appendInteger(sentence, to: &out)
        }
        if let json = row.json {
            out.appendUTF8(",\"fields\":")
            out.append(utf8: json)
        } else if !header.isEmpty {
            out.appendUTF8(",\"fields\":{")
            for (k, name) in fieldKeys.enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONText.append(name, to: &out)
                out.append(0x3A)
                JSONText.append(k < row.cells.count ? row.cells[k] : "", to: &out)
            }
            out.append(0x7D)
        }
    }

    /// Scores a batch of rows on the pool's threads (scoring and formatting both run there)
    /// and writes their records in input order: the same bytes for any thread count.
    mutating func write(_ rows: [InputRow], pool: ScorerPool, progress: ProgressReporter) throws {
        let renderer = Renderer(self)
        try write(pool.map(rows) { scorer, row in renderer.writer.render(row, scorer: scorer) }, progress: progress)
    }

    /// Starts scoring and rendering a batch on the pool's threads; see ``write(_:progress:)``.
    func submit(_ rows: [InputRow], pool: ScorerPool) -> PendingBatch<Rendered> {
        let renderer = Renderer(self)
        return pool.submit(rows) { scorer, row in renderer.writer.render(row, scorer: scorer) }
    }

    /// The writer as the scoring threads see it: one object, so that rendering a row borrows
    /// its fields. A struct captured by the closure was copied for every row, retaining and
    /// releasing its twenty-odd references (header, keys, sink, the formatter's lexicon) from
    /// both threads: about 7% of the work, on cache lines the two threads shared (callgrind).
    private final class Renderer: @unchecked Sendable {
        let writer: TabularScoreWriter
        init(_ writer: TabularScoreWriter) { self.writer = writer }
    }

    /// Writes rendered rows in order.
    mutating func write(_ rendered: [Rendered], progress: ProgressReporter) throws {
        for row in rendered {
            progress.scored(row.scored)
            guard row.records > 0 else { continue }
            // JSON records come with a leading ",\n"; the first of the array drops its comma.
            let skip = format == .json && count == 0 ? 1 : 0
            try row.bytes.withUnsafeBufferPointer { try sink.write(bytes: UnsafeBufferPointer(rebasing: $0[skip...])) }
            count += row.records
        }
    }

    /// One input row rendered: its output records (one per text column, or per sentence), each
    /// ended by a line end (JSON arrays: each preceded by ",\n"), and how many comments were scored.
    struct Rendered {
        var bytes: [UInt8] = []
        var records = 0
        var scored = 0
    }

    func render(_ row: InputRow, scorer: Scorer) -> Rendered {
        // A formatter on the thread's own lexicon (see makeScorerPool), made afresh rather than
        // copied from `self.formatter`: copying that one retained and released the first
        // scorer's lexicon arrays from every thread, per row.
        var formatter = ScoreFormatter(lexicon: scorer.lexicon, parameters: scorer.parameters)
        formatter.includeEvidence = self.formatter.includeEvidence
        formatter.includeText = self.formatter.includeText
        formatter.guardFormulas = self.formatter.guardFormulas
        return render(row, formatter: formatter) { (try scorer.score($0), nil) }
    }

    /// Renders a row with any scorer: Perceive's, or VADER's (which adds its four values).
    func render(_ row: InputRow, formatter: ScoreFormatter, score: (String) throws -> (CommentScore, VADERPolarity?)) -> Rendered {
        var out = Rendered()
        var bytes = ByteWriter(capacity: formatter.includeEvidence ? 4096 : 1024)
        func record(_ body: (inout ByteWriter) -> Void) {
            if format == .json { bytes.appendUTF8(",\n") }
            body(&bytes)
            if format != .json { bytes.append(0x0A) }
            out.records += 1
        }
        for column in row.texts.indices {
            if let error = row.error {
                record { errorRecord(row, column: column, message: error.description, to: &$0) }
                continue
            }
            let result: CommentScore
            let polarity: VADERPolarity?
            do {
                (result, polarity) = try score(row.texts[column])
            } catch {
                record { errorRecord(row, column: column, message: "\(inputName):\(row.line):1: \(error)", to: &$0) }
                continue
            }
            out.scored += 1
            if sentences {
                let parts = result.sentenceComments()
                if parts.isEmpty { record { scoreRecord(row, column: column, sentence: 0, result, nil, formatter, to: &$0) } }
                for (k, part) in parts.enumerated() { record { scoreRecord(row, column: column, sentence: k + 1, part, nil, formatter, to: &$0) } }
            } else {
                record { scoreRecord(row, column: column, sentence: nil, result, polarity, formatter, to: &$0) }
            }
        }
        out.bytes = bytes.array
        return out
    }

    private func scoreRecord(_ row: InputRow, column: Int, sentence: Int?, _ result: CommentScore, _ polarity: VADERPolarity?,
                             _ formatter: ScoreFormatter, to out: inout ByteWriter) {
        switch format {
        case .csv:
            var cells = leadingCells(row, column: column)
            if labelColumn { cells.append(guarded(textLabels[column])) }
            if let sentence { cells += [String(sentence), guarded(result.text)] }
            out.append(utf8: CSVText.row(cells))
            formatter.appendCSVScoreFields(result, to: &out)
            if let polarity { VADERScoreFormatter.appendCSVFields(polarity, to: &out) }
            out.append(0x2C)  // the error column, empty
        case .table:
            var id = labelColumn ? "\(row.id)/\(textLabels[column])" : row.id
            if let sentence { id += ".\(sentence)" }
            if let polarity {
                out.append(utf8: VADERScoreFormatter(base: formatter).tableRow(result, polarity, id: id))
            } else {
                out.append(utf8: formatter.tableRow(result, id: id))
            }
        case .json, .ndjson:
            appendJSONPrefix(row, column: column, sentence: sentence, to: &out)
            out.append(0x2C)
            if let polarity {
                formatter.appendJSONFields(result, to: &out) { VADERScoreFormatter.appendJSONFields(polarity, to: &$0) }
            } else {
                formatter.appendJSONFields(result, to: &out)
            }
            out.append(0x7D)
        }
    }

    private func errorRecord(_ row: InputRow, column: Int, message: String, to out: inout ByteWriter) {
        switch format {
        case .csv:
            var cells = leadingCells(row, column: column)
            if labelColumn { cells.append(guarded(textLabels[column])) }
            if sentences { cells += ["", ""] }
            out.append(utf8: CSVText.row(cells + Array(repeating: "", count: scoreColumns.count) + ["error: " + message]))
        case .table:
            out.append(utf8: TerminalText.visible("\(row.id)  error: \(message)", keepingTabAndLineFeed: false))
        case .json, .ndjson:
            appendJSONPrefix(row, column: column, sentence: nil, to: &out)
            out.appendUTF8(",\"error\":")
            JSONText.append(message, to: &out)
            out.append(0x7D)
        }
    }
}
