/// Keeps, for every topic seen in a stream of comments, the `capacity` comments in which the
/// topic's own cx (``TopicContribution/cx(_:_:_:parameters:)``) is lowest (below 0) and highest
/// (above 0), in constant memory per topic (ties keep the earlier comment): the report's
/// examples of what a topic is about.
///
/// ```swift
/// var examples = TopicExamples(capacity: 2, parameters: scorer.parameters)
/// examples.offer(ReportExample(id: "R_1", column: "Comment", segment: "", comment: try scorer.score(text)))
/// examples.lowest("delivery/shipping")      // up to 2 comments, the most negative about delivery first
/// ```
public struct TopicExamples: Sendable {
    public let capacity: Int
    let parameters: Parameters
    /// Per topic path, the examples by the topic's cx: lowest first, highest first.
    private var negative: [String: [ReportExample]] = [:]
    private var positive: [String: [ReportExample]] = [:]

    public init(capacity: Int, parameters: Parameters) {
        self.capacity = capacity
        self.parameters = parameters
    }

    /// The topic's cx in `example` (nil when it does not mention the topic or has no opinion of it).
    public func cx(of path: String, in example: ReportExample) -> Double? {
        guard let t = example.comment.topics?.first(where: { $0.path == path }) else { return nil }
        return TopicContribution.cx(t.emotion, t.effort, t.success, parameters: parameters)
    }

    public mutating func offer(_ example: ReportExample) {
        guard capacity > 0 else { return }
        for t in example.comment.topics ?? [] {
            guard let cx = TopicContribution.cx(t.emotion, t.effort, t.success, parameters: parameters) else { continue }
            let path = t.path, parameters = parameters
            func key(_ e: ReportExample) -> Double {
                e.comment.topics?.first { $0.path == path }.flatMap { TopicContribution.cx($0.emotion, $0.effort, $0.success, parameters: parameters) } ?? 0
            }
            if cx < 0 { ExtremeComments.insert(example, into: &negative[path, default: []], capacity: capacity) { key($0) < key($1) } }
            if cx > 0 { ExtremeComments.insert(example, into: &positive[path, default: []], capacity: capacity) { key($0) > key($1) } }
        }
    }

    /// The comments in which the topic's cx is lowest, the lowest first.
    public func lowest(_ path: String) -> [ReportExample] { negative[path] ?? [] }
    /// The comments in which the topic's cx is highest, the highest first.
    public func highest(_ path: String) -> [ReportExample] { positive[path] ?? [] }
}
