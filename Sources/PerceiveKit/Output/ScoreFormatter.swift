/// Writes ``CommentScore``s as JSON objects, CSV rows or a terminal table. One formatter
/// serves every output format so they share one shape.
public struct ScoreFormatter: Sendable {
    public var lexicon: Lexicon
    public var parameters: Parameters
    /// Include the evidence list in JSON.
    public var includeEvidence = true
    /// Include the comment text in JSON and tables.
    public var includeText = true
    /// Neutralize spreadsheet formulas in CSV text cells (see ``CSVText/cell(_:guardFormulas:)``).
    public var guardFormulas = true

    public init(lexicon: Lexicon, parameters: Parameters) {
        self.lexicon = lexicon
        self.parameters = parameters
    }

    // MARK: JSON

    private func bands(_ s: Scores) -> String {
        let p = parameters
        func label(_ d: Dimension) -> String {
            s.band(d, p).map { JSONText.string($0.label(for: d)) } ?? "null"
        }
        return "{\"emotion\":\(label(.emotion)),\"effort\":\(label(.effort)),\"success\":\(label(.success)),\"cx\":\(JSONText.string(Band.cxLabel(Band(s.cx, p))))}"
    }

    private func emotions(_ s: Scores) -> String {
        "{" + s.emotions.map { "\(JSONText.string($0.name)):\(JSONText.number($0.intensity))" }.joined(separator: ",") + "}"
    }

    private func scoreFields(_ s: Scores) -> String {
        "\"emotion\":\(JSONText.number(s.emotion)),\"effort\":\(JSONText.number(s.effort)),\"success\":\(JSONText.number(s.success)),\"cx\":\(JSONText.number(s.cx)),\"bands\":\(bands(s)),\"emotions\":\(emotions(s))"
    }

    /// One evidence item as a JSON object.
    public func json(_ e: Evidence, in comment: CommentScore) -> String {
        var out = "{\"dimension\":\"\(e.dimension.rawValue)\""
        if e.dimension == .emotions { out += ",\"category\":\(JSONText.string(lexicon.categories[Int(e.category)].name))" }
        out += ",\"text\":\(JSONText.string(comment.text(e.start, e.end))),\"start\":\(e.start),\"end\":\(e.end),\"sentence\":\(e.sentence)"
        out += ",\"source\":\"\(e.source.rawValue)\""
        if e.entry >= 0 { out += ",\"term\":\(JSONText.string(lexicon.entries[Int(e.entry)].term))" }
        if e.source != .lexicon { out += ",\"cause\":\(JSONText.string(EvidenceText.cause(e, lexicon: lexicon)))" }
        if let q = e.quantity { out += e.source == .duration ? ",\"minutes\":\(JSONText.number(q))" : ",\"count\":\(JSONText.number(q))" }
        out += ",\"base\":\(JSONText.number(e.base)),\"rules\":["
        out += e.adjustments.map {
            "{\"rule\":\"\($0.rule.rawValue)\",\"note\":\(JSONText.string(EvidenceText.note($0, in: comment))),\"factor\":\(JSONText.number($0.factor))}"
        }.joined(separator: ",")
        out += "],\"contribution\":\(JSONText.number(e.contribution))"
        if let share = comment.share(of: e) { out += ",\"share\":\(JSONText.number(share))" }
        return out + "}"
    }

    /// The whole result for one comment as one line of JSON.
    public func json(_ comment: CommentScore, id: String?) -> String {
        var out = "{"
        if let id { out += "\"id\":\(JSONText.string(id))," }
        if includeText { out += "\"text\":\(JSONText.string(comment.text))," }
        let s = comment.scores
        out += scoreFields(s)
        out += ",\"counts\":{\"tokens\":\(comment.tokenCount),\"matches\":\(comment.matchCount),\"emotion\":\(s.emotionCount),\"effort\":\(s.effortCount),\"success\":\(s.successCount)}"
        out += ",\"sentences\":["
        out += comment.sentences.map { sentence in
            var item = "{\"index\":\(sentence.index),\"start\":\(sentence.start),\"end\":\(sentence.end)"
            if includeText { item += ",\"text\":\(JSONText.string(comment.text(sentence.start, sentence.end)))" }
            return item + "," + scoreFields(sentence.scores) + "}"
        }.joined(separator: ",")
        out += "]"
        if includeEvidence {
            out += ",\"evidence\":[" + comment.evidence.map { json($0, in: comment) }.joined(separator: ",") + "]"
        }
        return out + "}"
    }

