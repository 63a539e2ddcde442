/// VADER's four values in Perceive's output shapes (JSON fields, CSV columns, table columns):
/// `neg`, `neu`, `pos`, `compound` (as vaderSentiment rounds them). Perceive's own fields come
/// from ``ScoreFormatter`` and records are framed by ``ScoreRecordRenderer``, so both rulesets
/// share one shape.
public struct VADERScoreFormatter: Sendable {
    public var base: ScoreFormatter

    /// - Parameter base: Perceive's formatter; its lexicon only names lexicon entries and
    ///   emotion categories, which VADER results never reference.
    public init(base: ScoreFormatter) {
        self.base = base
    }

    /// The columns CSV output adds.
    public static let csvColumns = ["neg", "neu", "pos", "compound"]
    public static let csvHeader = ScoreFormatter.csvHeader + csvColumns

    /// Appends `"neg":…,"neu":…,"pos":…,"compound":…,` (the fields JSON output adds).
    @inlinable
    public static func appendJSONFields<Out: ByteSink & ~Copyable>(_ p: VADERPolarity, to out: inout Out) {
        out.appendUTF8("\"neg\":")
        JSONText.appendNumber(p.neg, to: &out)
        out.appendUTF8(",\"neu\":")
        JSONText.appendNumber(p.neu, to: &out)
        out.appendUTF8(",\"pos\":")
        JSONText.appendNumber(p.pos, to: &out)
        out.appendUTF8(",\"compound\":")
        JSONText.appendNumber(p.compound, to: &out)
        out.append(0x2C)
    }

    /// Appends `,neg,neu,pos,compound` (the columns CSV output adds).
    @inlinable
    public static func appendCSVFields<Out: ByteSink & ~Copyable>(_ p: VADERPolarity, to out: inout Out) {
        out.append(0x2C)
        JSONText.appendNumber(p.neg, to: &out)
        out.append(0x2C)
        JSONText.appendNumber(p.neu, to: &out)
        out.append(0x2C)
        JSONText.appendNumber(p.pos, to: &out)
        out.append(0x2C)
        JSONText.appendNumber(p.compound, to: &out)
    }

    public func tableHeader() -> String {
        pad("id", 6) + pad("compound", 9) + pad("neg", 6) + pad("neu", 6) + pad("pos", 6) + base.tableHeader().dropFirst(6)
    }

    public func tableRow(_ comment: CommentScore, _ polarity: VADERPolarity, id: String) -> String {
        // ScoreFormatter pads the id to 6 columns: an empty id leaves exactly 6 spaces to drop.
        pad(TerminalText.visible(id, keepingTabAndLineFeed: false), 6) + pad((polarity.compound >= 0 ? "+" : "") + JSONText.number(polarity.compound), 9)
            + [polarity.neg, polarity.neu, polarity.pos].map { pad(JSONText.number($0, decimals: 3), 6) }.joined()
            + base.tableRow(comment, id: "").dropFirst(6)
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
