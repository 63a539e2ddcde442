/// Counts that describe a lexicon (`perceive lexicon stats`): terms per dimension and sign,
/// phrases, named emotions per category, shifters by kind, cues by kind.
public struct LexiconStatistics: Sendable {
    public var name: String
    public var version: String
    /// Entries that score something.
    public var scoredTerms = 0
    public var singleWords = 0
    public var phrases = 0
    /// Per dimension (`valence`, `effort`, `success`): (positive, negative) counts.
    public var valence = (positive: 0, negative: 0)
    public var effort = (positive: 0, negative: 0)
    public var success = (positive: 0, negative: 0)
    public var termsWithEmotions = 0
    /// Category name → number of terms, in the manifest's order.
    public var emotions: [(name: String, count: Int)] = []
    public var shifters: [(kind: ShifterKind, count: Int)] = []
    public var cues: [(kind: CueKind, count: Int)] = []

    public init(_ lexicon: Lexicon) {
        name = lexicon.name
        version = lexicon.version
        var emotionCounts = [Int](repeating: 0, count: lexicon.categories.count)
        var shifterCounts: [ShifterKind: Int] = [:]
        var cueCounts: [CueKind: Int] = [:]
        func tally(_ value: Double?, _ counts: inout (positive: Int, negative: Int)) {
            guard let value else { return }
            if value > 0 { counts.positive += 1 } else if value < 0 { counts.negative += 1 }
        }
        for entry in lexicon.entries {
            if entry.isScored {
                scoredTerms += 1
                if entry.tokenCount > 1 { phrases += 1 } else { singleWords += 1 }
                tally(entry.valence, &valence)
                tally(entry.effort, &effort)
                tally(entry.success, &success)
                if !entry.emotions.isEmpty { termsWithEmotions += 1 }
                for weight in entry.emotions { emotionCounts[weight.category] += 1 }
            }
            if let shifter = entry.shifter { shifterCounts[shifter, default: 0] += 1 }
            for kind in entry.cues.kinds { cueCounts[kind, default: 0] += 1 }
        }
        emotions = zip(lexicon.categories, emotionCounts).map { ($0.name, $1) }
        shifters = ShifterKind.allCases.map { ($0, shifterCounts[$0] ?? 0) }
        cues = CueKind.allCases.map { ($0, cueCounts[$0] ?? 0) }
    }

    /// Shifters of every kind.
    public var shifterCount: Int { shifters.map(\.count).reduce(0, +) }
    /// Cues of every kind.
    public var cueCount: Int { cues.map(\.count).reduce(0, +) }

    /// Lines of `label  value` for people.
    public var lines: [(String, String)] {
        var rows: [(String, String)] = [
            ("lexicon", "\(name) \(version)"),
            ("scored terms", "\(scoredTerms) (\(singleWords) single words, \(phrases) phrases)"),
            ("valence", "\(valence.positive + valence.negative) (\(valence.positive) positive, \(valence.negative) negative)"),
            ("effort", "\(effort.positive + effort.negative) (\(effort.positive) easy, \(effort.negative) hard)"),
            ("success", "\(success.positive + success.negative) (\(success.positive) achieved, \(success.negative) failed)"),
            ("named emotions", "\(termsWithEmotions) terms"),
        ]
        rows += emotions.map { ("  \($0.name)", "\($0.count)") }
        rows.append(("shifters", "\(shifterCount)"))
        rows += shifters.map { ("  \($0.kind.rawValue)", "\($0.count)") }
        rows.append(("cues", "\(cueCount)"))
        rows += cues.filter { $0.count > 0 }.map { ("  \($0.kind.rawValue)", "\($0.count)") }
        return rows
    }

    /// `perceive lexicon stats`' table: ``lines`` with the values in one column, each line
    /// with its newline.
    public func table() -> String {
        let lines = self.lines
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { label, value in label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value + "\n" }.joined()
    }

    /// `perceive lexicon stats --format json`: one JSON object (without a newline) with the
    /// counts, and the `format` the lexicon was read from.
    ///
    /// ```
    /// LexiconStatistics(lexicon).json(format: .native)
    /// // {"name":"en-cx","version":"…","format":"native","scoredTerms":…,"valence":{"positive":…,"negative":…},…}
    /// ```
    public func json(format: LexiconFormat) -> String {
        func pair(_ p: (positive: Int, negative: Int)) -> String { "{\"positive\":\(p.positive),\"negative\":\(p.negative)}" }
        var json = "{\"name\":\(JSONText.string(name)),\"version\":\(JSONText.string(version)),\"format\":\"\(format.rawValue)\""
        json += ",\"scoredTerms\":\(scoredTerms),\"singleWords\":\(singleWords),\"phrases\":\(phrases)"
        json += ",\"valence\":\(pair(valence)),\"effort\":\(pair(effort)),\"success\":\(pair(success))"
        json += ",\"termsWithEmotions\":\(termsWithEmotions)"
        json += ",\"emotions\":{" + emotions.map { "\(JSONText.string($0.name)):\($0.count)" }.joined(separator: ",") + "}"
        json += ",\"shifters\":{" + shifters.map { "\"\($0.kind.rawValue)\":\($0.count)" }.joined(separator: ",") + "}"
        json += ",\"cues\":{" + cues.map { "\"\($0.kind.rawValue)\":\($0.count)" }.joined(separator: ",") + "}}"
        return json
    }
}
