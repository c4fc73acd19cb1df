/// Decides whether a history is linearizable with respect to a model, one partition at a time.
///
/// The history is split by the model's partition key (in order of first appearance). The
/// partitions' searches are interleaved in fixed slices of steps, round robin, and the check
/// stops at the first partition that fails: a violation anywhere decides the verdict, and a
/// violating partition is often found long before a hard one is exhausted. Slicing by steps
/// (not time) keeps the answer and the reported violation the same on every run. A budget
/// bounds the total steps and the memory of the caches held at once (see
/// `LinearizabilityRoundRobin` for what gives when memory runs short); when either stops a
/// partition from being decided and no violation turns up, the verdict is `unknown`. Failed
/// operations must be left out by the caller: they did not happen.
public struct LinearizabilityChecker<Model: LinearizabilityModel>: Sendable {
    public typealias Operation = LinearizabilityOperation<Model.Input, Model.Output>

    /// Steps each partition runs before the next one gets its turn.
    public static var sliceSteps: Int { 4_096 }

    public let model: Model

    public init(model: Model) {
        self.model = model
    }

    /// Checks `operations` within `budget`, which caps steps and cache memory over all partitions.
    public func check(_ operations: [Operation], budget: LinearizabilityBudget = .unlimited) -> LinearizabilityResult {
        let parts = partitions(of: operations)
        let searches = parts.map { part in
            LinearizabilitySearch(model: model, operations: part.indices.map { operations[$0] },
                                  operationIDs: part.indices, from: model.initialState, allFinalStates: false)
        }
        var rounds = LinearizabilityRoundRobin(searches: searches, budget: budget, sliceSteps: Self.sliceSteps)
        let stop = rounds.run()
        var violation: LinearizabilityViolation?
        if case .violation(let i, let prefix, let state, let blocked) = stop {
            violation = LinearizabilityViolation(
                partition: model.describe(partition: parts[i].key), partitionOperationCount: parts[i].indices.count,
                linearizedPrefix: prefix, stateAfterPrefix: model.describe(state: state), blockedOperation: blocked)
        }
        let outOfSteps = if case .outOfSteps = stop { true } else { false }
        let overMemory = rounds.givenUpOrder
        let verdict: LinearizabilityVerdict = violation != nil
            ? .notLinearizable : (outOfSteps || !overMemory.isEmpty ? .unknown : .linearizable)
        return LinearizabilityResult(
            verdict: verdict, firstViolation: violation, operationCount: operations.count,
            partitionCount: parts.count, unfinishedPartitionCount: rounds.undecided.count + overMemory.count,
            steps: rounds.steps, budget: budget, stepBudgetRanOut: outOfSteps, partitionsOverMemory: overMemory.count,
            firstPartitionOverMemory: overMemory.first.flatMap { model.describe(partition: parts[$0].key) },
            peakMemoryBytes: rounds.peakBytes)
    }

    /// Every state one partition's operations can end in when started from any of `initialStates`.
    ///
    /// `states` is empty when no linearization exists (then `violation` says why) and `nil` when
    /// the budget ran out. The live recorder uses this to fold a finished stretch of history into
    /// the set of states the next stretch may start from.
    /// With `firstOnly` it stops at the first complete linearization (a plain yes/no check).
    func reachableFinalStates(
        of operations: [Operation], from initialStates: [Model.State], stepBudget: Int?, firstOnly: Bool = false
    ) -> (states: [Model.State]?, violation: LinearizabilityViolation?, steps: Int) {
        var states: [Model.State] = []
        var seen = Set<Model.State>()
        var best: LinearizabilityViolation?
        var steps = 0
        for initial in initialStates {
            var search = LinearizabilitySearch(model: model, operations: operations,
                                               operationIDs: Array(operations.indices), from: initial, allFinalStates: !firstOnly)
            let status = search.advance(maxSteps: stepBudget.map { $0 - steps } ?? Int.max)
            steps += search.steps
            switch status {
            case .running, .memoryFull:
                return (nil, nil, steps)
            case .linearizable(let finals):
                for s in finals where seen.insert(s).inserted { states.append(s) }
                if firstOnly { return (states, nil, steps) }
            case .violation(let prefix, let state, let blocked):
                if best == nil || prefix.count > best!.linearizedPrefix.count {
                    let key = operations.first.flatMap { model.describe(partition: model.partition(of: $0.input)) }
                    best = LinearizabilityViolation(
                        partition: key, partitionOperationCount: operations.count, linearizedPrefix: prefix,
                        stateAfterPrefix: model.describe(state: state), blockedOperation: blocked)
                }
            }
        }
        return (states, states.isEmpty ? best : nil, steps)
    }

    /// Operation indices grouped by partition, partitions in order of first appearance.
    private func partitions(of operations: [Operation]) -> [(key: Model.PartitionKey, indices: [Int])] {
        var slot: [Model.PartitionKey: Int] = [:]
        var parts: [(key: Model.PartitionKey, indices: [Int])] = []
        for (i, op) in operations.enumerated() {
            let key = model.partition(of: op.input)
            if let s = slot[key] {
                parts[s].indices.append(i)
            } else {
                slot[key] = parts.count
                parts.append((key, [i]))
            }
        }
        return parts
    }
}
