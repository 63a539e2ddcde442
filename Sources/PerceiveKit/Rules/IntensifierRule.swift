/// Intensifiers ("very", "extremely") and diminishers ("slightly", "kind of") within
/// ``Parameters/intensifierWindow`` tokens before a contribution, in the same clause, multiply
/// it by 1 + weight or 1 − weight. The weight is the lexicon's, less
/// ``Parameters/intensifierDistanceDecay`` per token of distance, and raised by
/// ``Parameters/capsEmphasis`` when the shifter is written in capitals. The product never goes
/// below ``Parameters/minimumIntensityFactor``.
public struct IntensifierRule: ScoringRule {
    public var id: RuleID { .intensifier }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        for index in analysis.evidence.indices {
            var found: [(Match, Double, RuleID)] = []
            analysis.walkBack(from: Int(analysis.evidence[index].firstToken), window: p.intensifierWindow) { match, distance in
                let entry = context.lexicon.entries[Int(match.entry)]
                guard let kind = entry.shifter, kind == .intensifier || kind == .diminisher,
                      var weight = entry.shifterWeight else { return true }
                if !analysis.isShouting && (match.first..<match.end).contains(where: { analysis.tokens[Int($0)].isAllCaps }) {
                    weight *= 1 + p.capsEmphasis
                }
                weight *= max(0, 1 - p.intensifierDistanceDecay * Double(distance - 1))
                found.append((match, kind == .intensifier ? 1 + weight : 1 - weight, kind == .intensifier ? .intensifier : .diminisher))
                return true
            }
            guard !found.isEmpty else { continue }
            var total = 1.0
            for (match, factor, rule) in found.reversed() {
                var applied = factor
                if total * applied < p.minimumIntensityFactor { applied = p.minimumIntensityFactor / total }
                total *= applied
                analysis.evidence[index].adjust(rule, by: applied, trigger: analysis.span(match.first, match.end))
            }
        }
    }
}
