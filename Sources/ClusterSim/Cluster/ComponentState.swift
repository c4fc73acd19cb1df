/// A client operation that has been issued and has not yet returned or timed out.
struct PendingOp {
    var op: ClientOp
    var invokeUs: Int64
}

/// The clients' side: operations in flight and their outcomes.
struct ClientState {
    var nextOpID = 1
    var nextWriteValue = 1
    var pending: [Int: PendingOp] = [:]
    var ok = 0
    var failed = 0
    var timedOut = 0
    static let maxInFlight = 50_000
}

/// The balancer's record of one service instance.
struct BackendState {
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
}

/// A request the balancer forwarded and has not yet seen answered.
struct Forward {
    var opID: Int
    var server: Int
}

/// The load balancer `lb`.
struct BalancerState {
    var algorithm: BalancerAlgorithm
    var servers: [BackendState] = []
    var roundRobinNext = 0
    var random: SimRandom
    var forwards: [Int: Forward] = [:]
    var nextRequestID = 1
    var checkSequence = 0
    var up = true
    var totalWindow = RateWindow()
    static let maxForwards = 50_000
}

/// A downstream call a service instance is waiting on.
struct ServiceCall {
    enum Target { case cache, store }
    var requestID: Int
    var target: Target
    var node: NodeID
}

/// One request a service instance is working on.
struct ServiceWork {
    var requestID: Int
    var op: ClientOp
    var startUs: Int64
    var storeAttempts = 0
    /// Set for reads that missed the cache: the store value is written back.
    var fillCache = false
}

/// A stateless service instance: finite concurrency, a bounded queue, leader hints per partition.
struct ServiceState {
    var id: NodeID
    var up = true
    var epoch = 0
    var active: [Int: ServiceWork] = [:]
    var queue: [(requestID: Int, op: ClientOp)] = []
    var calls: [Int: ServiceCall] = [:]
    var leaderHint: [Int: NodeID] = [:]
    var nextCallID = 1
}

/// A cache node: an LRU with a TTL.
struct CacheNodeState {
    var id: NodeID
    var up = true
    var lru: LRUCache
}

/// A write proposed on a leader, waiting for the moment it may be acknowledged.
struct WaitingWrite {
    var index: Int
    var term: Int
    var callID: Int
    var service: NodeID
    var partition: Int
}

/// A linearizable read waiting for ReadIndex confirmation.
struct WaitingRead {
    var callID: Int
    var service: NodeID
    var key: Int
    var partition: Int
}

/// A store node: one Raft replica per partition it holds.
struct StoreState {
    var id: NodeID
    var up = true
    var dead = false
    var downSinceUs: Int64 = 0
    var epoch = 0
    /// The running replica of each partition, indexed by partition (nil: none here, or the node is down).
    var replicas: [Replica?]
    /// What survives a crash, per partition, while the node is down.
    var saved: [Int: RaftDurableState] = [:]
    var pendingWrites: [WaitingWrite] = []
    var pendingReads: [UInt64: WaitingRead] = [:]
    var nextReadID: UInt64 = 1
    static let maxPendingWrites = 10_000
    static let maxPendingReads = 10_000

    /// Partitions with a replica here (running or saved), sorted; kept in step with `replicas`/`saved`.
    private(set) var partitionsHeld: [Int] = []

    init(id: NodeID, partitions: Int) {
        self.id = id
        replicas = Array(repeating: nil, count: partitions)
    }

    mutating func setReplica(_ node: RaftNode, partition p: Int) {
        replicas[p] = Replica(node)
        if !partitionsHeld.contains(p) { partitionsHeld.append(p); partitionsHeld.sort() }
    }

    /// Destroys this node's copy of a partition (it was moved elsewhere).
    mutating func dropReplica(partition p: Int) {
        replicas[p] = nil
        saved[p] = nil
        partitionsHeld.removeAll { $0 == p }
        pendingWrites.removeAll { $0.partition == p }
        for id in pendingReads.keys.sorted() where pendingReads[id]!.partition == p { pendingReads[id] = nil }
    }
}

/// Who leads a partition as far as the cluster can tell, and since when.
struct PartitionTrack {
    var leader: NodeID?
    var leaderTerm = 0
    var since = SimTime.zero
}
