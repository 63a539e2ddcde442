/// Sarcasm: positive words just before a `sarcasm` cue in their sentence ("Great, another
/// two-hour wait", "Brilliant. Just what I needed") mean the opposite: their valence and
/// success are multiplied by ``Parameters/sarcasmFactor`` and their named emotions dropped.
///
/// The positive term must be within three words before the marker (punctuation between is
/// skipped, clause breaks included), so "I loved it and bought another" is left alone. A marker
/// that is a sentence of its own ("Super helpful. 🙄", "Thanks a lot.") reaches into the
/// sentence before it.
public struct SarcasmRule: ScoringRule {
    public var id: RuleID { .sarcasm }
    public init() {}

    /// Words before the marker in which a positive term is read as sarcastic.
    static let reach = 3

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let lexicon = context.lexicon
        let p = context.parameters
        for match in analysis.matches where analysis.has(.sarcasm, match, lexicon) {
            let sentence = analysis.tokens[Int(match.first)].sentence
            // The first token of the reach: three words back, punctuation skipped.
            // A marker that is a sentence of its own ("Super helpful. 🙄") reaches back into the
            // sentence before it.
            let reachable = Self.standsAlone(match, analysis) ? sentence - 1 : sentence
            var low = Int(match.first)
            var words = 0
            var i = Int(match.first) - 1
            while i >= 0 && analysis.tokens[i].sentence >= reachable && words < Self.reach {
                if analysis.tokens[i].kind != .punctuation { words += 1 }
                low = i
                i -= 1
            }
            guard low < Int(match.first) else { continue }
            let trigger = analysis.span(match.first, match.end)
            for index in analysis.evidence.indices {
                let e = analysis.anchor(index)
                guard e.firstToken >= Int32(low), e.endToken <= match.first, e.contribution > 0 else { continue }
                switch e.dimension {
                case .emotion, .success: analysis.evidence[index].adjust(.sarcasm, by: p.sarcasmFactor, trigger: trigger)
                case .emotions: analysis.evidence[index].adjust(.sarcasm, by: 0, trigger: trigger)
                case .effort: continue
                }
            }
        }
    }

    /// True when the marker is the only word of its sentence (punctuation aside).
    static func standsAlone(_ match: Match, _ analysis: Analysis) -> Bool {
        let tokens = analysis.tokens
        let sentence = tokens[Int(match.first)].sentence
        var i = Int(match.first) - 1
        while i >= 0 && tokens[i].sentence == sentence {
            if tokens[i].kind != .punctuation { return false }
            i -= 1
        }
        i = Int(match.end)
        while i < tokens.count && tokens[i].sentence == sentence {
            if tokens[i].kind != .punctuation { return false }
            i += 1
        }
        return true
    }
}
