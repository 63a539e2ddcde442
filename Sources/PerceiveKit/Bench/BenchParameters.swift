/// Every constant of `perceive bench`, defined once and written into its JSON output.
public struct BenchParameters: Sendable, Equatable {
    /// Seed of the bootstrap resamples: the same seed gives the same intervals and p-values.
    public var seed: UInt64 = 42
    /// Number of bootstrap resamples per corpus.
    public var bootstrapSamples = 1000
    /// Level of the confidence intervals.
    public var confidenceLevel = 0.95
    /// A score at or above this is positive, at or below its negative is negative, else
    /// neutral (the VADER paper's ±0.05 on the compound score), for the 3-class F1.
    public var neutralThreshold = 0.05
    /// A named emotion is predicted when its intensity reaches this.
    public var emotionThreshold = 0.25

    public init() {}

    public static let standard = BenchParameters()

    /// (name, value, what it does), for output.
    public var descriptors: [(name: String, value: String, summary: String)] {
        [
            ("seed", "\(seed)", "seed of the bootstrap resamples"),
            ("bootstrapSamples", "\(bootstrapSamples)", "bootstrap resamples per corpus"),
            ("confidenceLevel", ImportedLexicon.number(confidenceLevel), "level of the percentile confidence intervals"),
            ("neutralThreshold", ImportedLexicon.number(neutralThreshold), "|score| below this is neutral in the 3-class F1 (VADER paper)"),
            ("emotionThreshold", ImportedLexicon.number(emotionThreshold), "intensity from which a named emotion counts as predicted"),
        ]
    }
}
