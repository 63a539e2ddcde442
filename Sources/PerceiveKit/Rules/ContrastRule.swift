/// Contrast within a sentence. Before a contrast word ("but", "however") a contribution is
/// multiplied by ``Parameters/contrastBeforeWeight``; after one, by
/// ``Parameters/contrastAfterWeight``. In a clause opened by a concessive word ("although",
/// "even though"), up to the next clause punctuation, by ``Parameters/concessiveWeight``.
public struct ContrastRule: ScoringRule {
    public var id: RuleID { .contrast }
    public init() {}

    public func apply(to analysis: inout Analysis, in context: RuleContext) {
        let p = context.parameters
        var contrasts: [Match] = []
        var hasConcessive = false
        for match in analysis.matches {
            switch context.lexicon.info[Int(match.entry)].shifter {
            case .contrast: contrasts.append(match)
            case .concessive: hasConcessive = true
            default: break
            }
        }
        guard !contrasts.isEmpty || hasConcessive else { return }
        // Contrast words in token order, with their sentences: each contribution finds its
        // nearest by binary search (a scan of every contrast word per contribution made a long
        // comment with a "but" in each sentence quadratic: issue 15).
        let sentences = contrasts.map { analysis.tokens[Int($0.first)].sentence }
        for index in analysis.evidence.indices {
            let e = analysis.anchor(index)
            // The nearest contrast word after the contribution, else the nearest before it.
            if let after = Self.firstAfter(e, contrasts, sentences) {
                analysis.evidence[index].adjust(.contrast, by: p.contrastBeforeWeight, trigger: analysis.span(after.first, after.end))
            } else if let before = Self.lastBefore(e, contrasts, sentences) {
                analysis.evidence[index].adjust(.contrast, by: p.contrastAfterWeight, trigger: analysis.span(before.first, before.end))
            }
            if hasConcessive, let opener = concessiveOpener(of: e, analysis, context.lexicon) {
                analysis.evidence[index].adjust(.concessive, by: p.concessiveWeight, trigger: analysis.span(opener.first, opener.end))
            }
        }
    }

    /// The first contrast word in `e`'s sentence starting at or after `e.endToken`.
    ///
    /// - Complexity: O(log n) (plus the contrast words of earlier sentences at that position,
    ///   none when sentences follow token order).
    static func firstAfter(_ e: Analysis.Anchor, _ contrasts: [Match], _ sentences: [Int32]) -> Match? {
        var low = 0, high = contrasts.count  // first index with first >= e.endToken
        while low < high {
            let mid = (low + high) / 2
            if contrasts[mid].first < e.endToken { low = mid + 1 } else { high = mid }
        }
        var k = low
        while k < contrasts.count, sentences[k] <= e.sentence {
            if sentences[k] == e.sentence { return contrasts[k] }
            k += 1
        }
        return nil
    }

    /// The last contrast word in `e`'s sentence ending at or before `e.firstToken`.
    ///
    /// - Complexity: O(log n), as ``firstAfter(_:_:_:)``.
    static func lastBefore(_ e: Analysis.Anchor, _ contrasts: [Match], _ sentences: [Int32]) -> Match? {
        var low = 0, high = contrasts.count  // first index with end > e.firstToken
        while low < high {
            let mid = (low + high) / 2
            if contrasts[mid].end <= e.firstToken { low = mid + 1 } else { high = mid }
        }
        var k = low - 1
        while k >= 0, sentences[k] >= e.sentence {
            if sentences[k] == e.sentence { return contrasts[k] }
            k -= 1
        }
        return nil
    }

    /// The concessive word opening the clause the contribution is in, if any.
    private func concessiveOpener(of e: Analysis.Anchor, _ analysis: Analysis, _ lexicon: Lexicon) -> Match? {
        var i = Int(e.firstToken) - 1
        while i >= 0 {
            let token = analysis.tokens[i]
            if token.sentence != e.sentence { return nil }
            let m = analysis.matchAt[i]
            if m >= 0 {
                let match = analysis.matches[Int(m)]
                switch lexicon.info[Int(match.entry)].shifter {
                case .concessive: return match
                case .contrast: return nil
                default: break
                }
                i = Int(match.first) - 1
                continue
            }
            if analysis.isClauseBreak[i] { return nil }
            i -= 1
        }
        return nil
    }
}
