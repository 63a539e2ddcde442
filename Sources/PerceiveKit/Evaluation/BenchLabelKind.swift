/// What a corpus's label column means, as given by `--label-kind`:
///
/// | spec | meaning |
/// |---|---|
/// | `valence:-4..4`, `effort:1..5`, `success:0..1` | continuous, with its range |
/// | `effort:ordinal:1..5` | ordinal levels within a range (measured like continuous) |
/// | `effort:nocue:-1..1`, `success:nocue:-1..1` | continuous, an empty cell meaning "the text says nothing about this" (no cue) |
/// | `valence:binary`, `effort:binary` | 0/1 (also negative/positive, false/true, no/yes) |
/// | `valence:3class` | −1/0/1 (also negative/neutral/positive) |
/// | `emotion` | one named emotion per item |
/// | `emotions` | a comma-separated set of named emotions per item (may be empty) |
/// | `topics` | a comma-separated set of topics per item, each optionally `topic:polarity` (may be empty); a SemEval-2014 ABSA XML file's aspect categories |
///
/// The dimension (`valence`, `effort`, `success`, `cx`) says which score is compared.
public enum BenchLabelKind: Sendable, Equatable, CustomStringConvertible {
    case continuous(BenchDimension, ClosedRange<Double>)
    case ordinal(BenchDimension, ClosedRange<Double>)
    /// Continuous within a range, for effort or success: an empty (or `NA`) label cell is kept
    /// as "no cue" (the text says nothing about the dimension) instead of leaving its row out,
    /// and scorers are measured on whether they give a value at all as well as on the value
    /// (``BenchRunner``: r, r0 and detection precision/recall/F1).
    case noCueContinuous(BenchDimension, ClosedRange<Double>)
    case binary(BenchDimension)
    case threeClass(BenchDimension)
    case emotion
    case emotions
    /// Topic names (the taxonomy's first levels), each with a polarity or none: measured by
    /// detection precision/recall/F1 and polarity accuracy (``TopicBenchMetrics``).
    case topics

    public var dimension: BenchDimension? {
        switch self {
        case .continuous(let d, _), .ordinal(let d, _), .noCueContinuous(let d, _), .binary(let d), .threeClass(let d): d
        case .emotion, .emotions, .topics: nil
        }
    }

    public var isEmotion: Bool { self == .emotion || self == .emotions }

    /// Whether an empty label cell means "no cue" (kept) rather than "no label" (row left out).
    public var keepsNoCue: Bool {
        if case .noCueContinuous = self { return true }
        return false
    }

    /// The dimensions whose labels may say "no cue": the others always have a value.
    public static let noCueDimensions: Set<BenchDimension> = [.effort, .success]

    /// The declared range of a continuous or ordinal label.
    public var range: ClosedRange<Double>? {
        switch self {
        case .continuous(_, let range), .ordinal(_, let range), .noCueContinuous(_, let range): range
        default: nil
        }
    }

    public var description: String {
        func r(_ range: ClosedRange<Double>) -> String { "\(ImportedLexicon.number(range.lowerBound))..\(ImportedLexicon.number(range.upperBound))" }
        switch self {
        case .continuous(let d, let range): return "\(d.rawValue):\(r(range))"
        case .ordinal(let d, let range): return "\(d.rawValue):ordinal:\(r(range))"
        case .noCueContinuous(let d, let range): return "\(d.rawValue):nocue:\(r(range))"
        case .binary(let d): return "\(d.rawValue):binary"
        case .threeClass(let d): return "\(d.rawValue):3class"
        case .emotion: return "emotion"
        case .emotions: return "emotions"
        case .topics: return "topics"
        }
    }

    /// Parses a `--label-kind` value; nil with a message when it is not one.
    public static func parse(_ spec: String) -> Result<BenchLabelKind, BenchError> {
        let lower = spec.lowercased()
        if lower == "emotion" { return .success(.emotion) }
        if lower == "emotions" { return .success(.emotions) }
        if lower == "topics" { return .success(.topics) }
        let parts = lower.split(separator: ":", maxSplits: 1).map(String.init)
        let usage = "expected DIMENSION:RANGE (valence:-4..4), DIMENSION:ordinal:RANGE, effort|success:nocue:RANGE, DIMENSION:binary, DIMENSION:3class, emotion, emotions or topics, with DIMENSION one of \(BenchDimension.allCases.map(\.rawValue).joined(separator: ", "))"
        guard parts.count == 2, let dimension = BenchDimension(rawValue: parts[0]) else {
            return .failure(BenchError(file: nil, "label kind \"\(spec)\": \(usage)"))
        }
        var rest = parts[1]
        if rest == "binary" { return .success(.binary(dimension)) }
        if rest == "3class" || rest == "3-class" || rest == "ternary" { return .success(.threeClass(dimension)) }
        var ordinal = false, noCue = false
        if rest.hasPrefix("ordinal:") { ordinal = true; rest.removeFirst("ordinal:".count) }
        else if rest.hasPrefix("nocue:") { noCue = true; rest.removeFirst("nocue:".count) }
        if noCue && !noCueDimensions.contains(dimension) {
            return .failure(BenchError(file: nil, "label kind \"\(spec)\": nocue is for effort and success (a \(dimension.rawValue) label always has a value)"))
        }
        // "-4..4", "1..5", "-1..1"
        guard let dots = rest.range(of: ".."), let lo = Double(rest[..<dots.lowerBound]), let hi = Double(rest[dots.upperBound...]), lo < hi else {
            return .failure(BenchError(file: nil, "label kind \"\(spec)\": \(usage)"))
        }
        if noCue { return .success(.noCueContinuous(dimension, lo...hi)) }
        return .success(ordinal ? .ordinal(dimension, lo...hi) : .continuous(dimension, lo...hi))
    }
}

/// The score a label is compared with.
public enum BenchDimension: String, Sendable, CaseIterable {
    case valence, effort, success, cx
}

/// A problem with a corpus or the bench's options, with where it is (`file:line: …`, or
/// `file:line:column: …` in XML).
public struct BenchError: Error, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String?, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        guard let file else { return message }
        guard let line else { return "\(file): \(message)" }
        return column.map { "\(file):\(line):\($0): \(message)" } ?? "\(file):\(line): \(message)"
    }
}
