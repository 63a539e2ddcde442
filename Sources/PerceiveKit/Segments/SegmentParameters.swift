/// The thresholds of segment statistics, defined once (printed by `perceive params`).
/// Bands (negative / neutral / positive) come from ``Parameters/neutralBand``.
public struct SegmentParameters: Sendable, Equatable {
    /// Confidence level of the intervals around means.
    public var confidence = 0.95
    /// A segment with fewer scored comments than this is flagged "small n".
    public var smallSegmentSize = 30
    /// How many driver terms to list on each side.
    public var topDrivers = 5
    /// Adjusted p-value under which a difference from the rest is marked significant.
    public var significanceLevel = 0.05
    /// The HTML report charts and tables at most this many segments of each grouping, the
    /// largest by n (a note says how many were left out); `segments` outputs carry all.
    public var reportMaxSegments = 30
    /// The HTML report's topic section (`report --by-topic`) charts and tables at most this
    /// many topics, those with the largest impact either way; `segments` outputs carry all.
    public var reportMaxTopics = 30
    /// Example comments the report shows per topic (those in which the topic's own cx is
    /// lowest, for a topic that pulls cx down; highest, for one that lifts it).
    public var topicExamples = 2

    public init() {}
    public static let standard = SegmentParameters()

    public var descriptors: [Parameters.Descriptor] {
        [
            .init(name: "segmentConfidence", value: confidence.description, summary: "confidence level of the intervals around segment means (t-based)"),
            .init(name: "smallSegmentSize", value: smallSegmentSize.description, summary: "segments with fewer scored comments are flagged 'small n'"),
            .init(name: "topDrivers", value: topDrivers.description, summary: "driver terms listed per side (negative, positive) in segment summaries"),
            .init(name: "significanceLevel", value: significanceLevel.description, summary: "Benjamini-Hochberg adjusted p below this marks a difference from the rest"),
            .init(name: "reportMaxSegments", value: reportMaxSegments.description, summary: "segments per grouping the HTML report charts and tables, the largest by n"),
            .init(name: "reportMaxTopics", value: reportMaxTopics.description, summary: "topics the HTML report charts and tables (report --by-topic), the largest impact either way"),
            .init(name: "topicExamples", value: topicExamples.description, summary: "example comments the HTML report shows per topic, where the topic's own cx is lowest (or highest)"),
        ]
    }
}
