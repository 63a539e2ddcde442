/// Writes scored records to an output, in one ``ScoreRecordFormat``: ``begin()``, then records
/// (``record(_:id:polarity:analysis:lexicon:)``, ``error(id:text:message:)``, or rows rendered
/// on the scoring threads, ``write(_:)``), then ``end()``. The one sink that `score` (plain text,
/// arguments and exports, both rulesets) and `explain --format json` write through, as
/// ripgrep's printers share one sink shape; the bytes come from its ``renderer``.
///
/// ```swift
/// let out = ByteBuffer()
/// let writer = ScoreRecordWriter(renderer: ScoreRecordRenderer(format: .json, formatter: formatter), output: out)
/// try writer.begin()
/// try writer.record(try scorer.score("Still waiting."), id: "1")
/// try writer.end()   // out.text: "[\n{\"id\":\"1\",…}\n]\n"
/// ```
public final class ScoreRecordWriter {
    public let renderer: ScoreRecordRenderer
    private let output: any ByteOutput
    /// Records written so far.
    public private(set) var records = 0
    private var scratch = ByteWriter(capacity: 4096)

    public init(renderer: ScoreRecordRenderer, output: any ByteOutput) {
        self.renderer = renderer
        self.output = output
    }

    /// Writes the start of the output (CSV or table header, the JSON array's `[`).
    public func begin() throws { try write(renderer.begin()) }

    /// Writes the end of the output (the JSON array's closing).
    public func end() throws { try write(renderer.end(records: records)) }

    /// Writes a scored comment with an id: one record, or one per sentence.
    public func record(_ comment: CommentScore, id: String, polarity: VADERPolarity? = nil,
                       analysis: Analysis? = nil, lexicon: Lexicon? = nil) throws {
        scratch.removeAll()
        let count = renderer.render(comment, id: id, polarity: polarity, analysis: analysis, lexicon: lexicon, to: &scratch)
        try writeScratch(count)
    }

    /// Writes the record of a comment that could not be scored.
    public func error(id: String, text: String, message: String) throws {
        scratch.removeAll()
        renderer.renderError(id: id, text: text, message: message, to: &scratch)
        try writeScratch(1)
    }

    /// Writes what became of a comment: its record when it was scored (with VADER's values for
    /// `--ruleset vader`), else its error record with the error's message. Returns whether it
    /// was scored.
    @discardableResult
    public func write(_ scored: Result<(CommentScore, VADERPolarity?), any Error>, id: String, text: String) throws -> Bool {
        switch scored {
        case .success(let (comment, polarity)):
            try record(comment, id: id, polarity: polarity)
            return true
        case .failure(let failure):
            try error(id: id, text: text, message: "\(failure)")
            return false
        }
    }

    /// Writes an export row rendered by ``ScoreRecordRenderer/render(_:scorer:)``.
    public func write(_ row: ScoreRecordRenderer.RenderedRow) throws {
        guard row.records > 0 else { return }
        try row.withUnsafeBytes { try write(records: row.records, $0) }
    }

    private func writeScratch(_ count: Int) throws {
        try scratch.withUnsafeBytes { try write(records: count, $0) }
        // After a long comment's record, give its room back rather than keep it for the run.
        if scratch.count > 1 << 20 { scratch = ByteWriter(capacity: 4096) }
    }

    private func write(records count: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        // JSON records come with a leading ",\n"; the first of the array drops its comma.
        let skip = renderer.format == .json && records == 0 ? 1 : 0
        try output.write(bytes: UnsafeBufferPointer(rebasing: bytes[skip...]))
        records += count
    }

    private func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try output.write(bytes: $0) }
    }
}
