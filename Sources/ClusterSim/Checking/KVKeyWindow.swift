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
    /// Puts whose client gave up (timed out): their outcome will never be known.
    private var timedOut: Set<Int> = []

    mutating func invoke(serial: Int, process: Int, input: KVModel.Input, at time: Int64, limits: KVHistoryRecorder.Limits) {
        guard phase == .recording else { return }
        if operations.count >= limits.maxOperationsPerKey { compact(limits: limits) }
        guard phase == .recording else { return }
        guard operations.count < limits.maxOperationsPerKey else {
            return overflow("window of \(limits.maxOperationsPerKey) operations is full and no quiet point lets "
                + "older ones be folded (a read still unanswered, a put still in flight that a read saw, or "
                + "operations of unknown outcome that fill it)")
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

    /// The client of the put `serial` gave up: it may have taken effect, or may still, or never.
    mutating func markTimedOut(serial: Int) {
        if serials.contains(serial) { timedOut.insert(serial) }
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
        let found = checker.reachableFinalStates(of: relevantOperations(), from: startStates, stepBudget: budget, firstOnly: true)
        guard let states = found.states else { return (.unknown(reason: "step budget ran out"), found.steps) }
        if !states.isEmpty { return (.linearizable, found.steps) }
        return (.notLinearizable(report: report(found.violation)), found.steps)
    }

    /// The window without the puts of unknown outcome whose value no read in it returned. Such a put can
    /// be left out without changing the verdict: had it taken effect, nothing recorded would show it, and
    /// an unknown outcome allows it never to have. It stays in the window, since a later read may return
    /// its value. (Leaving these out is what keeps the search small where many writes time out.)
    private func relevantOperations() -> [Operation] {
        guard operations.contains(where: { $0.returnTime == nil }) else { return operations }
        var observed = Set<String>()
        for op in operations where op.input.function == .get {
            if case .value(let v)? = op.output { observed.insert(v) }
        }
        return operations.filter { $0.returnTime != nil || $0.input.function != .put || observed.contains($0.input.value) }
    }

    /// Folds the oldest stretch that ends at a quiet point into the set of start values.
    ///
    /// A quiet point is where every operation called before it with a known outcome has returned before
    /// the next one is called. A put whose client gave up (timed out) does not prevent one: it may take effect at any moment after its call, or never, so if no read in the
    /// stretch returned its value, letting it take effect inside the stretch or right after it is the
    /// same to everything recorded. Such a put is carried over, kept in the window, instead of holding
    /// the window open until it overflows. A put whose value a read in the stretch returned is folded
    /// in with it, since it must have taken effect there (put values are unique; where two puts share a
    /// value the window waits as before).
    private mutating func compact(limits: KVHistoryRecorder.Limits) {
        let order = operations.indices.sorted { (operations[$0].callTime, $0) < (operations[$1].callTime, $1) }
        let cut = quietPoint(order)
        guard cut > 0 else { return }
        let observed = Set(order[..<cut].compactMap { i -> String? in
            guard operations[i].input.function == .get, case .value(let v)? = operations[i].output else { return nil }
            return v
        })
        var folded: [Int] = []
        var carried: [Int] = []
        for i in order[..<cut] {
            let op = operations[i]
            guard op.returnTime == nil, !observed.contains(op.input.value) else { folded.append(i); continue }
            carried.append(i)
        }
        // An observed put of unknown outcome is folded only when no other put wrote the same value.
        for i in folded where operations[i].returnTime == nil {
            guard isOnlyPut(withValue: operations[i].input.value) else { return }
        }
        let prefix = folded.map { operations[$0] }
        let checker = LinearizabilityChecker(model: KVModel())
        let found = checker.reachableFinalStates(of: prefix, from: startStates, stepBudget: limits.compactionStepBudget)
        guard let states = found.states else {
            return overflow("folding old operations needed more than \(limits.compactionStepBudget) steps")
        }
        if states.isEmpty {
            let lines = Self.report(found.violation, operations: prefix)
            phase = .violated(report: lines)
            operations = []
            serials = []
            timedOut = []
            startStates = []
            return
        }
        let keep = carried + order[cut...]
        operations = keep.map { operations[$0] }
        serials = keep.map { serials[$0] }
        timedOut = timedOut.intersection(serials)
        startStates = states
    }

    /// How many operations, in call order, end at the latest quiet point (0: none yet). Only a put whose
    /// client gave up is passed over: a read or a put still in flight holds the window open, since its
    /// answer may yet come (a put answered "ok" later must have taken effect, which would no longer be
    /// the same as having been overwritten inside the stretch).
    private func quietPoint(_ order: [Int]) -> Int {
        var latestReturn = Int64.min
        var cut = 0
        for (position, i) in order.enumerated() {
            let op = operations[i]
            if let returned = op.returnTime {
                latestReturn = max(latestReturn, returned)
            } else if op.input.function != .put || !timedOut.contains(serials[i]) {
                break
            }
            let nextCall = position + 1 < order.count ? operations[order[position + 1]].callTime : Int64.max
            if latestReturn < nextCall { cut = position + 1 }
        }
        return cut
    }

    private func isOnlyPut(withValue value: String) -> Bool {
        operations.lazy.filter { $0.input.function == .put && $0.input.value == value }.count == 1
    }

    private mutating func overflow(_ reason: String) {
        phase = .overflowed(reason: reason)
        operations = []
        serials = []
        timedOut = []
        startStates = []
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
