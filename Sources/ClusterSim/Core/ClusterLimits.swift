/// The bounds every input that shapes a cluster is checked against, and the bounds on every queue and table
/// inside it, in one place: flags, drill headers, drill commands and the dashboard's `:` line read the
/// first group from here, and the processes and the runtime read the second.
public enum ClusterLimits {
    /// The most processes one tier (stores, services, caches) may hold; `add` stops there.
    public static let processesPerTierMax = 32
    /// The most partitions of the key space.
    public static let partitionsMax = 256
    /// The slowest client workload: one operation every 1,000 s of virtual time on average.
    public static let ratePerSecondMin = 0.001
    /// The fastest client workload, operations per second of virtual time.
    public static let ratePerSecondMax = 100_000.0
    /// The most distinct keys the workload draws from.
    public static let keysMax = 10_000_000
    /// The steepest Zipf exponent of key popularity.
    public static let zipfExponentMax = 10.0
    /// The largest `slow` factor (a node 1000x slower is as good as stopped; use `pause` for that).
    public static let slowFactorMax = 1_000.0
    /// The longest `pause`, in virtual milliseconds.
    public static let pauseMsMax: Int64 = 600_000
    /// The most client retries per operation.
    public static let retriesMax = 10

    /// `rate` as the range message words it: "from 0.001 to 100000".
    public static let rateRangeText = "from 0.001 to 100000"

    // Inside the cluster: past these, work is refused, not queued.

    /// Client operations in flight at once; an arrival past it is not issued.
    static let clientOperationsInFlightMax = 50_000
    /// Requests the balancer has forwarded and not yet seen answered; past it, requests fail at once.
    static let balancerForwardsMax = 50_000
    /// Writes a store node holds waiting for their commit; past it, writes are refused.
    static let storeWritesWaitingMax = 10_000
    /// Reads a store node holds waiting for ReadIndex confirmation; past it, reads are refused.
    static let storeReadsWaitingMax = 10_000
    /// Replica moves the placement controller keeps in progress at once.
    static let placementMovesMax = 256
    /// Events pending in the queue; a run that schedules more is broken, not busy.
    static let pendingEventsMax = 2_000_000
    /// Lines the cluster's event log keeps (the oldest go first).
    static let eventLogEntriesMax = 1_000
    /// Failed trials, and trials slower than the threshold asked for, that a failover summary lists by seed
    /// (all are counted).
    public static let failoverTrialsListedMax = 100
}
