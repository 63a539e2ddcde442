/// Each sentence of a comment as a comment of its own: its text, scores, and the evidence in
/// it, with offsets made relative to the sentence.
extension CommentScore {
    public func sentenceComments() -> [CommentScore] {
    sentences.map { sentence in
        let evidence = self.evidence.filter { $0.sentence == Int32(sentence.index) }.map { e -> Evidence in
            var e = e
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
        return CommentScore(text: text, scores: sentence.scores, sentences: [inner], evidence: evidence,
                            tokenCount: 0, matchCount: evidence.filter { $0.source == .lexicon }.count)
    }
}
}
