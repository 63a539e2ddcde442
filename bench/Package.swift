// swift-tools-version:6.1
// Benchmarks live in their own package so that nothing they need reaches Perceive's users.
import PackageDescription

let package = Package(
    name: "PerceiveBench",
    dependencies: [
        .package(name: "Perceive", path: ".."),
    ],
    targets: [
        .target(name: "SyntheticFeedback", dependencies: [.product(name: "PerceiveKit", package: "Perceive")]),
        .executableTarget(
            name: "perceive-generate",
            dependencies: ["SyntheticFeedback"]
        ),
        .executableTarget(
            name: "perceive-bench-throughput",
            dependencies: ["SyntheticFeedback", .product(name: "PerceiveKit", package: "Perceive")]
        ),
        // Used by bench/long-record-memory.sh: the readers' memory for one long record, alone.
        .executableTarget(
            name: "perceive-read-memory",
            dependencies: [.product(name: "PerceiveKit", package: "Perceive")]
        ),
        // Used by bench/vader-parity: VADER's four values per sentence and the scoring time.
        .executableTarget(
            name: "perceive-vader-score",
            dependencies: [.product(name: "PerceiveKit", package: "Perceive")]
        ),
    ]
)
