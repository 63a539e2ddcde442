// swift-tools-version:6.1
// libFuzzer targets live in their own package so that a normal `swift build` / `swift test`
// of Perceive never builds them. Build and run them with fuzz/run.sh (see fuzz/README.md).
import PackageDescription

let fuzzTargets = [
    "fuzz-tokenizer", "fuzz-tokenizer-ascii", "fuzz-scorer", "fuzz-lexicon",
    "fuzz-csv", "fuzz-jsonl", "fuzz-partials", "fuzz-import",
]

let package = Package(
    name: "PerceiveFuzz",
    dependencies: [
        .package(name: "Perceive", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver as a weak symbol: a build without
        // -sanitize=fuzzer still links (the symbol is then null and the driver says so).
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzTargets",
            dependencies: ["CFuzzerDriver", .product(name: "PerceiveKit", package: "Perceive")]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzTargets"])
    }
)
