/// A topic named in a comment: where, by which term, and in which sentence.
public struct TopicMention: Sendable, Equatable {
    /// Index of the topic in ``TopicTaxonomy/topics``.
    public var topic: Int32
    /// Index of the term that matched in ``TopicTaxonomy/terms``.
    public var term: Int32
    /// Token range of the matched text.
    public var firstToken: Int32
    public var endToken: Int32
    /// UTF-8 byte offsets of the matched text in the comment (end exclusive).
    public var start: Int32
    public var end: Int32
    public var sentence: Int32
}

/// The topic stage, right after lexicon matching: finds a taxonomy's terms in a tokenized
/// comment, longest first, each occurrence that one of its term's exclusions covers left out
/// (``TopicIndex/longestMatch(in:at:)``). It reads the vocabulary ids and the token sequence
/// (joiner hyphens skipped) that ``LexiconMatcher`` left in the analysis: no token is looked up
/// again.
///
/// Tokenization → lexicon matching → **topic matching** → rules → scores and attribution.
///
/// - Complexity: O(n · k) for n tokens and terms or exclusions of at most k words.
enum TopicMatcher {
    static func match(_ analysis: inout Analysis, _ index: TopicIndex) {
        var mentions = analysis.topicMentions
        analysis.topicMentions = []
        analysis.matchPositions.withUnsafeBufferPointer { positions in
            analysis.tokenized.tokens.withUnsafeBufferPointer { tokens in
                index.topicOfTerm.withUnsafeBufferPointer { topicOfTerm in
                    analysis.matchIDs.withUnsafeBufferPointer { ids in
                        index.matches(in: ids) { term, j, length in
                            let first = Int(positions[j]), last = Int(positions[j + length - 1])
                            mentions.append(TopicMention(
                                topic: topicOfTerm[Int(term)], term: term, firstToken: Int32(first), endToken: Int32(last + 1),
                                start: tokens[first].start, end: tokens[last].end, sentence: tokens[first].sentence))
                        }
                    }
                }
            }
        }
        analysis.topicMentions = mentions
    }
}
