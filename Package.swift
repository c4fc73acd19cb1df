// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ClusterDeck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clusterdeck", targets: ["clusterdeck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The deterministic cluster: no terminal, no wall clock, no system randomness.
        .target(name: "ClusterSim", dependencies: [
            .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: [
            // The simulation's hot loop mutates the runtime's process table through one class; the compiler
            // already proves exclusive access statically, and the run-time re-check costs ~15 % of a release
            // run (measured with perf). Debug builds, and so the tests, keep the run-time check.
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        // The drill and command language: parser with line numbers, and the player.
        .target(name: "Drill", dependencies: ["ClusterSim"]),
        // Pure UI state machine and renderer into a cell buffer.
        .target(name: "DeckUI", dependencies: ["ClusterSim", "Drill"]),
        // The only code that touches curses.
        .target(name: "DeckTerminal", dependencies: ["CNCurses", "DeckUI", "Drill"]),
        .executableTarget(
            name: "clusterdeck",
            dependencies: [
                "ClusterSim", "Drill", "DeckUI", "DeckTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Mutations of real inputs, shared by the parser fuzz tests of both test targets.
        .target(name: "FuzzSupport", dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
                path: "Tests/FuzzSupport"),
        .testTarget(name: "ClusterSimTests", dependencies: [
            "ClusterSim", "FuzzSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "DrillTests", dependencies: [
            "Drill", "ClusterSim", "FuzzSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DeckUITests", dependencies: ["DeckUI", "ClusterSim", "Drill"], exclude: ["Golden"]),
        // Runs the real binary: headless drills, exit codes, and the dashboard under tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["clusterdeck"]),
    ]
)
