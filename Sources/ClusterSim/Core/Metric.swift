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

    /// Metric names that take a node argument, and the tier that node must belong to (nil: any).
    public static let nodeMetrics: [(name: String, tier: NodeID.Tier?)] = [
        ("leaders", .store), ("replicas", .store), ("up", nil), ("share", .service),
    ]

    /// Metric names that take no argument.
    public static let plainMetrics: [(name: String, metric: Metric)] = [
        ("leaderless", .leaderless), ("unavailable", .unavailable), ("under-replicated", .underReplicated),
        ("lag-max", .lagMax), ("hit-ratio", .hitRatio), ("ops-ok", .opsOK), ("ops-failed", .opsFailed),
        ("lost-writes", .lostWrites), ("keys-moved", .keysMoved), ("linearizable", .linearizable),
        ("stale-reads", .staleReads),
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
        }
    }
}
