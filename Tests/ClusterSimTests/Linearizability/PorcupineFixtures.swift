import Foundation
import Testing

/// Locates the Porcupine histories copied under `Tests/ClusterSimTests/Fixtures/porcupine`.
enum PorcupineFixtures {
    /// The fixture folder, found from this source file's path (no SwiftPM resources involved).
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/porcupine")

    /// The text of one fixture, by its path relative to the fixture folder.
    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// One row of VERDICTS.tsv.
    struct Verdict: CustomTestStringConvertible, Sendable {
        var file: String
        var expected: String
        var testDescription: String { "\(file) is \(expected)" }
    }

    /// Every listed file and its expected verdict, skipping `#` comment lines.
    static func verdicts() throws -> [Verdict] {
        try text("VERDICTS.tsv").split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.isEmpty { return nil }
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { throw FixtureError.badRow(String(line)) }
            return Verdict(file: String(parts[0]), expected: String(parts[1]))
        }
    }

    /// A row of VERDICTS.tsv that does not have two tab-separated fields.
    enum FixtureError: Error { case badRow(String) }
}
