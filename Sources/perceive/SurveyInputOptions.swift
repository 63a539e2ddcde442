import ArgumentParser
import Foundation
import PerceiveKit

/// Where comments come from: a text file (one per line), CSV, TSV or JSON Lines, or stdin.
struct SurveyInputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp(
        "Input file: one comment per line (.txt), a survey export (.csv, .tsv) or JSON Lines (.jsonl), or - for stdin.", valueName: "file"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Input format: text, csv, tsv or jsonl (default: from the file extension; text for stdin).", valueName: "format"))
    var inputFormat: InputFormatArgument?

    @Option(name: .long, help: ArgumentHelp(
        "Column with the comments, by name, question text or 1-based position (repeat for several; each is scored and labeled).",
        valueName: "column"))
    var textColumn: [String] = []

    @Option(name: .long, help: ArgumentHelp("JSON Lines: field with the comments, as a dotted path (e.g. response.comment).", valueName: "path"))
    var textField: [String] = []

    @Option(name: .long, help: ArgumentHelp("Column (or JSON field) with the row's id.", valueName: "column"))
    var idColumn: String?

    @Option(name: .long, help: ArgumentHelp("CSV field separator: a character, or tab (default: sniffed from the header line).", valueName: "char"))
    var delimiter: String?

    @Flag(name: .long, help: "No progress bar and no summary line on stderr.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Scoring threads (default: all cores); output is identical, in input order, for any count.", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads \(threads): expected 1 or more") }
    }

    var isTabular: Bool { resolvedFormat != .text }

    var resolvedFormat: InputFormat {
        InputFormat.resolve(path: input, asked: inputFormat?.format, textColumns: !textColumn.isEmpty, textFields: !textField.isEmpty)
    }

    func delimiterByte() throws -> UInt8? {
        try delimiter.map { try TabularInputOptions.delimiter(option: $0) }
    }

    /// Opens the input with the columns that matter. An unreadable file or a missing column
    /// is a usage error (exit 2) naming file, line and column.
    func open(by: [String] = []) throws -> TabularInput {
        guard let input else { throw CLIError.input("expected --input FILE (- for stdin)") }
        let options = TabularInputOptions(
            format: resolvedFormat, delimiter: try delimiterByte(),
            textColumns: (textColumn + textField).map(ColumnSelector.init),
            idColumn: idColumn.map(ColumnSelector.init), byColumns: by.map(ColumnSelector.init))
        do {
            return try TabularInput(path: input, options: options)
        } catch {
            throw CLIError.input("\(error)")
        }
    }
}

struct InputFormatArgument: ExpressibleByArgument {
    var format: InputFormat
    init?(argument: String) {
        guard let format = InputFormat(option: argument) else { return nil }
        self.format = format
    }
    static var allValueStrings: [String] { InputFormat.allCases.map(\.rawValue) }
}

/// Reads the next row of `input`, turning a read failure into a usage error, and counts it.
func nextRow(_ input: TabularInput, progress: ProgressReporter) throws -> InputRow? {
    let row: InputRow?
    do { row = try input.next() } catch { throw CLIError.input("\(error)") }
    if let row { progress.row(error: row.error != nil, bytesRead: input.bytesRead) }
    return row
}

extension ProgressReporter {
    /// The progress of a command on stderr: a bar (rows, rows/s, ETA from the file size) when
    /// stderr is a terminal and not `--quiet`, and a one-line summary at the end unless `--quiet`.
    convenience init(quiet: Bool, totalBytes: Int64?) {
        self.init(quiet: quiet, showsBar: isatty(STDERR_FILENO) == 1, totalBytes: totalBytes) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
