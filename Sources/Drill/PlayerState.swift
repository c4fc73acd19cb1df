import ClusterSim

/// Where a drill stands after a poll: waiting for virtual time to reach a moment, or finished.
public enum PlayerState: Sendable, Equatable {
    /// Advance the host's time to `until` (or any time before it) and poll again.
    case waiting(until: SimTime)
    case finished(DrillSummary)
}

/// The counts a finished drill reports; failures include commands the host refused.
public struct DrillSummary: Sendable, Equatable, CustomStringConvertible {
    public var passed: Int
    public var failed: Int

    public init(passed: Int, failed: Int) {
        self.passed = passed
        self.failed = failed
    }

    /// `2 passed, 1 failed`.
    public var description: String { "\(passed) passed, \(failed) failed" }
}
