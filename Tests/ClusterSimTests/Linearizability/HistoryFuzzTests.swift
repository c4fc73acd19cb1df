import Foundation
import FuzzSupport
import PropertyBased
import Testing
@testable import ClusterSim

/// Fuzzes the history parsers and the checker with mutated Porcupine histories: whatever the text,
/// the check ends within its budget with a verdict, or with errors that name real lines in order.
struct HistoryFuzzTests {
    /// The smaller real histories (the large ones make slow cases and reach the same parser paths).
    static let corpus: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/porcupine")
        var texts: [String] = []
        for folder in ["jepsen", "kv"] {
            let dir = root.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
            for name in names.prefix(12) {
                if let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8),
                   text.utf8.count < 40_000 { texts.append(text) }
            }
        }
        return texts
    }()

    @Test func theCorpusHoldsBothFormats() {
        #expect(Self.corpus.contains { HistoryFormat.detect($0) == .jepsen })
        #expect(Self.corpus.contains { HistoryFormat.detect($0) == .kvEDN })
    }

    @Test func mutatedHistoriesCheckOrNameTheirLines() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...(Self.corpus.count - 1)),
                            TextMutation.generator.array(of: 1...5)) { which, mutations in
            Self.checkOne(TextMutation.apply(mutations, to: Self.corpus[which]))
        }
    }

    static func checkOne(_ text: String) {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let limits = HistoryCheckLimits(maxSteps: 50_000, maxMemoryBytes: 16 << 20)
        do {
            let check = try HistoryFileCheck(text: text, limits: limits)
            #expect(check.result.steps <= 50_000 + LinearizabilityChecker<KVModel>.sliceSteps)
            #expect(!check.reportLines.isEmpty)
        } catch {
            let lines = error.errors.map(\.line)
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { (1...lineCount).contains($0) }, "\(lines) of \(lineCount)")
            #expect(zip(lines, lines.dropFirst()).allSatisfy { $0 <= $1 }, "errors in line order")
            for e in error.errors { #expect(e.message.count <= 400, "a message of \(e.message.count) characters") }
        }
    }
}
