import Testing
@testable import ClusterSim

/// The check's step and memory budget: a history whose search explodes is answered `unknown` within
/// it, a key given up for memory does not stop the others from being checked, and the answer is the
/// same every run. Counters are asserted, never wall time.
struct LinearizabilityBudgetTests {
    typealias Op = LinearizabilityOperation<KVModel.Input, KVModel.Output>
    let checker = LinearizabilityChecker(model: KVModel())

    /// `count` puts of one key that all overlap, then a get of a value none of them wrote: no
    /// linearization exists, but proving it means trying every subset of the puts.
    static func overlappingPuts(_ count: Int, key: String = "k") -> String {
        var text = ""
        for i in 0..<count { text += "{:process \(i), :type :invoke, :f :put, :key \"\(key)\", :value \"v\(i)\"}\n" }
        for i in 0..<count { text += "{:process \(i), :type :ok, :f :put, :key \"\(key)\", :value \"v\(i)\"}\n" }
        text += "{:process \(count), :type :invoke, :f :get, :key \"\(key)\", :value nil}\n"
        text += "{:process \(count), :type :ok, :f :get, :key \"\(key)\", :value \"never\"}\n"
        return text
    }

    func done(_ client: Int, _ input: KVModel.Input, _ output: KVModel.Output, _ call: Int64, _ ret: Int64) -> Op {
        Op(clientID: client, input: input, output: output, callTime: call, returnTime: ret)
    }

    @Test func twoHundredOverlappingPutsAreUnknownWithinTheDefaultBudget() throws {
        // The reported defect: this ran without limit (7.2 GB). Now the default step budget stops it.
        let check = try HistoryFileCheck(text: Self.overlappingPuts(200))
        let r = check.result
        let budget = HistoryCheckLimits().budget(operationCount: 201)
        #expect(r.verdict == .unknown)
        #expect(r.budget == budget)
        #expect(r.stepBudgetRanOut)
        #expect(r.steps <= budget.maxSteps!)
        #expect(r.peakMemoryBytes <= budget.maxMemoryBytes!)
        #expect(r.partitionCount == 1 && r.unfinishedPartitionCount == 1 && r.decidedPartitionCount == 0)
        #expect(check.reportLines.first == "unknown")
        #expect(check.reportLines.contains("the step budget of \(budget.maxSteps!) steps ran out"), "\(check.reportLines)")
        #expect(check.reportLines.contains("none of the 1 partition(s) was decided"), "\(check.reportLines)")
    }

    @Test func memoryBudgetGivesTheKeyUpAndKeepsTheCacheWithinIt() throws {
        // With steps to spare, the cache is what runs out: the key is given up, never over budget.
        let limits = HistoryCheckLimits(maxSteps: 1 << 40, maxMemoryBytes: 1 << 20)
        let check = try HistoryFileCheck(text: Self.overlappingPuts(200), limits: limits)
        let r = check.result
        #expect(r.verdict == .unknown)
        #expect(!r.stepBudgetRanOut)
        #expect(r.partitionsOverMemory == 1 && r.firstPartitionOverMemory == "key \"k\"")
        #expect(r.peakMemoryBytes <= 1 << 20)
        #expect(r.peakMemoryBytes > (1 << 20) - 1_024, "the budget was not used: \(r.peakMemoryBytes)")
        #expect(check.reportLines.contains(
            "key \"k\" was given up: its search needed more than the memory budget of 1 MiB"), "\(check.reportLines)")
    }

    @Test func aKeyGivenUpForMemoryDoesNotHideAViolationOnAnother() throws {
        // Key "hard" explodes and is given up; key "bad" (checked after it) still shows its stale read.
        let stale = """
            {:process 900, :type :invoke, :f :put, :key "bad", :value "1"}
            {:process 900, :type :ok, :f :put, :key "bad", :value "1"}
            {:process 901, :type :invoke, :f :get, :key "bad", :value nil}
            {:process 901, :type :ok, :f :get, :key "bad", :value ""}

            """
        let limits = HistoryCheckLimits(maxSteps: 1 << 40, maxMemoryBytes: 64 << 10)
        let r = try HistoryFileCheck(text: Self.overlappingPuts(40, key: "hard") + stale, limits: limits).result
        #expect(r.verdict == .notLinearizable)
        #expect(r.firstViolation?.partition == "key \"bad\"")
        #expect(r.partitionsOverMemory == 1 && r.firstPartitionOverMemory == "key \"hard\"")
        #expect(r.peakMemoryBytes <= 64 << 10)
    }

    @Test func aKeyGivenUpForMemoryLeavesTheOthersDecided() throws {
        // One hard key and one easy key: the easy one is decided, the verdict is honest about the other.
        let easy = """
            {:process 900, :type :invoke, :f :put, :key "easy", :value "1"}
            {:process 900, :type :ok, :f :put, :key "easy", :value "1"}

            """
        let limits = HistoryCheckLimits(maxSteps: 1 << 40, maxMemoryBytes: 64 << 10)
        let check = try HistoryFileCheck(text: Self.overlappingPuts(40, key: "hard") + easy, limits: limits)
        #expect(check.result.verdict == .unknown)
        #expect(check.result.decidedPartitionCount == 1 && check.result.unfinishedPartitionCount == 1)
        #expect(check.reportLines.contains("1 of 2 partitions decided (all linearizable), 1 undecided"), "\(check.reportLines)")
    }

    @Test func theLargestCacheIsGivenUpNotTheKeyThatAsked() {
        // Key "a" fills the memory in its first slice; when the small key "b" then needs room, "a"
        // (holding more) makes way, and "b" is still decided.
        var a: [Op] = (0..<30).map { done($0, .init(.put, key: "a", value: "v\($0)"), .ok, 0, 100) }
        a.append(done(30, .init(.get, key: "a"), .value("never"), 200, 210))
        var b: [Op] = (0..<3).map { done(40 + $0, .init(.put, key: "b", value: "w\($0)"), .ok, 0, 100) }
        b.append(done(50, .init(.get, key: "b"), .value("w1"), 200, 210))
        func search(_ ops: [Op]) -> LinearizabilitySearch<KVModel> {
            LinearizabilitySearch(model: KVModel(), operations: ops, operationIDs: Array(ops.indices), from: "",
                                  allFinalStates: false)
        }
        var probe = search(a)
        _ = probe.advance(maxSteps: 64)
        #expect(probe.isRunning && probe.cacheBytes > 0)
        // Room for what "a" caches in one slice, and not one entry more.
        let budget = LinearizabilityBudget(maxSteps: nil, maxMemoryBytes: probe.cacheBytes + 1)
        var rounds = LinearizabilityRoundRobin(searches: [search(a), search(b)], budget: budget, sliceSteps: 64)
        let stop = rounds.run()
        #expect({ if case .ranOut = stop { true } else { false } }())
        #expect(rounds.givenUpOrder == [0])
        #expect(rounds.undecided.isEmpty)
        #expect(rounds.peakBytes <= budget.maxMemoryBytes!)
    }

    @Test func sameHistoryAndBudgetGiveTheSameAnswerEveryRun() throws {
        // Budgets count steps and estimated bytes, never time: two runs agree to the step.
        let limits = HistoryCheckLimits(maxSteps: 50_000, maxMemoryBytes: 256 << 10)
        let first = try HistoryFileCheck(text: Self.overlappingPuts(30), limits: limits)
        let again = try HistoryFileCheck(text: Self.overlappingPuts(30), limits: limits)
        #expect(first.result == again.result)
        #expect(first.reportLines == again.reportLines)
    }
}
