/// Each sentence of a comment as a comment of its own: its text, scores, and the evidence in
/// it, with offsets made relative to the sentence; with topics, the topics mentioned in the
/// sentence, scored from the sentence's evidence attributed to them (an item's topics are
/// always mentioned in its own sentence).
extension CommentScore {
    public func sentenceComments() -> [CommentScore] {
    sentences.map { sentence in
        var kept: [Int] = []
        let evidence = self.evidence.indices.filter { self.evidence[$0].sentence == Int32(sentence.index) }.map { k -> Evidence in
            kept.append(k)
            var e = self.evidence[k]
            e.start -= sentence.start
            e.end -= sentence.start
            e.sentence = 0
            e.adjustments = e.adjustments.map { a in
                var a = a
                if a.triggerEnd > a.triggerStart { a.triggerStart -= sentence.start; a.triggerEnd -= sentence.start }
                return a
            }
            return e
        }
        let text = self.text(sentence.start, sentence.end)
        var inner = sentence
        inner.index = 0
        inner.start = 0
        inner.end = Int32(text.utf8.count)
        var part = CommentScore(text: text, scores: sentence.scores, sentences: [inner], evidence: evidence,
                                tokenCount: 0, matchCount: evidence.filter { $0.source == .lexicon }.count)
        if let topics {
            (part.topics, part.evidenceTopics) = sentenceTopics(sentence, topics: topics, evidence: evidence, from: kept)
        }
        return part
    }
}

    /// The topics of `sentence` and the attribution of its `evidence` (the comment's items
    /// `kept`, offsets already relative to the sentence).
    private func sentenceTopics(_ sentence: SentenceScore, topics: [TopicScore], evidence: [Evidence],
                                from kept: [Int]) -> ([TopicScore], TopicAttribution) {
        let mentions = topics.flatMap(\.mentions).filter { $0.sentence == Int32(sentence.index) }.sorted { $0.start < $1.start }
            .map { m -> TopicMention in
                var m = m
                m.start -= sentence.start
                m.end -= sentence.start
                m.sentence = 0
                return m
            }
        var offsets: [Int32] = [0], topicIDs: [Int32] = []
        for k in kept {
            topicIDs += evidenceTopics.topics(ofEvidence: k).map { topics[Int($0)].topic }
            offsets.append(Int32(topicIDs.count))
        }
        let paths = Dictionary(topics.map { ($0.topic, $0.path) }, uniquingKeysWith: { a, _ in a })
        var scratch = TopicAttributor.Scratch()
        // Every category with a positive contribution is among the comment's named emotions.
        let names = Dictionary(scores.emotions.map { (Int32($0.category), $0.name) }, uniquingKeysWith: { a, _ in a })
        return TopicAttributor.scores(mentions: mentions, evidence: evidence, offsets: offsets, topicIDs: topicIDs, scratch: &scratch,
                                      emotionName: { names[$0] ?? "" }) { paths[$0]! }
    }
}
