import ClusterSim

/// The JSON report of a headless run: the cluster's final state and the drill's results, in the
/// documented field order. Wall-clock fields are the only ones that differ between identical runs.
public struct RunReport {
    public var title: String?
    public var passed: Int
    public var failed: Int
    public var wallMs: Int64
    public var lines: [String]

    public init(title: String?, passed: Int, failed: Int, wallMs: Int64, lines: [String]) {
        self.title = title
        self.passed = passed
        self.failed = failed
        self.wallMs = wallMs
        self.lines = lines
    }

    /// Virtual seconds simulated per wall-clock second.
    public static func simSpeed(virtualMs: Int64, wallMs: Int64) -> Double {
        Double(virtualMs) / Double(max(1, wallMs))
    }

    public func json(_ s: ClusterSnapshot, eventsProcessed: Int) -> JSONValue {
        let virtualMs = s.now.ms
        return .object([
            ("title", title.map { .string($0) } ?? .null),
            ("seed", .int(Int(truncatingIfNeeded: s.seed))),
            ("virtual_ms", .int(Int(virtualMs))),
            ("wall_ms", .int(Int(wallMs))),
            ("sim_speed", .number(RunReport.simSpeed(virtualMs: virtualMs, wallMs: wallMs), decimals: 1)),
            ("events_processed", .int(eventsProcessed)),
            ("expectations", .object([("passed", .int(passed)), ("failed", .int(failed))])),
            ("results", .array(lines.map { .string($0) })),
            ("replication", .string(s.replicationMode.rawValue)),
            ("faults", .array(s.faults.map { .string($0.description) })),
            ("stores", .array(s.stores.map {
                .object([("id", Self.id($0.id)), ("state", .string($0.state.rawValue)),
                         ("replicas", .int($0.replicas)), ("leaders", .int($0.leaders))])
            })),
            ("partitions", .array(s.partitions.map { p in
                .object([("id", .string(p.name)), ("replicas", Self.ids(p.replicas)), ("learners", Self.ids(p.learners)),
                         ("leader", Self.id(p.leader)), ("term", .int(p.term)), ("commit_index", .int(p.commitIndex)),
                         ("lag", .object(p.lag.map { ($0.node.description, .int($0.entries)) }))])
            })),
            ("balancer", Self.balancer(s.balancer)),
            ("cache", Self.cache(s.cache)),
            ("clients", .object([("ok", .int(s.clients.ok)), ("failed", .int(s.clients.failed)),
                                 ("timed_out", .int(s.clients.timedOut)), ("retried", .int(s.clients.retried))])),
            ("rebalance", .object([("moves", .int(s.rebalance.moves)), ("keys_moved", .int(s.rebalance.keysMoved))])),
            ("latency", Self.latency(s.latency)),
            ("processes", .array(s.load.map(Self.process))),
            ("checks", Self.checks(s.checks)),
        ])
    }

    private static func id(_ n: NodeID?) -> JSONValue { n.map { .string($0.description) } ?? .null }
    private static func ids(_ list: [NodeID]) -> JSONValue { .array(list.map { .string($0.description) }) }
    /// Milliseconds with three decimals, or null when nothing was measured.
    private static func ms(_ value: Double?) -> JSONValue { value.map { .number($0, decimals: 3) } ?? .null }

    private static func balancer(_ b: BalancerView) -> JSONValue {
        .object([
            ("algorithm", .string(b.algorithm.rawValue)),
            ("servers", .array(b.servers.map {
                .object([("id", id($0.id)), ("state", .string($0.state.rawValue)),
                         ("healthy", .bool($0.health == .healthy)), ("health", .string($0.health.rawValue)),
                         ("requests", .int($0.requests)), ("in_flight", .int($0.inFlight)),
                         ("share", .number($0.share, decimals: 4))])
            })),
        ])
    }

    private static func cache(_ c: CacheView) -> JSONValue {
        .object([
            ("hits", .int(c.hits)), ("misses", .int(c.misses)),
            ("hit_ratio", .number(c.hitRatio, decimals: 4)),
            ("store_reads_per_second", .number(c.storeReadsPerSecond, decimals: 1)),
            ("nodes", .array(c.nodes.map {
                .object([("id", id($0.id)), ("state", .string($0.state.rawValue)), ("items", .int($0.items)),
                         ("hits", .int($0.hits)), ("misses", .int($0.misses)), ("evictions", .int($0.evictions))])
            })),
        ])
    }

    /// End-to-end percentiles of successful client operations and each tier's p99, over the last 10 s.
    private static func latency(_ l: LatencyView) -> JSONValue {
        let tierNames: [(NodeID.Tier, String)] = [(.balancer, "lb"), (.service, "service"), (.cache, "cache"), (.store, "store")]
        return .object([
            ("p50_ms", ms(l.p50Ms)), ("p99_ms", ms(l.p99Ms)), ("p999_ms", ms(l.p999Ms)),
            ("tiers", .object(tierNames.map { tier, name in (name, ms(l.tiers.first { $0.tier == tier }?.p99Ms)) })),
            ("throughput_per_second", .number(l.throughputPerSecond, decimals: 1)),
            ("offered_per_second", .number(l.offeredPerSecond, decimals: 1)),
            ("shed", .int(l.shed)), ("rejected", .int(l.rejected)),
        ])
    }

    /// One process's CPU: utilisation over the last 10 s and its queue now.
    private static func process(_ p: ProcessLoadView) -> JSONValue {
        .object([
            ("id", .string(p.id.description)), ("state", .string(p.state.rawValue)), ("workers", .int(p.workers)),
            ("util", .number(p.utilisation, decimals: 3)), ("queue", .int(p.queueLength)),
            ("queue_limit", .int(p.queueLimit)), ("p99_ms", ms(p.p99Ms)),
            ("handled_per_second", .number(p.handledPerSecond, decimals: 1)),
            ("shed", .int(p.shed)), ("rejected", .int(p.rejected)),
            ("slow_factor", .number(p.slowFactor, decimals: 3)), ("paused", .bool(p.paused)),
        ])
    }

    private static func checks(_ c: CheckView) -> JSONValue {
        .object([
            ("election_safety", .bool(c.electionSafetyViolations == 0)),
            ("election_safety_violations", .int(c.electionSafetyViolations)),
            ("committed_entries_changed", .int(c.committedEntryChanges)),
            ("acknowledged_writes_lost", .int(c.acknowledgedWritesLost)),
            ("stale_reads", .int(c.staleReads)),
            ("linearizable", c.linearizable.map { .bool($0) } ?? .null),
            ("undecided_keys", .int(c.undecidedKeys)),
            ("first_violation", c.firstViolation.map { .string($0) } ?? .null),
        ])
    }
}