    // MARK: CSV

    public static let csvHeader = ["id", "text", "emotion", "emotion_band", "effort", "effort_band", "success", "success_band",
                                   "cx", "cx_band", "emotions", "evidence"]

    /// The score columns for one comment (without id and text).
    public func csvScoreFields(_ comment: CommentScore) -> [String] {
        let s = comment.scores
        let p = parameters
        func n(_ v: Double?) -> String { v.map { JSONText.number($0) } ?? "" }
        let evidence = comment.evidence.filter { $0.dimension != .emotions }.map {
            "\(comment.text($0.start, $0.end)) (\($0.dimension.rawValue) \(JSONText.number($0.contribution, decimals: 2)))"
        }.joined(separator: "; ")
        return [
            n(s.emotion), Band(s.emotion, p).label(for: .emotion),
            n(s.effort), s.band(.effort, p)?.label(for: .effort) ?? "",
            n(s.success), s.band(.success, p)?.label(for: .success) ?? "",
            n(s.cx), Band.cxLabel(Band(s.cx, p)),
            s.emotions.map { "\($0.name):\(JSONText.number($0.intensity, decimals: 2))" }.joined(separator: ";"),
            CSVText.guardFormula(evidence, enabled: guardFormulas),
        ]
    }

    public func csvRow(_ comment: CommentScore, id: String) -> String {
        let fields = [CSVText.guardFormula(id, enabled: guardFormulas), CSVText.guardFormula(comment.text, enabled: guardFormulas)]
            + csvScoreFields(comment)
        return CSVText.row(fields)
    }

    // MARK: Table

    /// Column header of the terminal table.
    public func tableHeader() -> String {
        pad("id", 6) + pad("emotion", 9) + pad("effort", 9) + pad("success", 9) + pad("cx", 9) + pad("emotions", 26) + (includeText ? "comment" : "")
    }

    /// One comment as a row of the terminal table.
    public func tableRow(_ comment: CommentScore, id: String) -> String {
        let s = comment.scores
        func n(_ v: Double?) -> String { v.map { ($0 >= 0 ? "+" : "") + JSONText.number($0, decimals: 2) } ?? "–" }
        let emotions = s.emotions.prefix(2).map { "\($0.name) \(JSONText.number($0.intensity, decimals: 2))" }.joined(separator: ", ")
        var text = comment.text.replacing("\n", with: " ").replacing("\r", with: " ").replacing("\t", with: " ")
        if text.count > 60 { text = String(text.prefix(59)) + "…" }
        return pad(id, 6) + pad(n(s.emotion), 9) + pad(n(s.effort), 9) + pad(n(s.success), 9) + pad(n(s.cx), 9)
            + pad(emotions.isEmpty ? "–" : emotions, 26) + (includeText ? text : "")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}

/// CSV quoting and spreadsheet-formula protection.
public enum CSVText {
    /// Quotes `field` per RFC 4180 when it holds a comma, quote, CR or LF.
    public static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",")
    }

    /// A text cell that starts with `=`, `+`, `-`, `@`, TAB or CR would run as a formula when
    /// the CSV is opened in a spreadsheet; such a cell gets a leading `'` (OWASP's advice).
    public static func guardFormula(_ text: String, enabled: Bool = true) -> String {
        guard enabled, let first = text.utf8.first else { return text }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return "'" + text
        default: return text
        }
    }
}
