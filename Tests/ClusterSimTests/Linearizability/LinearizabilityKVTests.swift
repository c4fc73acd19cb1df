import Testing
@testable import ClusterSim

/// The kv model and the per-key split: keys are independent, appends concatenate, missing keys read "".
struct LinearizabilityKVTests {
    typealias Op = LinearizabilityOperation<KVModel.Input, KVModel.Output>
    let checker = LinearizabilityChecker(model: KVModel())

    func done(_ client: Int, _ input: KVModel.Input, _ output: KVModel.Output, _ call: Int64, _ ret: Int64) -> Op {
        Op(clientID: client, input: input, output: output, callTime: call, returnTime: ret)
    }

    @Test func missingKeyReadsEmptyAndAppendsConcatenate() {
        let ops = [
            done(0, .init(.get, key: "a"), .value(""), 0, 5),
            done(0, .init(.append, key: "a", value: "x"), .ok, 10, 15),
            done(1, .init(.append, key: "a", value: "y"), .ok, 20, 25),
            done(0, .init(.get, key: "a"), .value("xy"), 30, 35),
        ]
        #expect(checker.check(ops).verdict == .linearizable)
    }

    @Test func concurrentAppendsMayLandInEitherOrderButNotBoth() {
        // Two overlapping appends: one reader may see "xy", another "yx" cannot also be true later.
        let appends = [
            done(0, .init(.append, key: "a", value: "x"), .ok, 0, 20),
            done(1, .init(.append, key: "a", value: "y"), .ok, 0, 20),
        ]
        for seen in ["xy", "yx"] {
            #expect(checker.check(appends + [done(2, .init(.get, key: "a"), .value(seen), 30, 40)]).verdict == .linearizable)
        }
        let contradictory = appends + [
            done(2, .init(.get, key: "a"), .value("xy"), 30, 40),
            done(3, .init(.get, key: "a"), .value("yx"), 50, 60),
        ]
        #expect(checker.check(contradictory).verdict == .notLinearizable)
    }

    @Test func violationNamesTheKeyAndStaleRead() {
        // Key "b" is fine; key "a" has a stale read after a completed put, and the report names "a".
        let ops = [
            done(0, .init(.put, key: "b", value: "1"), .ok, 0, 5),
            done(0, .init(.put, key: "a", value: "new"), .ok, 10, 15),
            done(1, .init(.get, key: "b"), .value("1"), 20, 25),
            done(1, .init(.get, key: "a"), .value(""), 30, 35),
        ]
        let result = checker.check(ops)
        #expect(result.verdict == .notLinearizable)
        #expect(result.partitionCount == 2)
        #expect(result.firstViolation?.partition == "key \"a\"")
        #expect(result.firstViolation?.blockedOperation == 3)
        #expect(result.firstViolation?.stateAfterPrefix == "\"new\"")
        let lines = LinearizabilityReport.lines(for: result, operations: ops, model: KVModel()) { c, r in "t\(c)-\(r!)" }
        #expect(lines[0] == "not linearizable")
        #expect(lines[1].contains("on key \"a\""))
        #expect(lines[2] == "  process 1, t30-35: :get \"a\" -> \"\"")
    }

    @Test func splitIsWhatMakesIndependentKeysLinearizable() {
        // Each key alone is linearizable; the same operations on one key would not be.
        let perKey = [
            done(0, .init(.put, key: "a", value: "1"), .ok, 0, 5),
            done(1, .init(.put, key: "b", value: "2"), .ok, 10, 15),
            done(0, .init(.get, key: "a"), .value("1"), 20, 25),
        ]
        #expect(checker.check(perKey).verdict == .linearizable)
        let oneKey = perKey.map { op -> Op in
            var o = op
            o.input.key = "a"
            return o
        }
        #expect(checker.check(oneKey).verdict == .notLinearizable)
    }

    @Test func checkingIsDeterministic() throws {
        // Same history, same report, every time: no dictionary order or clock leaks into results.
        let text = try PorcupineFixtures.text("kv/c10-bad.txt")
        let first = try HistoryFileCheck(text: text)
        for _ in 0..<3 {
            let again = try HistoryFileCheck(text: text)
            #expect(again.reportLines == first.reportLines)
            #expect(again.result == first.result)
        }
    }
}
