/// Explains one comment for a person: its tokens, the lexicon terms and shifters found, the
/// topics named, every contribution with the rules that changed it (and its topics), and how
/// the scores are computed from them.
public struct ExplanationFormatter: Sendable {
    public var lexicon: Lexicon
    public var parameters: Parameters
    /// The scorer's topic taxonomy (``Scorer/topics``), or nil: then the explanation has no
    /// topics, as before topics existed.
    public var topics: TopicTaxonomy?

    public init(lexicon: Lexicon, parameters: Parameters, topics: TopicTaxonomy? = nil) {
        self.lexicon = lexicon
        self.parameters = parameters
        self.topics = topics
    }

    /// The explanation of `scorer`'s results: its lexicon, parameters and topics.
    public init(for scorer: Scorer) {
        self.init(lexicon: scorer.lexicon, parameters: scorer.parameters, topics: scorer.topics)
    }

    private func signed(_ v: Double, _ decimals: Int = 2) -> String {
        (v >= 0 ? "+" : "") + JSONText.number(v, decimals: decimals)
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    public func text(_ analysis: Analysis, _ comment: CommentScore) -> String {
        var out = "Comment: \(comment.text)\n"
        out += "Offsets are UTF-8 byte offsets into the comment, end exclusive.\n\n"
        out += "Tokens (\(analysis.tokens.count)):"
        for (i, token) in analysis.tokens.enumerated() {
            if i % 8 == 0 { out += "\n  " } else { out += "  " }
            var label = token.kind.description
            if token.isAllCaps && token.kind == .word { label += ",CAPS" }
            out += "\(comment.text(token.start, token.end))[\(label)]"
        }
        out += "\n\nSentences (\(comment.sentences.count)):\n"
        for sentence in comment.sentences {
            out += "  \(sentence.index) [\(sentence.start)–\(sentence.end)) \(comment.text(sentence.start, sentence.end).trimmingSpaces)\n"
        }
        out += "\nLexicon matches (\(analysis.matches.count)):\n"
        for match in analysis.matches {
            let entry = lexicon.entries[Int(match.entry)]
            let bytes = analysis.span(match.first, match.end)
            var what: [String] = []
            if let v = entry.valence { what.append("valence \(signed(v))") }
            if let v = entry.effort { what.append("effort \(signed(v))") }
            if let v = entry.success { what.append("success \(signed(v))") }
            for e in entry.emotions { what.append("\(lexicon.categories[e.category].name) \(JSONText.number(e.intensity, decimals: 2))") }
            if let shifter = entry.shifter {
                what.append(shifter.rawValue + (entry.shifterWeight.map { " \(JSONText.number($0, decimals: 2))" } ?? ""))
            }
            if !entry.cues.isEmpty { what.append("cue: " + entry.cues.kinds.map(\.rawValue).joined(separator: ",")) }
            let location = entry.termLocation ?? entry.shifterLocation
            out += "  \"\(comment.text(bytes.start, bytes.end))\" [\(bytes.start)–\(bytes.end))  \(what.joined(separator: "; "))"
            if let location { out += "  (\(location))" }
            out += "\n"
        }
        let topics = self.topics.flatMap { taxonomy in comment.topics.map { (taxonomy, $0) } }
        if let (taxonomy, _) = topics { out += topicsSection(analysis, comment, taxonomy) }
        out += "\nContributions (\(comment.evidence.count)):\n"
        out += "  " + pad("dimension", 24) + pad("text", 22) + pad("source", 18) + pad("base", 7) + pad("rules", 44) + pad("final", 7)
            + (topics == nil ? "share\n" : pad("share", 7) + "topics\n")
        let totals = comment.shareTotals()
        for (k, e) in comment.evidence.enumerated() {
            var dimension = e.dimension.rawValue
            if e.dimension == .emotions { dimension += ":" + lexicon.categories[Int(e.category)].name }
            let rules = e.adjustments.isEmpty ? "–"
                : e.adjustments.map { "\(EvidenceText.note($0, in: comment)) ×\(JSONText.number($0.factor, decimals: 3))" }.joined(separator: ", ")
            let source = e.source == .lexicon ? "lexicon" : "\(e.source.rawValue): \(EvidenceText.cause(e, lexicon: lexicon))"
            out += "  " + pad(dimension, 24) + pad("\"\(comment.text(e.start, e.end))\"", 22) + pad(source, 18) + pad(signed(e.base), 7)
                + pad(rules, 44) + pad(signed(e.contribution, 3), 7)
            let share = comment.share(of: e, totals: totals).map { signed($0, 3) } ?? ""
            if let (_, scores) = topics {
                let names = comment.evidenceTopics.topics(ofEvidence: k).map { scores[Int($0)].path }
                out += pad(share, 7) + (names.isEmpty ? "– (no topic in its clause or sentence)" : names.joined(separator: ", ")) + "\n"
            } else {
                out += share + "\n"
            }
        }
        out += "\nScores (each dimension = Σ c·|c| / Σ |c| over its contributions c, clamped to ±1):\n"
        let s = comment.scores
        for dimension in [Dimension.emotion, .effort, .success] {
            let cs = comment.evidence.filter { $0.dimension == dimension }.map(\.contribution)
            let label = pad(dimension.rawValue, 8)
            guard let score = s.score(dimension), !cs.isEmpty else {
                out += "  \(label) \(dimension == .emotion ? "0 (no cue)" : "null (no cue)")\n"
                continue
            }
            let numerator = cs.reduce(0) { $0 + $1 * abs($1) }
            let denominator = cs.reduce(0) { $0 + abs($1) }
            out += "  \(label) \(signed(score, 4))  \(Band(score, parameters).label(for: dimension))  = \(JSONText.number(numerator, decimals: 4)) / \(JSONText.number(denominator, decimals: 4)) from \(cs.count) contribution\(cs.count == 1 ? "" : "s")\n"
        }
        out += "  \(pad("cx", 8)) \(signed(s.cx, 4))  \(Band.cxLabel(Band(s.cx, parameters)))  = weighted mean of the dimensions present\n"
        out += "  emotions " + (s.emotions.isEmpty ? "none" : s.emotions.map { "\($0.name) \(JSONText.number($0.intensity, decimals: 3))" }.joined(separator: ", ")) + "\n"
        if let (_, scores) = topics, !scores.isEmpty {
            out += "\nPer topic (the same formulas over the contributions attributed to it):\n"
            for topic in scores {
                let values = [Dimension.emotion, .effort, .success].map { "\($0.rawValue) \(topic.score($0).map { signed($0, 4) } ?? "null")" }
                let emotions = topic.emotions.isEmpty ? ""
                    : "; emotions " + topic.emotions.map { "\($0.name) \(JSONText.number($0.intensity, decimals: 3))" }.joined(separator: ", ")
                out += "  \(topic.path): \(values.joined(separator: ", ")) from \(topic.evidenceCount) contribution\(topic.evidenceCount == 1 ? "" : "s")\(emotions)\n"
            }
        }
        if comment.sentences.count > 1 {
            out += "\nPer sentence:\n"
            for sentence in comment.sentences {
                let t = sentence.scores
                out += "  \(sentence.index): emotion \(signed(t.emotion)), effort \(t.effort.map { signed($0) } ?? "null"), success \(t.success.map { signed($0) } ?? "null"), cx \(signed(t.cx))\n"
            }
        }
        return out
    }

    /// "Topics (n mentions):" and a line per mention: the text, its offsets, the topic, and the
    /// taxonomy term and line that matched.
    private func topicsSection(_ analysis: Analysis, _ comment: CommentScore, _ taxonomy: TopicTaxonomy) -> String {
        let mentions = analysis.topicMentions
        var out = "\nTopics (\(mentions.count) mention\(mentions.count == 1 ? "" : "s")):\n"
        if mentions.isEmpty { out += "  none: no term of \(taxonomy.name) in the comment; every contribution is unattributed\n" }
        for mention in mentions {
            let term = taxonomy.terms[Int(mention.term)]
            out += "  \"\(comment.text(mention.start, mention.end))\" [\(mention.start)–\(mention.end))  \(taxonomy.topics[Int(mention.topic)])"
                + "  term \"\(term.text)\" (\(term.location))\n"
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
