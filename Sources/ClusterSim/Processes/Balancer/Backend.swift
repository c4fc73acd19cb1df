/// The balancer's record of one service instance: health-check verdicts, passive ejection and load.
struct Backend {
    var id: NodeID
    /// Active health-check verdict (HAProxy rise/fall).
    var activeHealthy: Bool
    var checkSuccesses = 0
    var checkFailures = 0
    var outstandingCheck: Int?
    /// Consecutive failed or timed-out requests (passive check).
    var passiveFailures = 0
    var ejectedUntilUs: Int64?
    var ejections = 0
    var inFlight = 0
    var requests = 0
    var window = RateWindow()

    func isEligible(nowUs: Int64) -> Bool {
        activeHealthy && (ejectedUntilUs.map { nowUs >= $0 } ?? true)
    }

    func isEjected(nowUs: Int64) -> Bool {
        ejectedUntilUs.map { nowUs < $0 } ?? false
    }
}

/// A request the balancer forwarded and has not yet seen answered.
struct Forward {
    var opID: Int
    var server: Int
}

/// The balancer's tuning, taken from the cluster config once.
struct BalancerSettings {
    var requestTimeoutUs: Int64
    var healthCheckIntervalUs: Int64
    var healthCheckTimeoutUs: Int64
    var healthRise: Int
    var healthFall: Int
    var passiveEjectAfterFailures: Int
    var passiveEjectionMs: Int64

    init(_ config: ClusterConfig) {
        requestTimeoutUs = config.workload.timeoutMs * 1_000
        healthCheckIntervalUs = config.healthCheckIntervalMs * 1_000
        healthCheckTimeoutUs = config.healthCheckTimeoutMs * 1_000
        healthRise = config.healthRise
        healthFall = config.healthFall
        passiveEjectAfterFailures = config.passiveEjectAfterFailures
        passiveEjectionMs = config.passiveEjectionMs
    }
}
