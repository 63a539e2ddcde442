// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Perceive",
    products: [
        .library(name: "PerceiveKit", targets: ["PerceiveKit"]),
        .executable(name: "perceive", targets: ["perceive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only code that touches ICU. Its public header exposes stdint types and an
        // opaque handle, so ICU's headers never meet Foundation's bundled ICU in a Swift module.
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        // Byte scans for the VADER tokenizer (word boundaries, "!" and "?"): SSE2 on x86_64,
        // 8-byte words elsewhere.
        .target(name: "CPerceiveScan"),
        .executableTarget(
            name: "perceive-embed-lexicon",
            path: "Sources/perceive-embed-lexicon"
        ),
        .plugin(
            name: "EmbedLexicon",
            capability: .buildTool(),
            dependencies: ["perceive-embed-lexicon"]
        ),
        .target(
            name: "PerceiveKit",
            dependencies: ["CICUShim", "CPerceiveScan"],
            plugins: ["EmbedLexicon"]
        ),
        .executableTarget(
            name: "perceive",
            dependencies: [
                "PerceiveKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PerceiveKitTests",
            dependencies: ["PerceiveKit", "CPerceiveScan"]
        ),
        .testTarget(
            name: "PerceiveCLITests",
            dependencies: ["perceive"],
            exclude: ["Golden"]
        ),
    ]
)
