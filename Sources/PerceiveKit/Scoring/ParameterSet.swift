import Foundation

/// One parameter for display: its name, its value as printed, and what it does.
public struct ParameterDescriptor: Sendable, Equatable {
    public var name: String
    public var value: String
    public var summary: String

    public init(name: String, value: String, summary: String) {
        self.name = name
        self.value = value
        self.summary = summary
    }
}

/// A stage's parameters that describe themselves: every weight, window and threshold, defined
/// once in the conforming type and printed from its ``descriptors`` (by `perceive params`,
/// `segments --params`, `bench --print-parameters`, and into `bench`'s JSON).
public protocol ParameterSet: Sendable {
    /// The set's name in `perceive params --group`.
    static var group: ParameterGroup { get }
    /// Every parameter with its current value, in a stable order.
    var descriptors: [ParameterDescriptor] { get }
}

/// The parameter sets of Perceive, one per stage that has any.
public enum ParameterGroup: String, CaseIterable, Sendable {
    /// ``Parameters``: the scoring rules.
    case scoring
    /// ``VADERParameters``: vaderSentiment 3.3.2's constants (`--ruleset vader`).
    case vader
    /// ``SegmentParameters``: segment statistics (`segments`, `report`, `merge`).
    case segments
    /// ``BenchParameters``: the accuracy benchmark (`bench`).
    case bench
    /// ``InputParameters``: the input readers' limits (every command that reads comments).
    case input

    /// The group's parameters at their standard values.
    public var standardDescriptors: [ParameterDescriptor] {
        switch self {
        case .scoring: Parameters.standard.descriptors
        case .vader: VADERParameters.standard.descriptors
        case .segments: SegmentParameters.standard.descriptors
        case .bench: BenchParameters.standard.descriptors
        case .input: InputParameters.standard.descriptors
        }
    }
}

extension Parameters: ParameterSet { public static var group: ParameterGroup { .scoring } }
extension VADERParameters: ParameterSet { public static var group: ParameterGroup { .vader } }
extension SegmentParameters: ParameterSet { public static var group: ParameterGroup { .segments } }
extension BenchParameters: ParameterSet { public static var group: ParameterGroup { .bench } }
extension InputParameters: ParameterSet { public static var group: ParameterGroup { .input } }

/// Parameters printed for people (a table) or programs (a JSON object).
public enum ParameterTable {
    /// One line per parameter: the name padded to `nameWidth` columns (default: the longest
    /// name plus two), the value padded to 8, then what it does.
    public static func text(_ descriptors: [ParameterDescriptor], nameWidth: Int? = nil) -> String {
        let width = nameWidth ?? (descriptors.map(\.name.count).max() ?? 0) + 2
        return descriptors.map { d in
            d.name.padding(toLength: width, withPad: " ", startingAt: 0) + d.value.padding(toLength: 8, withPad: " ", startingAt: 0) + d.summary + "\n"
        }.joined()
    }

    /// `{"name":value,…}` on one line (values are numbers, written as printed).
    public static func json(_ descriptors: [ParameterDescriptor]) -> String {
        "{" + descriptors.map { "\(JSONText.string($0.name)):\($0.value)" }.joined(separator: ",") + "}"
    }

    /// The groups' parameters at their standard values (`perceive params --group …`): one
    /// group's table alone, or each group's table under a `# GROUP` line, a blank line between.
    public static func text(groups: [ParameterGroup]) -> String {
        if groups.count == 1 { return text(groups[0].standardDescriptors) }
        return groups.map { "# \($0.rawValue)\n" + text($0.standardDescriptors) }.joined(separator: "\n")
    }

    /// The groups' parameters at their standard values as JSON on one line (without a
    /// newline): one group's object alone, or `{"GROUP":{…},…}`.
    public static func json(groups: [ParameterGroup]) -> String {
        if groups.count == 1 { return json(groups[0].standardDescriptors) }
        return "{" + groups.map { "\"\($0.rawValue)\":" + json($0.standardDescriptors) }.joined(separator: ",") + "}"
    }
}
