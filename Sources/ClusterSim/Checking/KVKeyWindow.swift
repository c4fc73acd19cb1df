/// One key's recent operations in the live recorder, with the values its older history may have left.
struct KVKeyWindow: Sendable {
    typealias Operation = LinearizabilityOperation<KVModel.Input, KVModel.Output>

    /// Whether the key is still being checked.
    enum Phase: Sendable, Equatable {
        case recording
        case violated(report: [String])
        case overflowed(reason: String)
    }

    private(set) var phase = Phase.recording
    /// Values (as the model's strings) the window may start from; "" is the missing key.
    private var startStates: [String] = [""]
    private var operations: [Operation] = []
    private var serials: [Int] = []

    mutating func invoke(serial: Int, process: Int, input: KVModel.Input, at time: Int64, limits: KVHistoryRecorder.Limits) {
        guard phase == .recording else { return }
        if operations.count >= limits.maxOperationsPerKey { compact(limits: limits) }
        guard phase == .recording else { return }
        guard operations.count < limits.maxOperationsPerKey else {
            phase = .overflowed(reason: "window of \(limits.maxOperationsPerKey) operations is full and no "
                + "quiet point lets older ones be folded (an operation with unknown outcome keeps it open)")
            operations = []
            serials = []
            startStates = []
            return
        }
        operations.append(Operation(clientID: process, input: input, unknownOutcomeCalledAt: time))
        serials.append(serial)
    }

    mutating func complete(serial: Int, output: KVModel.Output, at time: Int64, limits: KVHistoryRecorder.Limits) {
        guard let i = serials.lastIndex(of: serial) else { return }
        let op = operations[i]
        operations[i] = Operation(clientID: op.clientID, input: op.input, output: output,
                                  callTime: op.callTime, returnTime: max(time, op.callTime))
    }

    mutating func remove(serial: Int) {
        guard let i = serials.lastIndex(of: serial) else { return }
        operations.remove(at: i)
        serials.remove(at: i)
    }

    /// Checks the window from every carried start value; linearizable if any start works.
    func check(budget: Int?) -> (verdict: KVHistoryRecorder.KeyVerdict, steps: Int) {
        switch phase {
        case .violated(let report): return (.notLinearizable(report: report), 0)
        case .overflowed(let reason): return (.unknown(reason: reason), 0)
        case .recording: break
        }
        let checker = LinearizabilityChecker(model: KVModel())
        let found = checker.reachableFinalStates(of: operations, from: startStates, stepBudget: budget, firstOnly: true)
        guard let states = found.states else { return (.unknown(reason: "step budget ran out"), found.steps) }
        if !states.isEmpty { return (.linearizable, found.steps) }
        return (.notLinearizable(report: report(found.violation)), found.steps)
    }

    /// Folds the oldest stretch that ends at a quiet point into the set of start values.
    private mutating func compact(limits: KVHistoryRecorder.Limits) {
        let order = operations.indices.sorted { (operations[$0].callTime, $0) < (operations[$1].callTime, $1) }
        var latestReturn = Int64.min
        var cut = 0
        for (position, i) in order.enumerated() {
            guard let returned = operations[i].returnTime else { break }
            latestReturn = max(latestReturn, returned)
            let nextCall = position + 1 < order.count ? operations[order[position + 1]].callTime : Int64.max
            if latestReturn < nextCall { cut = position + 1 }
        }
        guard cut > 0 else { return }
        let prefix = order[..<cut].map { operations[$0] }
        let checker = LinearizabilityChecker(model: KVModel())
        let found = checker.reachableFinalStates(of: prefix, from: startStates, stepBudget: limits.compactionStepBudget)
        guard let states = found.states else {
            phase = .overflowed(reason: "folding old operations needed more than \(limits.compactionStepBudget) steps")
            operations = []
            serials = []
            startStates = []
            return
        }
        if states.isEmpty {
            let lines = Self.report(found.violation, operations: prefix)
            phase = .violated(report: lines)
            operations = []
            serials = []
            startStates = []
            return
        }
        let keep = order[cut...]
        operations = keep.map { operations[$0] }
        serials = keep.map { serials[$0] }
        startStates = states
    }

    private func report(_ violation: LinearizabilityViolation?) -> [String] {
        Self.report(violation, operations: operations)
    }

    /// The violation in words, with times in virtual seconds.
    private static func report(_ violation: LinearizabilityViolation?, operations: [Operation]) -> [String] {
        let result = LinearizabilityResult(verdict: .notLinearizable, firstViolation: violation,
                                           operationCount: operations.count, partitionCount: 1,
                                           unfinishedPartitionCount: 0, steps: 0)
        return LinearizabilityReport.lines(for: result, operations: operations, model: KVModel()) { call, ret in
            let start = SimTime(us: call).description
            guard let ret else { return "called \(start), outcome unknown" }
            return "\(start)-\(SimTime(us: ret).description)"
        }
    }
}
