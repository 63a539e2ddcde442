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
    /// Write topics (set it when the scorer matches topics, ``Scorer/topics``): JSON records
    /// gain `topics` and each evidence item `topic`, CSV a `topics` column. Off, the output is
    /// what it was before topics existed.
    public var includeTopics = false

    public init(lexicon: Lexicon, parameters: Parameters) {
        self.lexicon = lexicon
        self.parameters = parameters
    }

    /// The formatter of `scorer`'s results: its lexicon and parameters, with topics when it
    /// matches them.
    public init(for scorer: Scorer) {
        self.init(lexicon: scorer.lexicon, parameters: scorer.parameters)
        includeTopics = scorer.topics != nil
    }

    // MARK: JSON

    // Every JSON writer appends UTF-8 bytes to one growing buffer (a ``ByteWriter`` on the
    // batch paths): building each field as a String of its own and joining them cost four
    // times the scoring itself, and String appends still cost more than the scoring (perf,
    // issue 5).

    private func appendBands<Out: ByteSink & ~Copyable>(_ s: Scores, to out: inout Out) {
        let p = parameters
        func label(_ d: Dimension) {
            if let band = s.band(d, p) {
                out.append(0x22)
                out.appendUTF8(band.labelUTF8(for: d))
                out.append(0x22)
            } else {
                out.appendUTF8("null")
            }
        }
        out.appendUTF8("{\"emotion\":")
        label(.emotion)
        out.appendUTF8(",\"effort\":")
        label(.effort)
        out.appendUTF8(",\"success\":")
        label(.success)
        out.appendUTF8(",\"cx\":\"")
        out.appendUTF8(Band(s.cx, p).cxLabelUTF8)
        out.appendUTF8("\"}")
    }

    private func appendScoreFields<Out: ByteSink & ~Copyable>(_ s: Scores, to out: inout Out) {
        out.appendUTF8("\"emotion\":")
        JSONText.appendNumber(s.emotion, to: &out)
        out.appendUTF8(",\"effort\":")
        JSONText.appendNumber(s.effort, to: &out)
        out.appendUTF8(",\"success\":")
        JSONText.appendNumber(s.success, to: &out)
        out.appendUTF8(",\"cx\":")
        JSONText.appendNumber(s.cx, to: &out)
        out.appendUTF8(",\"bands\":")
        appendBands(s, to: &out)
        out.appendUTF8(",\"emotions\":{")
        for (k, emotion) in s.emotions.enumerated() {
            if k > 0 { out.append(0x2C) }
            JSONText.append(emotion.name, to: &out)
            out.append(0x3A)
            JSONText.appendNumber(emotion.intensity, to: &out)
        }
        out.append(0x7D)
    }

    /// One evidence item as a JSON object.
    public func json(_ e: Evidence, in comment: CommentScore) -> String {
        var out: [UInt8] = []
        appendJSONMembers(e, in: comment, totals: comment.shareTotals(), to: &out)
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }

    /// An evidence item as a JSON object without its closing brace.
    private func appendJSONMembers<Out: ByteSink & ~Copyable>(_ e: borrowing Evidence, in comment: CommentScore, totals: ShareTotals,
                                                              to out: inout Out) {
        out.appendUTF8("{\"dimension\":\"")
        out.append(utf8: e.dimension.rawValue)
        out.append(0x22)
        if e.dimension == .emotions {
            out.appendUTF8(",\"category\":")
            JSONText.append(lexicon.categories[Int(e.category)].name, to: &out)
        }
        out.appendUTF8(",\"text\":")
        appendText(comment, e.start, e.end, to: &out)
        out.appendUTF8(",\"start\":")
        JSONText.appendInteger(e.start, to: &out)
        out.appendUTF8(",\"end\":")
        JSONText.appendInteger(e.end, to: &out)
        out.appendUTF8(",\"sentence\":")
        JSONText.appendInteger(e.sentence, to: &out)
        out.appendUTF8(",\"source\":\"")
        out.append(utf8: e.source.rawValue)
        out.append(0x22)
        if e.entry >= 0 {
            out.appendUTF8(",\"term\":")
            JSONText.append(lexicon.entries[Int(e.entry)].term, to: &out)
        }
        if e.source != .lexicon {
            out.appendUTF8(",\"cause\":")
            JSONText.append(EvidenceText.cause(e, lexicon: lexicon), to: &out)
        }
        if let q = e.quantity {
            if e.source == .duration { out.appendUTF8(",\"minutes\":") } else { out.appendUTF8(",\"count\":") }
            JSONText.appendNumber(q, to: &out)
        }
        out.appendUTF8(",\"base\":")
        JSONText.appendNumber(e.base, to: &out)
        out.appendUTF8(",\"rules\":[")
        for (k, adjustment) in e.adjustments.enumerated() {
            if k > 0 { out.append(0x2C) }
            out.appendUTF8("{\"rule\":\"")
            out.append(utf8: adjustment.rule.rawValue)
            out.appendUTF8("\",\"note\":")
            EvidenceText.appendNoteJSON(adjustment, in: comment, to: &out)
            out.appendUTF8(",\"factor\":")
            JSONText.appendNumber(adjustment.factor, to: &out)
            out.append(0x7D)
        }
        out.appendUTF8("],\"contribution\":")
        JSONText.appendNumber(e.contribution, to: &out)
        if let share = comment.share(of: e, totals: totals) {
            out.appendUTF8(",\"share\":")
            JSONText.appendNumber(share, to: &out)
        }
    }

    /// `,"topics":[{"topic":…,"mentions":[{"text","start","end"}],"emotion","effort","success","emotions":{…},"evidence"}]`,
    /// reading the topics and the comment's bytes in place.
    private func appendTopicsJSON<Out: ByteSink & ~Copyable>(_ comment: CommentScore, to out: inout Out) {
        out.appendUTF8(",\"topics\":[")
        var text = comment.text
        text.withUTF8 { bytes in
            (comment.topics ?? []).withUnsafeBufferPointer { topics in
                for k in topics.indices {
                    if k > 0 { out.append(0x2C) }
                    out.appendUTF8("{\"topic\":\"")
                    out.append(utf8: topics[k].path)  // a-z 0-9 - / only: nothing to escape
                    out.appendUTF8("\",\"mentions\":[")
                    topics[k].mentions.withUnsafeBufferPointer { mentions in
                        for j in mentions.indices {
                            if j > 0 { out.append(0x2C) }
                            let lower = min(max(Int(mentions[j].start), 0), bytes.count), upper = min(max(Int(mentions[j].end), lower), bytes.count)
                            out.appendUTF8("{\"text\":")
                            JSONText.append(utf8: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), to: &out)
                            out.appendUTF8(",\"start\":")
                            JSONText.appendInteger(mentions[j].start, to: &out)
                            out.appendUTF8(",\"end\":")
                            JSONText.appendInteger(mentions[j].end, to: &out)
                            out.append(0x7D)
                        }
                    }
                    out.appendUTF8("],\"emotion\":")
                    JSONText.appendNumber(topics[k].emotion, to: &out)
                    out.appendUTF8(",\"effort\":")
                    JSONText.appendNumber(topics[k].effort, to: &out)
                    out.appendUTF8(",\"success\":")
                    JSONText.appendNumber(topics[k].success, to: &out)
                    out.appendUTF8(",\"emotions\":{")
                    for (j, emotion) in topics[k].emotions.enumerated() {
                        if j > 0 { out.append(0x2C) }
                        JSONText.append(emotion.name, to: &out)
                        out.append(0x3A)
                        JSONText.appendNumber(emotion.intensity, to: &out)
                    }
                    out.appendUTF8("},\"evidence\":")
                    JSONText.appendInteger(topics[k].evidenceCount, to: &out)
                    out.append(0x7D)
                }
            }
        }
        out.append(0x5D)
    }

    /// The comment's bytes `start..<end` as a JSON string, without making a String of them.
    private func appendText<Out: ByteSink & ~Copyable>(_ comment: CommentScore, _ start: Int32, _ end: Int32, to out: inout Out) {
        var text = comment.text
        text.withUTF8 { bytes in
            let lower = min(max(Int(start), 0), bytes.count), upper = min(max(Int(end), lower), bytes.count)
            JSONText.append(utf8: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), to: &out)
        }
    }

    /// The whole result for one comment as one line of JSON.
    public func json(_ comment: CommentScore, id: String?) -> String {
        var out: [UInt8] = []
        appendJSON(comment, id: id, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``json(_:id:)`` to `out`.
    public func appendJSON(_ comment: CommentScore, id: String?, to out: inout [UInt8]) {
        writeJSON(comment, id: id, to: &out)
    }

    /// Appends ``json(_:id:)`` to `out`.
    public func appendJSON(_ comment: CommentScore, id: String?, to out: inout ByteWriter) {
        writeJSON(comment, id: id, to: &out)
    }

    private func writeJSON<Out: ByteSink & ~Copyable>(_ comment: CommentScore, id: String?, to out: inout Out) {
        out.append(0x7B)
        if let id {
            out.appendUTF8("\"id\":")
            JSONText.append(id, to: &out)
            out.append(0x2C)
        }
        writeJSONFields(comment, to: &out, extraFields: nil)
        out.append(0x7D)
    }

    /// Appends the fields of ``json(_:id:)`` without `id` and without the braces, for callers
    /// that write fields of their own first (`"text":…,"emotion":…,…,"evidence":[…]`).
    public func appendJSONFields(_ comment: CommentScore, to out: inout String) {
        var bytes: [UInt8] = []
        appendJSONFields(comment, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the fields of ``json(_:id:)`` without `id` and without the braces; `extraFields`
    /// (e.g. VADER's four values, each `"key":value,`) go right before `emotion`.
    public func appendJSONFields(_ comment: CommentScore, to out: inout [UInt8], extraFields: ((inout [UInt8]) -> Void)? = nil) {
        writeJSONFields(comment, to: &out, extraFields: extraFields)
    }

    /// Appends the fields of ``json(_:id:)``; see ``appendJSONFields(_:to:extraFields:)-([UInt8],_)``.
    public func appendJSONFields(_ comment: CommentScore, to out: inout ByteWriter, extraFields: ((inout ByteWriter) -> Void)? = nil) {
        writeJSONFields(comment, to: &out, extraFields: extraFields)
    }

    private func writeJSONFields<Out: ByteSink & ~Copyable>(_ comment: CommentScore, to out: inout Out, extraFields: ((inout Out) -> Void)?) {
        if includeText {
            out.appendUTF8("\"text\":")
            JSONText.append(comment.text, to: &out)
            out.append(0x2C)
        }
        extraFields?(&out)
        let s = comment.scores
        appendScoreFields(s, to: &out)
        out.appendUTF8(",\"counts\":{\"tokens\":")
        JSONText.appendInteger(comment.tokenCount, to: &out)
        out.appendUTF8(",\"matches\":")
        JSONText.appendInteger(comment.matchCount, to: &out)
        out.appendUTF8(",\"emotion\":")
        JSONText.appendInteger(s.emotionCount, to: &out)
        out.appendUTF8(",\"effort\":")
        JSONText.appendInteger(s.effortCount, to: &out)
        out.appendUTF8(",\"success\":")
        JSONText.appendInteger(s.successCount, to: &out)
        out.appendUTF8("},\"sentences\":[")
        comment.sentences.withUnsafeBufferPointer { sentences in  // in place: a copy retains its emotions
            for k in sentences.indices {
                if k > 0 { out.append(0x2C) }
                out.appendUTF8("{\"index\":")
                JSONText.appendInteger(sentences[k].index, to: &out)
                out.appendUTF8(",\"start\":")
                JSONText.appendInteger(sentences[k].start, to: &out)
                out.appendUTF8(",\"end\":")
                JSONText.appendInteger(sentences[k].end, to: &out)
                if includeText {
                    out.appendUTF8(",\"text\":")
                    appendText(comment, sentences[k].start, sentences[k].end, to: &out)
                }
                out.append(0x2C)
                appendScoreFields(sentences[k].scores, to: &out)
                out.append(0x7D)
            }
        }
        out.append(0x5D)
        if includeTopics { appendTopicsJSON(comment, to: &out) }
        if includeEvidence {
            out.appendUTF8(",\"evidence\":[")
            let totals = comment.shareTotals()  // once per comment: per item made this quadratic
            // Each item's `"topic":["delivery/shipping",…]` (`[]` when unattributed), read in
            // place (no slice or TopicScore copied per item). Paths need no escaping: the loader
            // allows only a-z 0-9 - / in them.
            (comment.topics ?? []).withUnsafeBufferPointer { topics in
                comment.evidenceTopics.withTopics { slotsOf in
                    comment.evidence.withUnsafeBufferPointer { items in  // in place: a copy retains its adjustments
                        for k in items.indices {
                            if k > 0 { out.append(0x2C) }
                            appendJSONMembers(items[k], in: comment, totals: totals, to: &out)
                            if includeTopics {
                                out.appendUTF8(",\"topic\":[")
                                for (n, slot) in slotsOf(k).enumerated() {
                                    if n > 0 { out.append(0x2C) }
                                    out.append(0x22)
                                    out.append(utf8: topics[Int(slot)].path)
                                    out.append(0x22)
                                }
                                out.append(0x5D)
                            }
                            out.append(0x7D)
                        }
                    }
                }
            }
            out.append(0x5D)
        }
    }

    // MARK: CSV

    public static let csvHeader = ["id", "text", "emotion", "emotion_band", "effort", "effort_band", "success", "success_band",
                                   "cx", "cx_band", "emotions", "evidence"]

    /// The column after ``csvHeader``'s with ``includeTopics``: the topics mentioned, paths
    /// joined by `;`, in order of first mention.
    public static let csvTopicsColumn = "topics"

    /// Appends the score columns for one comment (without id and text), each preceded by a
    /// comma: emotion, its band, effort, its band, success, its band, cx, its band, emotions
    /// (`name:intensity;…`), evidence (`text (dimension contribution); …`, formula-guarded), and
    /// with ``includeTopics`` the topics (`path;…`, formula-guarded).
    public func appendCSVScoreFields(_ comment: CommentScore, to out: inout [UInt8]) {
        writeCSVScoreFields(comment, to: &out)
    }

    /// Appends the score columns; see ``appendCSVScoreFields(_:to:)-([UInt8])``.
    public func appendCSVScoreFields(_ comment: CommentScore, to out: inout ByteWriter) {
        writeCSVScoreFields(comment, to: &out)
    }

    private func writeCSVScoreFields<Out: ByteSink & ~Copyable>(_ comment: CommentScore, to out: inout Out) {
        let s = comment.scores
        let p = parameters
        func number(_ v: Double?) {
            out.append(0x2C)
            if let v { JSONText.appendNumber(v, to: &out) }
        }
        func label(_ text: StaticString) {  // band names need no quoting
            out.append(0x2C)
            out.appendUTF8(text)
        }
        number(s.emotion)
        label(Band(s.emotion, p).labelUTF8(for: .emotion))
        number(s.effort)
        label(s.band(.effort, p)?.labelUTF8(for: .effort) ?? "")
        number(s.success)
        label(s.band(.success, p)?.labelUTF8(for: .success) ?? "")
        number(s.cx)
        label(Band(s.cx, p).cxLabelUTF8)
        var cell = ByteWriter(capacity: 256)
        for (k, emotion) in s.emotions.enumerated() {
            if k > 0 { cell.append(0x3B) }
            cell.append(utf8: emotion.name)
            cell.append(0x3A)
            JSONText.appendNumber(emotion.intensity, decimals: 2, to: &cell)
        }
        out.append(0x2C)
        cell.withUnsafeBytes { CSVText.append(field: $0, guardFormula: guardFormulas, to: &out) }  // names come from the lexicon
        cell.removeAll()
        var text = comment.text
        text.withUTF8 { bytes in
            for e in comment.evidence where e.dimension != .emotions {
                if cell.count > 0 { cell.appendUTF8("; ") }
                let lower = min(max(Int(e.start), 0), bytes.count), upper = min(max(Int(e.end), lower), bytes.count)
                cell.append(bytes: UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
                cell.appendUTF8(" (")
                cell.append(utf8: e.dimension.rawValue)
                cell.append(0x20)
                JSONText.appendNumber(e.contribution, decimals: 2, to: &cell)
                cell.append(0x29)
            }
        }
        out.append(0x2C)
        cell.withUnsafeBytes { CSVText.append(field: $0, guardFormula: guardFormulas, to: &out) }
        if includeTopics {
            cell.removeAll()
            for (k, topic) in (comment.topics ?? []).enumerated() {
                if k > 0 { cell.append(0x3B) }
                cell.append(utf8: topic.path)
            }
            out.append(0x2C)
            cell.withUnsafeBytes { CSVText.append(field: $0, guardFormula: guardFormulas, to: &out) }
        }
    }

    /// Appends `id,text,` and the score columns (see ``appendCSVScoreFields(_:to:)``), text cells
    /// formula-guarded.
    public func appendCSVRow(_ comment: CommentScore, id: String, sentence: Int? = nil, to out: inout [UInt8]) {
        writeCSVRow(comment, id: id, sentence: sentence, to: &out)
    }

    /// Appends `id,text,` and the score columns; see ``appendCSVRow(_:id:sentence:to:)-([UInt8])``.
    public func appendCSVRow(_ comment: CommentScore, id: String, sentence: Int? = nil, to out: inout ByteWriter) {
        writeCSVRow(comment, id: id, sentence: sentence, to: &out)
    }

    private func writeCSVRow<Out: ByteSink & ~Copyable>(_ comment: CommentScore, id: String, sentence: Int?, to out: inout Out) {
        CSVText.append(field: id, guardFormula: guardFormulas, to: &out)
        if let sentence {
            out.append(0x2C)
            JSONText.appendInteger(sentence, to: &out)
        }
        out.append(0x2C)
        CSVText.append(field: comment.text, guardFormula: guardFormulas, to: &out)
        writeCSVScoreFields(comment, to: &out)
    }

    public func csvRow(_ comment: CommentScore, id: String) -> String {
        var out: [UInt8] = []
        appendCSVRow(comment, id: id, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Table

    /// Column header of the terminal table.
    public func tableHeader() -> String {
        pad("id", 6) + pad("emotion", 9) + pad("effort", 9) + pad("success", 9) + pad("cx", 9) + pad("emotions", 26) + (includeText ? "comment" : "")
    }

    /// One comment as a row of the terminal table. Line breaks and tabs in the comment become
    /// spaces, and other control characters (ESC sequences) visible escapes
    /// (``TerminalText/visible(_:keepingTabAndLineFeed:)``), in the text and the id.
    public func tableRow(_ comment: CommentScore, id: String) -> String {
        let s = comment.scores
        func n(_ v: Double?) -> String { v.map { ($0 >= 0 ? "+" : "") + JSONText.number($0, decimals: 2) } ?? "–" }
        let emotions = s.emotions.prefix(2).map { "\($0.name) \(JSONText.number($0.intensity, decimals: 2))" }.joined(separator: ", ")
        var text = comment.text.replacing("\n", with: " ").replacing("\r", with: " ").replacing("\t", with: " ")
        if text.count > 60 { text = String(text.prefix(59)) + "…" }
        text = TerminalText.visible(text, keepingTabAndLineFeed: false)
        return pad(TerminalText.visible(id, keepingTabAndLineFeed: false), 6) + pad(n(s.emotion), 9) + pad(n(s.effort), 9) + pad(n(s.success), 9) + pad(n(s.cx), 9)
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
        // By bytes: a quote that a combining mark joins into one Character (`"\u{301}`) must
        // be doubled too (String.replacing matched Characters and missed it; found by fuzz-csv).
        var out: [UInt8] = []
        append(field: field, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `field` quoted as ``quote(_:)`` does, after ``guardFormula(_:enabled:)`` when
    /// `guardFormula` is set.
    @inlinable
    public static func append<Out: ByteSink & ~Copyable>(field: String, guardFormula: Bool = false, to out: inout Out) {
        var field = field
        field.withUTF8 { append(field: $0, guardFormula: guardFormula, to: &out) }
    }

    /// Appends the UTF-8 cell `field`; see ``append(field:guardFormula:to:)-(String,_,_)``.
    @inlinable
    public static func append<Out: ByteSink & ~Copyable>(field: [UInt8], guardFormula: Bool = false, to out: inout Out) {
        field.withUnsafeBufferPointer { append(field: $0, guardFormula: guardFormula, to: &out) }
    }

    @inlinable
    public static func append<Out: ByteSink & ~Copyable>(field: UnsafeBufferPointer<UInt8>, guardFormula: Bool = false, to out: inout Out) {
        var guarded = false
        if guardFormula, let first = field.first {
            switch first {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: guarded = true
            default: break
            }
        }
        // A leading U+FEFF (EF BB BF) is quoted so a reader does not take it for a byte-order mark.
        let quoted = (!guarded && field.count >= 3 && field[0] == 0xEF && field[1] == 0xBB && field[2] == 0xBF)
            || field.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
        if quoted { out.append(0x22) }
        if guarded { out.append(0x27) }
        if quoted {
            for byte in field {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        } else {
            out.append(bytes: field)
        }
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
