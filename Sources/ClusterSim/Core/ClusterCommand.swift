/// One operator action on the cluster, as the drill language and the dashboard's `:` line spell it.
public enum ClusterCommand: Sendable, Equatable {
    case add(NodeID.Tier)
    case kill(NodeID)
    case restart(NodeID)
    case isolate(NodeID)
    /// Cut every link between processes of different groups; processes not named keep all links.
    case partition([[NodeID]])
    case heal
    case rebalance
    case balancer(BalancerAlgorithm)
    case latency(ms: Int64, jitterMs: Int64)
    case loss(percent: Double)
    case workload(WorkloadChange)
    case replication(ReplicationMode)
    /// Every CPU and disk cost of the node multiplied by `factor` (1 restores it).
    case slow(NodeID, factor: Double)
    /// The node freezes for `durationMs` (no messages handled, no timers), then resumes with its state.
    case pause(NodeID, durationMs: Int64)
    /// Drop messages from `from` to `to` only; `heal` restores the link.
    case cut(from: NodeID, to: NodeID)
    /// Load shedding (CoDel) on every process, or off.
    case shed(Bool)
}

/// The optional fields of a `workload` command; nil leaves a field as it is.
public struct WorkloadChange: Sendable, Equatable {
    public var ratePerSecond: Double?
    public var readFraction: Double?
    public var keys: Int?
    public var zipfExponent: Double?
    /// Times a client retries a failed or timed-out operation.
    public var retries: Int?

    public init(ratePerSecond: Double? = nil, readFraction: Double? = nil, keys: Int? = nil, zipfExponent: Double? = nil,
                retries: Int? = nil) {
        self.ratePerSecond = ratePerSecond
        self.readFraction = readFraction
        self.keys = keys
        self.zipfExponent = zipfExponent
        self.retries = retries
    }
}

/// When the store acknowledges a write to its caller.
public enum ReplicationMode: String, Sendable, CaseIterable {
    /// Commit on a majority of voters (Raft).
    case raft
    /// Acknowledge only when every replica has the entry.
    case sync
    /// Acknowledge once the leader has appended locally.
    case async
}
