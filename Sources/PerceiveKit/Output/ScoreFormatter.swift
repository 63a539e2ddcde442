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

    // Every JSON writer appends to one growing string: building each field as a String of its
    // own and joining them cost four times the scoring itself (perf, issue 5).

    private func appendBands(_ s: Scores, to out: inout String) {
        let p = parameters
        func label(_ d: Dimension) {
            if let band = s.band(d, p) { JSONText.append(band.label(for: d), to: &out) } else { out += "null" }
        }
        out += "{\"emotion\":"
        label(.emotion)
        out += ",\"effort\":"
        label(.effort)
        out += ",\"success\":"
        label(.success)
        out += ",\"cx\":"
        JSONText.append(Band.cxLabel(Band(s.cx, p)), to: &out)
        out += "}"
    }

    private func appendScoreFields(_ s: Scores, to out: inout String) {
        out += "\"emotion\":"
        JSONText.appendNumber(s.emotion, to: &out)
        out += ",\"effort\":"
        JSONText.appendNumber(s.effort, to: &out)
        out += ",\"success\":"
        JSONText.appendNumber(s.success, to: &out)
        out += ",\"cx\":"
        JSONText.appendNumber(s.cx, to: &out)
        out += ",\"bands\":"
        appendBands(s, to: &out)
        out += ",\"emotions\":{"
        for (k, emotion) in s.emotions.enumerated() {
            if k > 0 { out += "," }
            JSONText.append(emotion.name, to: &out)
            out += ":"
            JSONText.appendNumber(emotion.intensity, to: &out)
        }
        out += "}"
    }

    /// One evidence item as a JSON object.
    public func json(_ e: Evidence, in comment: CommentScore) -> String {
        var out = ""
        appendJSON(e, in: comment, to: &out)
        return out
    }

    private func appendJSON(_ e: Evidence, in comment: CommentScore, to out: inout String) {
        out += "{\"dimension\":\""
        out += e.dimension.rawValue
        out += "\""
        if e.dimension == .emotions {
            out += ",\"category\":"
            JSONText.append(lexicon.categories[Int(e.category)].name, to: &out)
        }
        out += ",\"text\":"
        JSONText.append(comment.text(e.start, e.end), to: &out)
        out += ",\"start\":"
        out += String(e.start)
        out += ",\"end\":"
        out += String(e.end)
        out += ",\"sentence\":"
        out += String(e.sentence)
        out += ",\"source\":\""
        out += e.source.rawValue
        out += "\""
        if e.entry >= 0 {
            out += ",\"term\":"
            JSONText.append(lexicon.entries[Int(e.entry)].term, to: &out)
        }
        if e.source != .lexicon {
            out += ",\"cause\":"
            JSONText.append(EvidenceText.cause(e, lexicon: lexicon), to: &out)
        }
        if let q = e.quantity {
            out += e.source == .duration ? ",\"minutes\":" : ",\"count\":"
            JSONText.appendNumber(q, to: &out)
        }
        out += ",\"base\":"
        JSONText.appendNumber(e.base, to: &out)
        out += ",\"rules\":["
        for (k, adjustment) in e.adjustments.enumerated() {
            out += k > 0 ? ",{\"rule\":\"" : "{\"rule\":\""
            out += adjustment.rule.rawValue
            out += "\",\"note\":"
            JSONText.append(EvidenceText.note(adjustment, in: comment), to: &out)
            out += ",\"factor\":"
            JSONText.appendNumber(adjustment.factor, to: &out)
            out += "}"
        }
        out += "],\"contribution\":"
        JSONText.appendNumber(e.contribution, to: &out)
        if let share = comment.share(of: e) {
            out += ",\"share\":"
            JSONText.appendNumber(share, to: &out)
        }
        out += "}"
    }

    /// The whole result for one comment as one line of JSON.
    public func json(_ comment: CommentScore, id: String?) -> String {
        var out = "{"
        out.reserveCapacity(1024)
        if let id {
            out += "\"id\":"
            JSONText.append(id, to: &out)
            out += ","
        }
        appendJSONFields(comment, to: &out)
        out += "}"
        return out
    }

    /// Appends the fields of ``json(_:id:)`` without `id` and without the braces, for callers
    /// that write fields of their own first (`"text":…,"emotion":…,…,"evidence":[…]`).
    public func appendJSONFields(_ comment: CommentScore, to out: inout String) {
        if includeText {
            out += "\"text\":"
            JSONText.append(comment.text, to: &out)
            out += ","
        }
        let s = comment.scores
        appendScoreFields(s, to: &out)
        out += ",\"counts\":{\"tokens\":"
        out += String(comment.tokenCount)
        out += ",\"matches\":"
        out += String(comment.matchCount)
        out += ",\"emotion\":"
        out += String(s.emotionCount)
        out += ",\"effort\":"
        out += String(s.effortCount)
        out += ",\"success\":"
        out += String(s.successCount)
        out += "},\"sentences\":["
        for (k, sentence) in comment.sentences.enumerated() {
            out += k > 0 ? ",{\"index\":" : "{\"index\":"
            out += String(sentence.index)
            out += ",\"start\":"
            out += String(sentence.start)
            out += ",\"end\":"
            out += String(sentence.end)
            if includeText {
                out += ",\"text\":"
                JSONText.append(comment.text(sentence.start, sentence.end), to: &out)
            }
            out += ","
            appendScoreFields(sentence.scores, to: &out)
            out += "}"
        }
        out += "]"
        if includeEvidence {
            out += ",\"evidence\":["
            for (k, e) in comment.evidence.enumerated() {
                if k > 0 { out += "," }
                appendJSON(e, in: comment, to: &out)
            }
            out += "]"
        }
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
    /// Quotes `field` per RFC 4180 when it holds a comma, quote, CR or LF, or starts with
    /// U+FEFF (which a reader would take for a byte-order mark at the start of a file).
    public static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
                || field.unicodeScalars.first == "\u{FEFF}" else { return field }
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
