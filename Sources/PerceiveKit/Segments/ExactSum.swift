/// A sum of doubles that does not depend on the order of its terms: each term is rounded to
/// a multiple of 2⁻⁵² (``ExactSum/scale``) and added as a 128-bit integer. Adding the same
/// terms in any order, or merging partial sums, gives the same bits: that is what makes
/// `perceive merge` equal to a single run. The rounding error is below 2⁻⁵³ per term.
public struct ExactSum: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Fixed-point units per 1.0: 2⁵².
    public static let scale = 4_503_599_627_370_496.0
    public private(set) var units: Int128 = 0

    public init() {}
    public init(units: Int128) { self.units = units }

    /// Parses the decimal form written in partials.
    public init?(_ text: String) {
        guard let units = Int128(text) else { return nil }
        self.units = units
    }

    @inline(__always)
    public mutating func add(_ x: Double) { units += Int128((x * Self.scale).rounded()) }

    public static func + (a: ExactSum, b: ExactSum) -> ExactSum { ExactSum(units: a.units + b.units) }
    public static func - (a: ExactSum, b: ExactSum) -> ExactSum { ExactSum(units: a.units - b.units) }

    /// The sum as a double. (Sums within ±2⁶³ units, nearly all, convert through Int64: the
    /// same correctly rounded double, without the generic 128-bit conversion.)
    public var value: Double {
        if let small = Int64(exactly: units) { return Double(small) / Self.scale }
        return Double(units) / Self.scale
    }
    /// The decimal integer of units, as written in partials.
    public var description: String { units.description }
}
