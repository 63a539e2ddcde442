/// Every constant of `perceive bench`, defined once and written into its JSON output.
public struct BenchParameters: Sendable, Equatable {
    /// Seed of the bootstrap resamples: the same seed gives the same intervals and p-values.
    public var seed: UInt64 = 42
    /// Number of bootstrap resamples per corpus.
    public var bootstrapSamples = 1000
    /// Level of the confidence intervals.
    public var confidenceLevel = 0.95
    /// A score at or above this is positive, at or below its negative is negative, else
    /// neutral, for the 3-class F1: the scores' own neutral band, ``Parameters/neutralBand``
    /// (the VADER paper's ±0.05 on the compound score), not a second copy of it.
    public var neutralThreshold: Double { Parameters.standard.neutralBand }
    /// A named emotion is predicted when its intensity reaches this.
    public var emotionThreshold = 0.25

    public init() {}

    /// The standard parameters with the ones `bench` takes as options (`--seed`,
    /// `--bootstrap`, `--emotion-threshold`).
    public init(seed: UInt64, bootstrapSamples: Int, emotionThreshold: Double) {
        self.seed = seed
        self.bootstrapSamples = bootstrapSamples
        self.emotionThreshold = emotionThreshold
    }

    public static let standard = BenchParameters()

    /// (name, value, what it does), for output.
    public var descriptors: [ParameterDescriptor] {
        [
            .init(name: "seed", value: "\(seed)", summary: "seed of the bootstrap resamples"),
            .init(name: "bootstrapSamples", value: "\(bootstrapSamples)", summary: "bootstrap resamples per corpus"),
            .init(name: "confidenceLevel", value: ImportedLexicon.number(confidenceLevel), summary: "level of the percentile confidence intervals"),
            .init(name: "neutralThreshold", value: ImportedLexicon.number(neutralThreshold),
                  summary: "|score| below this is neutral in the 3-class F1 (VADER paper)"),
            .init(name: "emotionThreshold", value: ImportedLexicon.number(emotionThreshold),
                  summary: "intensity from which a named emotion counts as predicted"),
        ]
    }
}
