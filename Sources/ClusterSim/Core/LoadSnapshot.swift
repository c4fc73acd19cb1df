/// How busy one process is: its workers, its queue, and the time work spends in it.
///
/// Every number is what the simulation measured: utilisation and p99 over the last 10 s of virtual time,
/// the queue as it is at the snapshot's instant.
public struct ProcessLoadView: Sendable, Equatable {
    public var id: NodeID
    public var state: NodeState
    /// Workers (CPU slots) the process has.
    public var workers: Int
    /// Busy fraction of the workers over the last 10 s (0...1).
    public var utilisation: Double
    /// Inputs waiting for a worker now.
    public var queueLength: Int
    /// The most inputs the queue holds before it rejects.
    public var queueLimit: Int
    /// 99th percentile of the time an input spent here (queue plus CPU) over the last 10 s, ms; nil when
    /// nothing was handled.
    public var p99Ms: Double?
    /// Inputs handled per second over the last 10 s.
    public var handledPerSecond: Double
    /// Work dropped by load shedding since start.
    public var shed: Int
    /// Inputs turned away by a full queue since start.
    public var rejected: Int
    /// Every CPU and disk cost is multiplied by this (1: normal).
    public var slowFactor: Double
    /// Frozen by `pause` at the snapshot's instant.
    public var paused: Bool

    public init(id: NodeID, state: NodeState, workers: Int, utilisation: Double, queueLength: Int, queueLimit: Int,
                p99Ms: Double?, handledPerSecond: Double, shed: Int, rejected: Int, slowFactor: Double, paused: Bool) {
        self.id = id; self.state = state; self.workers = workers; self.utilisation = utilisation
        self.queueLength = queueLength; self.queueLimit = queueLimit; self.p99Ms = p99Ms
        self.handledPerSecond = handledPerSecond; self.shed = shed; self.rejected = rejected
        self.slowFactor = slowFactor; self.paused = paused
    }
}

/// The 99th percentile of time spent in one tier (queue plus CPU, over all its processes), last 10 s.
public struct TierLatencyView: Sendable, Equatable {
    /// `.balancer`, `.service`, `.cache` or `.store`.
    public var tier: NodeID.Tier
    public var p99Ms: Double?
    public init(tier: NodeID.Tier, p99Ms: Double?) { self.tier = tier; self.p99Ms = p99Ms }
}

/// End-to-end latency of client operations and the load offered against the load served.
public struct LatencyView: Sendable, Equatable {
    /// Percentiles of successful client operations over the last 10 s, ms; nil when none succeeded.
    public var p50Ms: Double?
    public var p99Ms: Double?
    public var p999Ms: Double?
    /// In the order lb, service, cache, store.
    public var tiers: [TierLatencyView]
    /// Successful client operations per second over the last 10 s.
    public var throughputPerSecond: Double
    /// Client operations issued per second over the last 10 s, retries included.
    public var offeredPerSecond: Double
    /// Work dropped by load shedding since start, all processes.
    public var shed: Int
    /// Inputs turned away by full queues since start, all processes.
    public var rejected: Int
    /// One sample per virtual second, oldest first, at most 60: p50, p99 and p99.9 over the second that
    /// ended there (nil: no successful operation in it), throughput and offered load in ops/s.
    public var p50History: [Double?]
    public var p99History: [Double?]
    public var p999History: [Double?]
    public var throughputHistory: [Double]
    public var offeredHistory: [Double]

    public init(p50Ms: Double?, p99Ms: Double?, p999Ms: Double?, tiers: [TierLatencyView], throughputPerSecond: Double,
                offeredPerSecond: Double, shed: Int, rejected: Int, p50History: [Double?], p99History: [Double?],
                p999History: [Double?], throughputHistory: [Double], offeredHistory: [Double]) {
        self.p50Ms = p50Ms; self.p99Ms = p99Ms; self.p999Ms = p999Ms; self.tiers = tiers
        self.throughputPerSecond = throughputPerSecond; self.offeredPerSecond = offeredPerSecond
        self.shed = shed; self.rejected = rejected
        self.p50History = p50History; self.p99History = p99History; self.p999History = p999History
        self.throughputHistory = throughputHistory; self.offeredHistory = offeredHistory
    }

    /// Nothing measured yet.
    public static let empty = LatencyView(
        p50Ms: nil, p99Ms: nil, p999Ms: nil,
        tiers: [.balancer, .service, .cache, .store].map { TierLatencyView(tier: $0, p99Ms: nil) },
        throughputPerSecond: 0, offeredPerSecond: 0, shed: 0, rejected: 0,
        p50History: [], p99History: [], p999History: [], throughputHistory: [], offeredHistory: [])
}
