/// The shape and tuning of a simulated cluster: sizes of each tier and every default knob, in one place.
public struct ClusterConfig: Sendable, Equatable {
    public var seed: UInt64 = 1
    public var stores = 5
    public var services = 3
    public var caches = 3
    public var partitions = 24
    public var replicas = 3

    public var workload = WorkloadConfig()

    // Raft timing, in virtual milliseconds.
    public var raftTickMs: Int64 = 10
    public var electionTimeoutMsMin: Int64 = 150
    public var electionTimeoutMsMax: Int64 = 300
    public var heartbeatMs: Int64 = 50
    /// Count election timeouts in whole Raft ticks, as before microsecond timers (kept to compare the two:
    /// a 10 ms tick leaves 16 distinct timeouts in 150-300 ms, so followers collide more often).
    public var electionTimeoutOnTicks = false

    // Network.
    public var latencyMsMin: Int64 = 1
    public var latencyMsMax: Int64 = 3

    // Balancer (HAProxy defaults for active checks).
    public var balancerAlgorithm: BalancerAlgorithm = .powerOfTwo
    public var healthCheckIntervalMs: Int64 = 2_000
    public var healthCheckTimeoutMs: Int64 = 1_000
    public var healthRise = 2
    public var healthFall = 3
    /// Consecutive failed or timed-out requests that eject an instance (passive check, Envoy's default).
    public var passiveEjectAfterFailures = 5
    public var passiveEjectionMs: Int64 = 30_000

    // Service instances.
    /// Requests one instance works on at once (waiting on the cache or the store included); past it the
    /// instance answers "overloaded". Its CPU queue is `processQueueLimit`.
    public var serviceMaxInFlight = 512
    /// How long a service waits for a cache node's answer before treating the lookup as a miss.
    public var serviceCallTimeoutMs: Int64 = 200
    /// How long a service waits for a store's answer: a read then tries another replica, a write is
    /// reported with an unknown outcome (it may have been applied).
    public var storeCallTimeoutMs: Int64 = 600

    // Capacity. Every process but the clients has workers (CPU slots) and one bounded queue. A process
    // charges CPU once per request it serves (the callbacks of that request are part of it): a mean in
    // virtual microseconds, drawn from an exponential distribution on the process's own stream. A store
    // also charges for each Raft append that carries entries, and syncs its log to disk. Heartbeats,
    // votes, health checks and replies are handled as they arrive and cost nothing (they are small and
    // real systems put them first). A cost of 0 makes a tier's requests free as well.
    public var balancerWorkers = 4
    public var balancerCpuUsPerRequest: Int64 = 100
    public var serviceWorkers = 2
    public var serviceCpuUsPerRequest: Int64 = 1_500
    public var cacheWorkers = 2
    public var cacheCpuUsPerRequest: Int64 = 200
    public var storeWorkers = 1
    public var storeCpuUsPerRequest: Int64 = 6_000
    public var storeCpuUsPerAppend: Int64 = 1_500
    /// Mean time of one fsync of a store's Raft log; entries that arrive while one is in flight go in the next.
    public var storeFsyncUs: Int64 = 1_500
    /// Inputs one process holds waiting for a worker; past it, requests are answered "overloaded".
    public var processQueueLimit = 1_000
    /// Load shedding (CoDel): off by default; on, a request whose queueing delay stayed above the target
    /// for an interval is dropped ("overloaded") instead of being served late.
    public var shedding = false
    public var shedTargetUs: Int64 = 5_000
    public var shedIntervalUs: Int64 = 100_000

    // Cache nodes.
    public var cacheCapacity = 1_000
    public var cacheTTLMs: Int64 = 30_000
    public var cacheVirtualNodes = 128

    // Placement.
    public var storeDeadAfterMs: Int64 = 10_000

    public init() {}

    public static let `default` = ClusterConfig()
}

/// The open-loop client workload.
public struct WorkloadConfig: Sendable, Equatable {
    public var ratePerSecond: Double = 200
    public var readFraction: Double = 0.9
    public var keys = 10_000
    public var zipfExponent: Double = 0.99
    public var timeoutMs: Int64 = 1_000
    /// Times a client retries an operation that failed or timed out (0: never).
    public var retries = 0
    /// Backoff before retry k (0-based) is uniform in [0, min(cap, base * 2^k)]: "full jitter".
    public var retryBackoffMsBase: Int64 = 50
    public var retryBackoffMsCap: Int64 = 2_000

    public init() {}
}

/// How the balancer picks a service instance.
public enum BalancerAlgorithm: String, Sendable, CaseIterable {
    case roundRobin = "round-robin"
    case powerOfTwo = "p2c"
}
