/// A number the simulation can report, named as drills' `expect` lines name it.
public enum Metric: Sendable, Equatable, CustomStringConvertible {
    case leaderless
    case unavailable
    case leaders(NodeID)
    case replicas(NodeID)
    case up(NodeID)
    case underReplicated
    case lagMax
    case hitRatio
    case share(NodeID)
    case opsOK
    case opsFailed
    case lostWrites
    case keysMoved
    case linearizable
    case staleReads
    /// Replicas on up nodes that still act as leader of a partition another replica now leads (a newer term).
    case staleLeaders
    /// End-to-end latency of successful client operations over the last 10 s at a percentile, ms (nan
    /// when none succeeded).
    case latency(percentile: Double)
    /// 99th percentile of time spent in one tier (queue plus CPU) over the last 10 s, ms.
    case tierP99(NodeID.Tier)
    /// Busy fraction of a node's workers over the last 10 s.
    case util(NodeID)
    /// A node's queue length now.
    case queue(NodeID)
    /// Successful client operations per second over the last 10 s.
    case throughput
    /// Client operations issued per second over the last 10 s, retries included.
    case offered
    /// Work dropped by load shedding so far.
    case shed

    /// Tiers `p99 TIER` names, by the word a drill uses.
    public static let latencyTiers: [(name: String, tier: NodeID.Tier)] = [
        ("lb", .balancer), ("service", .service), ("cache", .cache), ("store", .store),
    ]

    /// Metric names that take a node argument, and the tier that node must belong to (nil: any).
    public static let nodeMetrics: [(name: String, tier: NodeID.Tier?)] = [
        ("leaders", .store), ("replicas", .store), ("up", nil), ("share", .service), ("util", nil), ("queue", nil),
    ]

    /// Metric names that take no argument.
    public static let plainMetrics: [(name: String, metric: Metric)] = [
        ("leaderless", .leaderless), ("unavailable", .unavailable), ("under-replicated", .underReplicated),
        ("lag-max", .lagMax), ("hit-ratio", .hitRatio), ("ops-ok", .opsOK), ("ops-failed", .opsFailed),
        ("lost-writes", .lostWrites), ("keys-moved", .keysMoved), ("linearizable", .linearizable),
        ("stale-reads", .staleReads), ("stale-leaders", .staleLeaders), ("p50", .latency(percentile: 50)), ("p99", .latency(percentile: 99)),
        ("p999", .latency(percentile: 99.9)), ("throughput", .throughput), ("offered", .offered), ("shed", .shed),
    ]

    public var description: String {
        switch self {
        case .leaderless: return "leaderless"
        case .unavailable: return "unavailable"
        case .leaders(let n): return "leaders \(n)"
        case .replicas(let n): return "replicas \(n)"
        case .up(let n): return "up \(n)"
        case .underReplicated: return "under-replicated"
        case .lagMax: return "lag-max"
        case .hitRatio: return "hit-ratio"
        case .share(let n): return "share \(n)"
        case .opsOK: return "ops-ok"
        case .opsFailed: return "ops-failed"
        case .lostWrites: return "lost-writes"
        case .keysMoved: return "keys-moved"
        case .linearizable: return "linearizable"
        case .staleReads: return "stale-reads"
        case .staleLeaders: return "stale-leaders"
        case .latency(let p): return p == 50 ? "p50" : (p == 99 ? "p99" : "p999")
        case .tierP99(let tier): return "p99 " + (Metric.latencyTiers.first { $0.tier == tier }?.name ?? tier.rawValue)
        case .util(let n): return "util \(n)"
        case .queue(let n): return "queue \(n)"
        case .throughput: return "throughput"
        case .offered: return "offered"
        case .shed: return "shed"
        }
    }
}
