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
        rows.append(("shifters", "\(shifters.map(\.count).reduce(0, +))"))
        rows += shifters.map { ("  \($0.kind.rawValue)", "\($0.count)") }
        rows.append(("cues", "\(cues.map(\.count).reduce(0, +))"))
        rows += cues.filter { $0.count > 0 }.map { ("  \($0.kind.rawValue)", "\($0.count)") }
        return rows
    }
}
