/// Everything the simulation computed that a view needs, copied out at one virtual instant.
///
/// The JSON report and every dashboard pane read this and nothing else, so what is shown is always
/// what the simulation computed.
public struct ClusterSnapshot: Sendable {
    public var now: SimTime
    public var seed: UInt64
    public var balancerAlgorithm: BalancerAlgorithm
    public var replicationMode: ReplicationMode
    /// Faults in force, in a stable order (nodes down first, then isolations, partitions, loss, latency).
    public var faults: [Fault]
    public var stores: [StoreView]
    public var partitions: [PartitionView]
    public var balancer: BalancerView
    public var cache: CacheView
    public var clients: ClientView
    public var rebalance: RebalanceView
    public var checks: CheckView
    /// Cluster-wide largest follower lag (entries), one sample per virtual second, oldest first, at most 60.
    public var lagMaxHistory: [Int]
    /// Cache hit ratio over the previous 10 s, one sample per virtual second, oldest first, at most 60.
    public var hitRatioHistory: [Double]
    /// Every process's load, in the order lb, services, caches, stores.
    public var load: [ProcessLoadView]
    /// End-to-end latency, time per tier, offered load and throughput.
    public var latency: LatencyView

    public init(now: SimTime, seed: UInt64, balancerAlgorithm: BalancerAlgorithm, replicationMode: ReplicationMode,
                faults: [Fault], stores: [StoreView], partitions: [PartitionView], balancer: BalancerView,
                cache: CacheView, clients: ClientView, rebalance: RebalanceView, checks: CheckView,
                lagMaxHistory: [Int], hitRatioHistory: [Double], load: [ProcessLoadView] = [],
                latency: LatencyView = .empty) {
        self.now = now
        self.seed = seed
        self.balancerAlgorithm = balancerAlgorithm
        self.replicationMode = replicationMode
        self.faults = faults
        self.stores = stores
        self.partitions = partitions
        self.balancer = balancer
        self.cache = cache
        self.clients = clients
        self.rebalance = rebalance
        self.checks = checks
        self.lagMaxHistory = lagMaxHistory
        self.hitRatioHistory = hitRatioHistory
        self.load = load
        self.latency = latency
    }

    /// The load view of process `id`, if it is in the snapshot.
    public func load(of id: NodeID) -> ProcessLoadView? { load.first { $0.id == id } }
}

/// A fault the operator (or a drill) has put in force.
public enum Fault: Sendable, Equatable, CustomStringConvertible {
    case down(NodeID)
    case isolated(NodeID)
    case partition([[NodeID]])
    case loss(percent: Double)
    case latency(ms: Int64, jitterMs: Int64)
    /// Every CPU and disk cost of the node multiplied by `factor`.
    case slow(NodeID, factor: Double)
    /// The node is frozen until `untilUs` (virtual time).
    case paused(NodeID, untilUs: Int64)
    /// Messages from the first node to the second are dropped (one direction only).
    case cut(from: NodeID, to: NodeID)

    /// How the status bar's fault banner names it: `n2 down`, `partition {n1 n2} | {n3 n4 n5}`.
    public var description: String {
        switch self {
        case .down(let n): return "\(n) down"
        case .isolated(let n): return "\(n) isolated"
        case .partition(let groups):
            return "partition " + groups.map { "{" + $0.map(\.description).joined(separator: " ") + "}" }
                .joined(separator: " | ")
        case .loss(let p): return "loss \(Fault.trim(p))%"
        case .latency(let ms, let jitter): return jitter > 0 ? "latency \(ms)ms ±\(jitter)ms" : "latency \(ms)ms"
        case .slow(let n, let factor): return "\(n) slow x\(Fault.trim(factor))"
        case .paused(let n, let untilUs): return "\(n) paused until \(SimTime(us: untilUs))"
        case .cut(let from, let to): return "cut \(from)→\(to)"
        }
    }

    static func trim(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}

/// Whether a process is running.
public enum NodeState: String, Sendable {
    case up
    case down
    /// A store down long enough that placement gave up on it and rebuilt its replicas elsewhere.
    case dead
}

/// One store node: its state and how many replicas and leaders it holds.
public struct StoreView: Sendable, Equatable {
    public var id: NodeID
    public var state: NodeState
    public var replicas: Int
    public var leaders: Int
    public init(id: NodeID, state: NodeState, replicas: Int, leaders: Int) {
        self.id = id; self.state = state; self.replicas = replicas; self.leaders = leaders
    }
}

/// How far one follower is behind its leader.
public struct FollowerLag: Sendable, Equatable {
    public var node: NodeID
    /// Leader's last index minus the follower's acknowledged match index.
    public var entries: Int
    /// Virtual milliseconds since the follower last acknowledged the leader.
    public var msSinceAck: Int64
    public init(node: NodeID, entries: Int, msSinceAck: Int64) {
        self.node = node; self.entries = entries; self.msSinceAck = msSinceAck
    }
}

/// One partition's Raft group as the leader (or, without one, the replicas) report it.
public struct PartitionView: Sendable, Equatable {
    public var id: Int
    /// Voting replicas, sorted.
    public var replicas: [NodeID]
    /// Non-voting replicas still catching up, sorted.
    public var learners: [NodeID]
    public var leader: NodeID?
    public var term: Int
    public var commitIndex: Int
    /// Per follower (voters and learners) of the current leader; empty without a leader.
    public var lag: [FollowerLag]
    /// When the current leader took over, or when the partition lost its leader.
    public var sinceLeaderChange: SimTime
    public init(id: Int, replicas: [NodeID], learners: [NodeID], leader: NodeID?, term: Int, commitIndex: Int,
                lag: [FollowerLag], sinceLeaderChange: SimTime) {
        self.id = id; self.replicas = replicas; self.learners = learners; self.leader = leader
        self.term = term; self.commitIndex = commitIndex; self.lag = lag; self.sinceLeaderChange = sinceLeaderChange
    }

