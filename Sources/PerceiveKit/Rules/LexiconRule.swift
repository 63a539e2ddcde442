/// Turns every scored lexicon match into evidence: one contribution per dimension the term
/// scores (valence → `emotion`, effort, success) and one per named emotion.
public struct LexiconRule: ScoringRule {
    public var id: RuleID { .lexicon }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        for match in analysis.matches {
            let entry = context.lexicon.info[Int(match.entry)]
            guard entry.isScored else { continue }
            if let valence = entry.valence {
                analysis.addEvidence(.emotion, source: .lexicon, entry: match.entry, first: match.first, end: match.end, base: valence)
            }
            if let effort = entry.effort {
                analysis.addEvidence(.effort, source: .lexicon, entry: match.entry, first: match.first, end: match.end, base: effort)
            }
            if let success = entry.success {
                analysis.addEvidence(.success, source: .lexicon, entry: match.entry, first: match.first, end: match.end, base: success)
            }
            let emotions = context.lexicon.emotionWeights[Int(entry.emotionStart)..<Int(entry.emotionStart + entry.emotionCount)]
            for emotion in emotions {
                analysis.addEvidence(.emotions, category: Int32(emotion.category), source: .lexicon, entry: match.entry,
                                     first: match.first, end: match.end, base: emotion.intensity)
            }
        }
    }
}
