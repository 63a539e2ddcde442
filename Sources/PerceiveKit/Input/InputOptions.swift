/// A command-line input option with a value that cannot be used (`--delimiter ';;'`).
public struct InputOptionError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension InputFormat {
    /// The format an `--input-format` value names: `text`, `csv`, `tsv`, `jsonl` or its alias
    /// `ndjson`, in any case; nil for anything else.
    public init?(option: String) {
        let lower = option.lowercased()
        guard let format = InputFormat(rawValue: lower) ?? (lower == "ndjson" ? .jsonl : nil) else { return nil }
        self = format
    }

    /// The format to read an input in: the one asked for; else, for stdin, text; else the one
    /// the file name suggests, except that a file that suggests text but is given text columns
    /// is CSV (or JSON Lines when the columns are JSON fields).
    public static func resolve(path: String?, asked: InputFormat?, textColumns: Bool, textFields: Bool) -> InputFormat {
        if let asked { return asked }
        guard let path else { return .text }
        let detected = detect(path: path)
        if detected == .text && (textColumns || textFields) { return textFields ? .jsonl : .csv }
        return detected
    }
}

extension TabularInputOptions {
    /// The separator byte a `--delimiter` value names: `tab` (or `\t`, or a tab character), or
    /// one ASCII character that is not a quote or a line end.
    public static func delimiter(option: String) throws(InputOptionError) -> UInt8 {
        switch option {
        case "tab", "\\t", "\t": return 0x09
        default:
            guard option.utf8.count == 1, let byte = option.utf8.first, byte < 0x80, byte != 0x22, byte != 0x0A, byte != 0x0D else {
                throw InputOptionError("--delimiter \(option): expected one ASCII character (or tab), not a quote or line end")
            }
            return byte
        }
    }
}
