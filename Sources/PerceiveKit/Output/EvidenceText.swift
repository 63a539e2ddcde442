/// Words for evidence: the note of each adjustment ("negated by \"not\""), the description of
/// a contribution a rule made ("45 min wait").
public enum EvidenceText {
    /// The note for an adjustment, quoting the text that triggered it.
    public static func note(_ adjustment: Adjustment, in comment: CommentScore) -> String {
        var out: [UInt8] = []
        appendNote(adjustment, in: comment, escapingForJSON: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``note(_:in:)`` as a JSON string literal, without building the String.
    static func appendNoteJSON<Out: ByteSink & ~Copyable>(_ adjustment: Adjustment, in comment: CommentScore, to out: inout Out) {
        out.append(0x22)
        appendNote(adjustment, in: comment, escapingForJSON: true, to: &out)
        out.append(0x22)
    }

    /// The note's words, written once for both uses: as they are, or escaped for the inside of
    /// a JSON string (the quoted trigger is then `\"word\"`).
    private static func appendNote<Out: ByteSink & ~Copyable>(_ adjustment: Adjustment, in comment: CommentScore,
                                                            escapingForJSON: Bool, to out: inout Out) {
        func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            if escapingForJSON { JSONText.appendEscaped(utf8: bytes, to: &out) } else { out.append(bytes: bytes) }
        }
        func trigger() {  // "word" (with its quotes), or nothing
            guard adjustment.triggerEnd > adjustment.triggerStart else { return }
            var comment = comment.text
            comment.withUTF8 { bytes in
                let lower = min(max(Int(adjustment.triggerStart), 0), bytes.count)
                let upper = min(max(Int(adjustment.triggerEnd), lower), bytes.count)
                if escapingForJSON { out.append(0x5C) }
                out.append(0x22)
                text(UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
                if escapingForJSON { out.append(0x5C) }
                out.append(0x22)
            }
        }
        switch adjustment.rule {
        case .negation: out.appendUTF8("negated by ")
        case .intensifier: out.appendUTF8("boosted by ")
        case .diminisher: out.appendUTF8("dampened by ")
        case .caps: out.appendUTF8("capitals ")
        case .contrast: out.appendUTF8(adjustment.factor < 1 ? "before " : "after ")
        case .concessive: out.appendUTF8("in ")
        case .exclamation, .question: out.appendUTF8("emphasis ")
        case .transfer: out.appendUTF8("transferred ")
        case .unresolved: out.appendUTF8("unresolved: ")
        case .sarcasm: out.appendUTF8("sarcastic before ")
        case .unrealized: out.appendUTF8("not done yet: ")
        case .counterfactual: out.appendUTF8("did not happen: ")
        case .lexicon, .duration, .repeatedContact, .resolution, .outcome, .verdict, .blockedAction, .burden, .tone, .serviceAction:
            var name = adjustment.rule.rawValue
            name.withUTF8 { text($0) }
            out.append(0x20)
        }
        trigger()
        if adjustment.rule == .concessive { out.appendUTF8(" clause") }
    }

    /// What a rule-made contribution stands for.
    public static func cause(_ e: Evidence, lexicon: Lexicon) -> String {
        switch e.source {
        case .lexicon: return lexicon.entries[Int(e.entry)].term
        case .duration:
            let minutes = e.quantity ?? 0
            if e.dimension == .success { return e.base > 0 ? "on time: \(duration(minutes))" : "took \(duration(minutes))" }
            return e.base > 0 ? "quick: \(duration(minutes))" : "wait of \(duration(minutes))"
        case .repeatedContact: return "\(JSONText.number(e.quantity ?? 0, decimals: 1)) contacts"
        case .transfer: return "transfer"
        case .resolution: return "solved at first contact"
        case .outcome:
            let goal = e.entry >= 0 ? lexicon.entries[Int(e.entry)].term : "goal"
            return e.base < 0 ? "no \(goal)" : "got the \(goal)"
        case .verdict:
            return "verdict on the product: \(e.entry >= 0 ? lexicon.entries[Int(e.entry)].term : "")"
        case .tone: return "tone of the comment"
        case .serviceAction: return "done for the customer: \(e.entry >= 0 ? lexicon.entries[Int(e.entry)].term : "")"
        case .blockedAction, .burden:
            let action = e.entry >= 0 ? lexicon.entries[Int(e.entry)].term : "act"
            return e.source == .blockedAction ? "could not \(action)" : "had to \(action)"
        default: return e.source.rawValue
        }
    }

    /// "45 min", "2 h", "3 days".
    public static func duration(_ minutes: Double) -> String {
        if minutes < 1 { return JSONText.number(minutes * 60, decimals: 0) + " s" }
        if minutes < 60 { return JSONText.number(minutes, decimals: 1) + " min" }
        if minutes < 1440 { return JSONText.number(minutes / 60, decimals: 1) + " h" }
        if minutes < 10080 { return JSONText.number(minutes / 1440, decimals: 1) + " days" }
        return JSONText.number(minutes / 10080, decimals: 1) + " weeks"
    }
}
