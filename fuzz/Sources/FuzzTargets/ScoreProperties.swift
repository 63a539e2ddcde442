import Foundation
import PerceiveKit

/// Checks what a ``CommentScore`` promises: every score in [-1, 1] (named emotions in
/// [0, 1]), every contribution equal to its base times its rules' factors, the comment and
/// sentence scores equal to the aggregate of their evidence, evidence offsets inside the
/// text and on token boundaries, and JSON output that parses back to the same text.
public func checkScore(_ result: CommentScore, scorer: Scorer, label: String) {
    let p = scorer.parameters
    let lexicon = scorer.lexicon
    let byteCount = result.text.utf8.count
    func checkRange(_ s: Scores, _ what: String) {
        for (name, value) in [("emotion", s.emotion), ("effort", s.effort), ("success", s.success), ("cx", s.cx)] {
            guard let value else { continue }
            FuzzCheck.require(value.isFinite && value >= -1 && value <= 1, "\(label): \(what) \(name) = \(value) outside [-1, 1]")
        }
        for e in s.emotions {
            FuzzCheck.require(e.intensity.isFinite && e.intensity > 0 && e.intensity <= 1,
                              "\(label): \(what) emotion \(e.name) = \(e.intensity) outside (0, 1]")
        }
        FuzzCheck.require((s.effort == nil) == (s.effortCount == 0) && (s.success == nil) == (s.successCount == 0),
                          "\(label): \(what) null effort/success disagrees with the counts")
    }
    checkRange(result.scores, "comment")
    for (i, e) in result.evidence.enumerated() {
        var product = e.base
        for a in e.adjustments { product *= a.factor }
        FuzzCheck.require(product == e.contribution || (product.isNaN && e.contribution.isNaN),
                          "\(label): evidence \(i) contribution \(e.contribution) != base \(e.base) × factors = \(product)")
        FuzzCheck.require(e.contribution.isFinite, "\(label): evidence \(i) contribution \(e.contribution)")
        FuzzCheck.require(e.start >= 0 && e.start <= e.end && Int(e.end) <= byteCount,
                          "\(label): evidence \(i) range \(e.start)..<\(e.end) outside \(byteCount) bytes")
        FuzzCheck.require(e.sentence >= 0 && Int(e.sentence) < result.sentences.count,
                          "\(label): evidence \(i) in sentence \(e.sentence) of \(result.sentences.count)")
        FuzzCheck.require(e.firstToken >= 0 && e.firstToken <= e.endToken && Int(e.endToken) <= result.tokenCount,
                          "\(label): evidence \(i) tokens \(e.firstToken)..<\(e.endToken) of \(result.tokenCount)")
        FuzzCheck.require(e.dimension != .emotions || (e.category >= 0 && Int(e.category) < lexicon.categories.count),
                          "\(label): evidence \(i) category \(e.category)")
        FuzzCheck.require(e.entry < Int32(lexicon.entries.count), "\(label): evidence \(i) entry \(e.entry)")
        for a in e.adjustments {
            FuzzCheck.require(a.factor.isFinite, "\(label): evidence \(i) rule \(a.rule) factor \(a.factor)")
            FuzzCheck.require(a.triggerStart >= 0 && a.triggerStart <= a.triggerEnd && Int(a.triggerEnd) <= byteCount,
                              "\(label): evidence \(i) rule \(a.rule) trigger \(a.triggerStart)..<\(a.triggerEnd)")
        }
    }
    let aggregate = Scores.aggregate(result.evidence, lexicon: lexicon, parameters: p)
    FuzzCheck.require(aggregate == result.scores, "\(label): Scores.aggregate(evidence) = \(aggregate) but the comment has \(result.scores)")
    for (s, sentence) in result.sentences.enumerated() {
        checkRange(sentence.scores, "sentence \(s)")
        FuzzCheck.require(sentence.index == s, "\(label): sentence \(s) has index \(sentence.index)")
        let own = Scores.aggregate(result.evidence.filter { $0.sentence == Int32(s) }, lexicon: lexicon, parameters: p)
        FuzzCheck.require(own == sentence.scores, "\(label): sentence \(s) aggregate \(own) != \(sentence.scores)")
    }
    // The shares of a dimension add up to its score before clamping (a single contribution
    // beyond ±1, e.g. boosted by "!!", takes the mean past ±1; the score is then ±1).
    for dimension in [Dimension.emotion, .effort, .success] {
        let items = result.evidence.filter { $0.dimension == dimension }
        guard !items.isEmpty, let score = result.scores.score(dimension) else { continue }
        let sum = items.reduce(0.0) { $0 + (result.share(of: $1) ?? .nan) }
        FuzzCheck.require(abs(min(1, max(-1, sum)) - score) <= 1e-9 * max(1, Double(items.count)),
                          "\(label): \(dimension) shares add up to \(sum), the score is \(score)")
    }
}

/// Checks that the JSON of a result parses and carries the comment's text unchanged.
/// (`JSONDecoder`, not `JSONSerialization`: on Linux the latter drops U+FEFF inside strings.)
public func checkJSON(_ result: CommentScore, formatter: ScoreFormatter, label: String) {
    struct Item: Decodable { init(from decoder: Decoder) throws {} }
    struct Line: Decodable {
        var text: String
        var evidence: [Item]
        var sentences: [Item]
    }
    let line = formatter.json(result, id: "1")
    FuzzCheck.require(!line.utf8.contains(0x0A), "\(label): the JSON line contains a raw newline")
    let parsed: Line
    do {
        parsed = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
    } catch {
        FuzzCheck.fail("\(label): output is not valid JSON (\(error)): \(line.prefix(500))")
    }
    FuzzCheck.require(parsed.text == result.text, "\(label): JSON text does not round-trip")
    FuzzCheck.require(parsed.evidence.count == result.evidence.count && parsed.sentences.count == result.sentences.count,
                      "\(label): JSON has \(parsed.evidence.count) evidence items of \(result.evidence.count)")
}

/// Checks that a CSV row is one record of exactly the header's fields, with its text cell
/// neutralized against spreadsheet formulas.
public func checkCSV(_ result: CommentScore, formatter: ScoreFormatter, label: String) {
    let row = formatter.csvRow(result, id: "1")
    let fields = parseCSVRecord(row)
    FuzzCheck.require(fields?.count == ScoreFormatter.csvHeader.count,
                      "\(label): CSV row has \(fields?.count ?? -1) fields, expected \(ScoreFormatter.csvHeader.count): \(row.prefix(300))")
    guard let text = fields?[1] else { return }
    if let first = text.utf8.first {
        FuzzCheck.require(![UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first),
                          "\(label): CSV text cell starts with a formula character: \(text.prefix(40))")
    }
}

/// Parses one RFC 4180 record (the whole string); nil when it is malformed or holds more
/// than one record.
public func parseCSVRecord(_ row: String) -> [String]? {
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false, wasQuoted = false
    var bytes = Array(row.utf8)[...]
    while let b = bytes.popFirst() {
        if quoted {
            if b == 0x22 {
                if bytes.first == 0x22 { field.append(0x22); bytes.removeFirst() } else { quoted = false }
            } else { field.append(b) }
        } else if b == 0x22 && field.isEmpty && !wasQuoted {
            quoted = true; wasQuoted = true
        } else if b == 0x2C {
            fields.append(String(decoding: field, as: UTF8.self)); field = []; wasQuoted = false
        } else if b == 0x0A || b == 0x0D || b == 0x22 || wasQuoted {
            return nil
        } else { field.append(b) }
    }
    if quoted { return nil }
    fields.append(String(decoding: field, as: UTF8.self))
    return fields
}
