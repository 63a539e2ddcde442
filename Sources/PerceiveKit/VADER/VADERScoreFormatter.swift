/// Writes VADER-ruleset results in Perceive's output shapes (JSON, CSV, table) with VADER's
/// four values added: `neg`, `neu`, `pos`, `compound` (as vaderSentiment rounds them).
/// Perceive's own fields come from ``ScoreFormatter``, so both rulesets share one shape.
public struct VADERScoreFormatter: Sendable {
    public var base: ScoreFormatter

    /// - Parameter base: Perceive's formatter; its lexicon only names lexicon entries and
    ///   emotion categories, which VADER results never reference.
    public init(base: ScoreFormatter) {
        self.base = base
    }

    public static let csvHeader = ScoreFormatter.csvHeader + ["neg", "neu", "pos", "compound"]

    private func fields(_ p: VADERPolarity) -> String {
        "\"neg\":\(JSONText.number(p.neg)),\"neu\":\(JSONText.number(p.neu)),\"pos\":\(JSONText.number(p.pos)),\"compound\":\(JSONText.number(p.compound))"
    }

    /// One JSON object: VADER's four values right before Perceive's `emotion`.
    public func json(_ comment: CommentScore, _ polarity: VADERPolarity, id: String?) -> String {
        let object = base.json(comment, id: id)
        // The first `,"emotion":` is the field: inside JSON strings every quote is escaped.
        guard let at = object.firstRange(of: ",\"emotion\":") else { return "{" + fields(polarity) + "," + object.dropFirst() }
        return object[..<at.lowerBound] + "," + fields(polarity) + object[at.lowerBound...]
    }

    public func csvRow(_ comment: CommentScore, _ polarity: VADERPolarity, id: String) -> String {
        base.csvRow(comment, id: id) + "," + [polarity.neg, polarity.neu, polarity.pos, polarity.compound].map { JSONText.number($0) }.joined(separator: ",")
    }

    public func tableHeader() -> String {
        pad("id", 6) + pad("compound", 9) + pad("neg", 6) + pad("neu", 6) + pad("pos", 6) + base.tableHeader().dropFirst(6)
    }

    public func tableRow(_ comment: CommentScore, _ polarity: VADERPolarity, id: String) -> String {
        // ScoreFormatter pads the id to 6 columns: an empty id leaves exactly 6 spaces to drop.
        pad(id, 6) + pad((polarity.compound >= 0 ? "+" : "") + JSONText.number(polarity.compound), 9)
            + [polarity.neg, polarity.neu, polarity.pos].map { pad(JSONText.number($0, decimals: 3), 6) }.joined()
            + base.tableRow(comment, id: "").dropFirst(6)
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
