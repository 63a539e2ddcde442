/// Intensifiers ("very", "extremely") and diminishers ("slightly", "kind of") within
/// ``Parameters/intensifierWindow`` tokens before a contribution, in the same clause, multiply
/// it by 1 + weight or 1 − weight. The weight is the lexicon's, less
/// ``Parameters/intensifierDistanceDecay`` per token of distance, and raised by
/// ``Parameters/capsEmphasis`` when the shifter is written in capitals. The product never goes
/// below ``Parameters/minimumIntensityFactor``.
public struct IntensifierRule: ScoringRule {
    public var id: RuleID { .intensifier }
    public init() {}

    private struct Pending {
        var evidence: Int
        var rule: RuleID
        var factor: Double
        var trigger: (start: Int32, end: Int32)
    }

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let pending = Self.collect(analysis, context)
        for item in pending {
            analysis.evidence[item.evidence].adjust(item.rule, by: item.factor, trigger: item.trigger)
        }
    }

    /// Reads the analysis and returns the adjustments to make, in order.
    private static func collect(_ analysis: borrowing Analysis, _ context: RuleContext) -> [Pending] {
        let p = context.parameters
        let info = context.lexicon.info
        var pending: [Pending] = []
        var found: [(Match, Double, RuleID)] = []
        var before: [(match: Match, distance: Int)] = []
        for index in analysis.evidence.indices {
            found.removeAll(keepingCapacity: true)
            analysis.matchesBefore(Int(analysis.evidence[index].firstToken), window: p.intensifierWindow, into: &before)
            for (match, distance) in before {
                let entry = info[Int(match.entry)]
                guard let kind = entry.shifter, kind == .intensifier || kind == .diminisher,
                      var weight = entry.shifterWeight else { continue }
                if !analysis.isShouting {
                    for t in Int(match.first)..<Int(match.end) where analysis.tokenized.tokens[t].isAllCaps {
                        weight *= 1 + p.capsEmphasis
                        break
                    }
                }
                weight *= max(0, 1 - p.intensifierDistanceDecay * Double(distance - 1))
                found.append((match, kind == .intensifier ? 1 + weight : 1 - weight, kind == .intensifier ? .intensifier : .diminisher))
            }
            var total = 1.0
            for (match, factor, rule) in found.reversed() {
                var applied = factor
                if total * applied < p.minimumIntensityFactor { applied = p.minimumIntensityFactor / total }
                total *= applied
                pending.append(Pending(evidence: index, rule: rule, factor: applied, trigger: analysis.span(match.first, match.end)))
            }
        }
        return pending
    }
}
