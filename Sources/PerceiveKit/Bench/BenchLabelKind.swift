/// What a corpus's label column means, as given by `--label-kind`:
///
/// | spec | meaning |
/// |---|---|
/// | `valence:-4..4`, `effort:1..5`, `success:0..1` | continuous, with its range |
/// | `effort:ordinal:1..5` | ordinal levels within a range (measured like continuous) |
/// | `valence:binary`, `effort:binary` | 0/1 (also negative/positive, false/true, no/yes) |
/// | `valence:3class` | −1/0/1 (also negative/neutral/positive) |
/// | `emotion` | one named emotion per item |
/// | `emotions` | a comma-separated set of named emotions per item (may be empty) |
///
/// The dimension (`valence`, `effort`, `success`, `cx`) says which score is compared.
public enum BenchLabelKind: Sendable, Equatable, CustomStringConvertible {
    case continuous(BenchDimension, ClosedRange<Double>)
    case ordinal(BenchDimension, ClosedRange<Double>)
    case binary(BenchDimension)
    case threeClass(BenchDimension)
    case emotion
    case emotions

    public var dimension: BenchDimension? {
        switch self {
        case .continuous(let d, _), .ordinal(let d, _), .binary(let d), .threeClass(let d): d
        case .emotion, .emotions: nil
        }
    }

    public var isEmotion: Bool { dimension == nil }

    /// The declared range of a continuous or ordinal label.
    public var range: ClosedRange<Double>? {
        switch self {
        case .continuous(_, let range), .ordinal(_, let range): range
        default: nil
        }
    }

    public var description: String {
        func r(_ range: ClosedRange<Double>) -> String { "\(ImportedLexicon.number(range.lowerBound))..\(ImportedLexicon.number(range.upperBound))" }
        switch self {
        case .continuous(let d, let range): return "\(d.rawValue):\(r(range))"
        case .ordinal(let d, let range): return "\(d.rawValue):ordinal:\(r(range))"
        case .binary(let d): return "\(d.rawValue):binary"
        case .threeClass(let d): return "\(d.rawValue):3class"
        case .emotion: return "emotion"
        case .emotions: return "emotions"
        }
    }

    /// Parses a `--label-kind` value; nil with a message when it is not one.
    public static func parse(_ spec: String) -> Result<BenchLabelKind, BenchError> {
        let lower = spec.lowercased()
        if lower == "emotion" { return .success(.emotion) }
        if lower == "emotions" { return .success(.emotions) }
        let parts = lower.split(separator: ":", maxSplits: 1).map(String.init)
        let usage = "expected DIMENSION:RANGE (valence:-4..4), DIMENSION:ordinal:RANGE, DIMENSION:binary, DIMENSION:3class, emotion or emotions, with DIMENSION one of \(BenchDimension.allCases.map(\.rawValue).joined(separator: ", "))"
        guard parts.count == 2, let dimension = BenchDimension(rawValue: parts[0]) else {
            return .failure(BenchError(file: nil, "label kind \"\(spec)\": \(usage)"))
        }
        var rest = parts[1]
        if rest == "binary" { return .success(.binary(dimension)) }
        if rest == "3class" || rest == "3-class" || rest == "ternary" { return .success(.threeClass(dimension)) }
        var ordinal = false
        if rest.hasPrefix("ordinal:") { ordinal = true; rest.removeFirst("ordinal:".count) }
        // "-4..4", "1..5", "-1..1"
        guard let dots = rest.range(of: ".."), let lo = Double(rest[..<dots.lowerBound]), let hi = Double(rest[dots.upperBound...]), lo < hi else {
            return .failure(BenchError(file: nil, "label kind \"\(spec)\": \(usage)"))
        }
        return .success(ordinal ? .ordinal(dimension, lo...hi) : .continuous(dimension, lo...hi))
    }
}

/// The score a label is compared with.
public enum BenchDimension: String, Sendable, CaseIterable {
    case valence, effort, success, cx
}

/// A problem with a corpus or the bench's options, with where it is (`file:line: …`).
public struct BenchError: Error, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String?, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let file else { return message }
        return line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
