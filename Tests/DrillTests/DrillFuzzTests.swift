import Foundation
import FuzzSupport
import PropertyBased
import Testing
import ClusterSim
@testable import Drill

/// Fuzzes the drill parser with mutated demo drills: whatever the text, parsing ends (no trap, no
/// runaway work) with either a script or diagnostics that name real lines and print safely.
struct DrillFuzzTests {
    static let corpus: [String] = {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("demo")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: demo.path)) ?? []
        return names.filter { $0.hasSuffix(".drill") }.sorted().compactMap {
            try? String(contentsOf: demo.appendingPathComponent($0), encoding: .utf8)
        }
    }()

    @Test func theCorpusIsTheDemoDrills() throws {
        #expect(Self.corpus.count >= 6)
        for text in Self.corpus { _ = try DrillParser.parse(text, file: "demo.drill") }
    }

    @Test func mutatedDrillsParseOrNameTheirLines() async {
        await propertyCheck(count: 1_500, input: Gen.int(in: 0...(Self.corpus.count - 1)),
                            TextMutation.generator.array(of: 1...6)) { which, mutations in
            let text = TextMutation.apply(mutations, to: Self.corpus[which])
            Self.checkParse(text)
        }
    }

    /// The properties every parse must have, success or not.
    static func checkParse(_ text: String) {
        let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        do {
            let script = try DrillParser.parse(text, file: "f.drill")
            #expect(script.steps.allSatisfy { (1...lineCount).contains($0.line) })
            #expect(zip(script.steps, script.steps.dropFirst()).allSatisfy { $0.line < $1.line })
            #expect(script.virtualLength <= DrillReader.lengthMax)
            #expect((try? DrillParser.parse(text, file: "f.drill")) == script, "parsing is not deterministic")
        } catch {
            let lines = error.diagnostics.map(\.line)
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { (1...lineCount).contains($0) }, "\(lines) of \(lineCount)")
            #expect(zip(lines, lines.dropFirst()).allSatisfy { $0 < $1 }, "one diagnostic per line, in order")
            let printed = error.description
            #expect(PrintableCheck.firstControl(in: printed, multiline: true) == nil, "\(printed.debugDescription)")
            for line in printed.split(separator: "\n") {
                #expect(line.count <= 400, "a diagnostic of \(line.count) characters")
            }
        }
    }
}
