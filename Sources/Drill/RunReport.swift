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
        func id(_ n: NodeID?) -> JSONValue { n.map { .string($0.description) } ?? .null }
        func ids(_ list: [NodeID]) -> JSONValue { .array(list.map { .string($0.description) }) }
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
                .object([("id", id($0.id)), ("state", .string($0.state.rawValue)),
                         ("replicas", .int($0.replicas)), ("leaders", .int($0.leaders))])
            })),
            ("partitions", .array(s.partitions.map { p in
                .object([("id", .string(p.name)), ("replicas", ids(p.replicas)), ("learners", ids(p.learners)),
                         ("leader", id(p.leader)), ("term", .int(p.term)), ("commit_index", .int(p.commitIndex)),
                         ("lag", .object(p.lag.map { ($0.node.description, .int($0.entries)) }))])
            })),
            ("balancer", .object([
                ("algorithm", .string(s.balancer.algorithm.rawValue)),
                ("servers", .array(s.balancer.servers.map {
                    .object([("id", id($0.id)), ("state", .string($0.state.rawValue)),
                             ("healthy", .bool($0.health == .healthy)), ("health", .string($0.health.rawValue)),
                             ("requests", .int($0.requests)), ("in_flight", .int($0.inFlight)),
                             ("share", .number($0.share, decimals: 4))])
                })),
            ])),
            ("cache", .object([
                ("hits", .int(s.cache.hits)), ("misses", .int(s.cache.misses)),
                ("hit_ratio", .number(s.cache.hitRatio, decimals: 4)),
                ("store_reads_per_second", .number(s.cache.storeReadsPerSecond, decimals: 1)),
                ("nodes", .array(s.cache.nodes.map {
                    .object([("id", id($0.id)), ("state", .string($0.state.rawValue)), ("items", .int($0.items)),
                             ("hits", .int($0.hits)), ("misses", .int($0.misses)), ("evictions", .int($0.evictions))])
                })),
            ])),
            ("clients", .object([("ok", .int(s.clients.ok)), ("failed", .int(s.clients.failed)),
                                 ("timed_out", .int(s.clients.timedOut))])),
            ("rebalance", .object([("moves", .int(s.rebalance.moves)), ("keys_moved", .int(s.rebalance.keysMoved))])),
            ("checks", .object([
                ("election_safety", .bool(s.checks.electionSafetyViolations == 0)),
                ("election_safety_violations", .int(s.checks.electionSafetyViolations)),
                ("committed_entries_changed", .int(s.checks.committedEntryChanges)),
                ("acknowledged_writes_lost", .int(s.checks.acknowledgedWritesLost)),
                ("stale_reads", .int(s.checks.staleReads)),
                ("linearizable", s.checks.linearizable.map { .bool($0) } ?? .null),
                ("undecided_keys", .int(s.checks.undecidedKeys)),
                ("first_violation", s.checks.firstViolation.map { .string($0) } ?? .null),
            ])),
        ])
    }
}