    /// `p7`
    public var name: String { "p\(id)" }
    public var lagMax: Int { lag.map(\.entries).max() ?? 0 }
}

/// The balancer's view of one service instance.
public struct ServerView: Sendable, Equatable {
    public enum Health: String, Sendable {
        case healthy
        /// Failed active health checks (fall reached), or the process is unreachable.
        case down
        /// Taken out by passive checks for a while.
        case ejected
    }
    public var id: NodeID
    public var state: NodeState
    public var health: Health
    /// Requests the balancer sent to this instance since start.
    public var requests: Int
    /// Requests per second over the last 10 s.
    public var requestsPerSecond: Double
    /// Fraction of all balancer requests over the last 10 s.
    public var share: Double
    public var inFlight: Int
    public init(id: NodeID, state: NodeState, health: Health, requests: Int, requestsPerSecond: Double,
                share: Double, inFlight: Int) {
        self.id = id; self.state = state; self.health = health; self.requests = requests
        self.requestsPerSecond = requestsPerSecond; self.share = share; self.inFlight = inFlight
    }
}

public struct BalancerView: Sendable, Equatable {
    public var algorithm: BalancerAlgorithm
    public var servers: [ServerView]
    public init(algorithm: BalancerAlgorithm, servers: [ServerView]) {
        self.algorithm = algorithm; self.servers = servers
    }
}

public struct CacheNodeView: Sendable, Equatable {
    public var id: NodeID
    public var state: NodeState
    public var items: Int
    public var hits: Int
    public var misses: Int
    public var evictions: Int
    public init(id: NodeID, state: NodeState, items: Int, hits: Int, misses: Int, evictions: Int) {
        self.id = id; self.state = state; self.items = items; self.hits = hits; self.misses = misses
        self.evictions = evictions
    }
}

public struct CacheView: Sendable, Equatable {
    /// Totals since start.
    public var hits: Int
    public var misses: Int
    /// Hits / lookups over the last 10 s (0 when there were none).
    public var hitRatio: Double
    public var nodes: [CacheNodeView]
    /// Reads per second that reached the store over the last 10 s.
    public var storeReadsPerSecond: Double
    public init(hits: Int, misses: Int, hitRatio: Double, nodes: [CacheNodeView], storeReadsPerSecond: Double) {
        self.hits = hits; self.misses = misses; self.hitRatio = hitRatio; self.nodes = nodes
        self.storeReadsPerSecond = storeReadsPerSecond
    }
}

public struct ClientView: Sendable, Equatable {
    public var ok: Int
    public var failed: Int
    public var timedOut: Int
    /// Attempts that failed or timed out and were retried (counted in none of the totals above).
    public var retried: Int
    public init(ok: Int, failed: Int, timedOut: Int, retried: Int = 0) {
        self.ok = ok; self.failed = failed; self.timedOut = timedOut; self.retried = retried
    }
}

public struct RebalanceView: Sendable, Equatable {
    public var moves: Int
    public var keysMoved: Int
    public init(moves: Int, keysMoved: Int) { self.moves = moves; self.keysMoved = keysMoved }
}

public struct CheckView: Sendable, Equatable {
    /// Terms in which two different leaders were seen for one partition (0 when Raft is right).
    public var electionSafetyViolations: Int
    /// Acknowledged writes missing from their partition's committed log.
    public var acknowledgedWritesLost: Int
    /// Committed entries that changed or disappeared.
    public var committedEntryChanges: Int
    /// Linearizability of the store-served client history; nil when not checked yet.
    public var linearizable: Bool?
    /// The first violation found, naming the key and the operations involved.
    public var firstViolation: String?
    /// Reads answered from the cache that returned a value older than the latest acknowledged write.
    public var staleReads: Int
    /// Keys the live linearizability check could not decide (budget spent, or a window it could not fold);
    /// "linearizable" means no violation among the decided keys.
    public var undecidedKeys: Int
    public init(electionSafetyViolations: Int, acknowledgedWritesLost: Int, committedEntryChanges: Int,
                linearizable: Bool?, firstViolation: String?, staleReads: Int, undecidedKeys: Int = 0) {
        self.electionSafetyViolations = electionSafetyViolations
        self.acknowledgedWritesLost = acknowledgedWritesLost
        self.committedEntryChanges = committedEntryChanges
        self.linearizable = linearizable
        self.firstViolation = firstViolation
        self.staleReads = staleReads
        self.undecidedKeys = undecidedKeys
    }
}

/// One line of the cluster's event log.
public struct ClusterEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case leader, node, fault, health, rebalance, check, command
    }
    /// Increases by one per event, so a view can tell which events it has already shown.
    public var sequence: Int
    public var time: SimTime
    public var kind: Kind
    public var text: String
    public init(sequence: Int, time: SimTime, kind: Kind, text: String) {
        self.sequence = sequence; self.time = time; self.kind = kind; self.text = text
    }
}
