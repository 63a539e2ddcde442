/// How much invalid UTF-8 a reader replaced by U+FFFD: the rows (lines, records) that held
/// some, the invalid sequences replaced (one U+FFFD each, as `String(decoding:as:)` does:
/// each maximal invalid subpart), and the line of the first such row. The rows themselves
/// are kept and scored; this is what the summary line reports about them.
///
/// ```swift
/// let reader = try PlainTextLineReader(path: "comments.txt")
/// while try reader.next() != nil {}
/// reader.invalidUTF8   // rows: 2, sequences: 3, firstLine: 12
/// ```
public struct InvalidUTF8Count: Sendable, Equatable {
    /// Rows that held invalid UTF-8.
    public internal(set) var rows = 0
    /// Invalid sequences replaced, each by one U+FFFD.
    public internal(set) var sequences = 0
    /// 1-based line of the first row that held invalid UTF-8.
    public internal(set) var firstLine: Int?

    public init() {}

    /// Counts one row at `line` in which `sequences` invalid sequences were replaced (none: nothing to count).
    mutating func add(sequences: Int, line: Int) {
        guard sequences > 0 else { return }
        rows += 1
        self.sequences += sequences
        if firstLine == nil { firstLine = line }
    }

    /// Decodes `bytes` as UTF-8, replacing each invalid sequence by U+FFFD, and adds the number
    /// replaced to `replaced`. Valid text (the usual case) costs one validating copy, as
    /// `String(decoding:as:)` does; only text with invalid bytes is read a second time.
    ///
    /// - Complexity: O(n) in the bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, replaced: inout Int) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        replaced += invalidSequences(in: bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The number of U+FFFD that `String(decoding:as: UTF8.self)` puts in for `bytes`.
    static func invalidSequences(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var count = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error: count += 1
            case .emptyInput: return count
            }
        }
    }
}
