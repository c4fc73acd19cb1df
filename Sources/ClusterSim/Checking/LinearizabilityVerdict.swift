/// The answer of a linearizability check.
public enum LinearizabilityVerdict: String, Sendable, Equatable {
    case linearizable = "linearizable"
    case notLinearizable = "not linearizable"
    /// The step budget ran out, or a partition needed more memory than the budget allowed,
    /// before every partition was decided, and no violation was found in those that were.
    case unknown = "unknown"
}

/// The first place where a partition's history could not be linearized.
///
/// The search reached `linearizedPrefix` (the longest sequence of operations it could place, in
/// linearization order) and then found that `blockedOperation` returned before it could be placed
/// after that prefix. Operation numbers index the array handed to the checker.
public struct LinearizabilityViolation: Sendable, Equatable {
    /// The partition, as the model names it (`key "4"`); `nil` for single-partition models.
    public var partition: String?
    /// How many operations the partition holds.
    public var partitionOperationCount: Int
    /// The longest sequence of operations the search could linearize, in order.
    public var linearizedPrefix: [Int]
    /// The model state after `linearizedPrefix`, as the model describes it.
    public var stateAfterPrefix: String
    /// The operation whose return came before any position it could take after the prefix.
    public var blockedOperation: Int
}

/// The outcome of checking a whole history: verdict, first violation, and work done.
public struct LinearizabilityResult: Sendable, Equatable {
    public var verdict: LinearizabilityVerdict
    /// The violation found first; the check stops there, as a violation anywhere decides it.
    public var firstViolation: LinearizabilityViolation?
    /// How many operations were checked (failed operations are not counted).
    public var operationCount: Int
    /// How many partitions the history split into.
    public var partitionCount: Int
    /// Partitions left undecided when the check stopped (at a violation, when the step budget ran
    /// out, or given up for memory).
    public var unfinishedPartitionCount: Int
    /// Search steps spent across all partitions.
    public var steps: Int
    /// The budget the check ran under.
    public var budget: LinearizabilityBudget
    /// Whether the step budget ran out before every partition was decided.
    public var stepBudgetRanOut: Bool
    /// Partitions given up because their search needed more than the memory budget.
    public var partitionsOverMemory: Int
    /// The first of those, as the model names it (`key "4"`); `nil` for single-partition models.
    public var firstPartitionOverMemory: String?
    /// The most the memo caches held at once, in estimated bytes.
    public var peakMemoryBytes: Int

    public init(verdict: LinearizabilityVerdict, firstViolation: LinearizabilityViolation?, operationCount: Int,
                partitionCount: Int, unfinishedPartitionCount: Int, steps: Int,
                budget: LinearizabilityBudget = .unlimited, stepBudgetRanOut: Bool = false,
                partitionsOverMemory: Int = 0, firstPartitionOverMemory: String? = nil, peakMemoryBytes: Int = 0) {
        self.verdict = verdict
        self.firstViolation = firstViolation
        self.operationCount = operationCount
        self.partitionCount = partitionCount
        self.unfinishedPartitionCount = unfinishedPartitionCount
        self.steps = steps
        self.budget = budget
        self.stepBudgetRanOut = stepBudgetRanOut
        self.partitionsOverMemory = partitionsOverMemory
        self.firstPartitionOverMemory = firstPartitionOverMemory
        self.peakMemoryBytes = peakMemoryBytes
    }

    /// True when there was nothing to check.
    public var isEmpty: Bool { operationCount == 0 }

    /// Partitions whose verdict was found (linearizable, or the violating one).
    public var decidedPartitionCount: Int { partitionCount - unfinishedPartitionCount }
}
