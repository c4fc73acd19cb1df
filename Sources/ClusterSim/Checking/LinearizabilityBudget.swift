/// How much work and memory one linearizability check may spend before it answers `unknown`.
///
/// Deciding linearizability is NP-complete: a few hundred overlapping writes can need more steps
/// and more cached configurations than any machine has. Both limits are counted, never timed,
/// so the same history and budget give the same answer on every run and every machine.
public struct LinearizabilityBudget: Sendable, Equatable {
    /// Search steps over all partitions (one step tries one operation at one point); `nil`: no limit.
    public var maxSteps: Int?
    /// Estimated bytes of the memo caches held at once (see `LinearizabilitySearch.entryBytes`);
    /// `nil`: no limit. A partition whose search needs more is given up as undecided.
    public var maxMemoryBytes: Int?

    public init(maxSteps: Int?, maxMemoryBytes: Int?) {
        precondition((maxSteps ?? 1) > 0 && (maxMemoryBytes ?? 1) > 0, "a budget must be positive")
        self.maxSteps = maxSteps
        self.maxMemoryBytes = maxMemoryBytes
    }

    /// No limit at all: the check runs until it decides, however long that takes.
    public static let unlimited = LinearizabilityBudget(maxSteps: nil, maxMemoryBytes: nil)
}
