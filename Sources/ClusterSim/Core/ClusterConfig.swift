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
    public var serviceMaxInFlight = 32
    public var serviceQueueLimit = 64
    public var serviceCallTimeoutMs: Int64 = 200

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

    public init() {}
}

/// How the balancer picks a service instance.
public enum BalancerAlgorithm: String, Sendable, CaseIterable {
    case roundRobin = "round-robin"
    case powerOfTwo = "p2c"
}
