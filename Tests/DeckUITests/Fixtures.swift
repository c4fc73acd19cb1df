import ClusterSim

/// Snapshots built by hand for screen tests: the default cluster (5 stores, 3 services, 3 caches,
/// 24 partitions x3) at 10 s, the same with n2 killed, and one under load with a hot store, a slowed
/// store and a paused service. Numbers are fixed here, never taken from a simulation run.
enum Fixtures {
    static let stores = 5
    static let partitions = 24

    /// The default cluster at 10 s: every node up, one leader per partition spread evenly, light load.
    static func defaultCluster() -> ClusterSnapshot {
        let now = SimTime.seconds(10)
        let parts = (0..<partitions).map { partition($0, now: now) }
        return ClusterSnapshot(
            now: now, seed: 1, balancerAlgorithm: .powerOfTwo, replicationMode: .raft, faults: [],
            stores: storeViews(parts, down: []), partitions: parts,
            balancer: BalancerView(algorithm: .powerOfTwo, servers: [
                server(1, rps: 67.7, share: 0.336, inFlight: 2), server(2, rps: 68.3, share: 0.339, inFlight: 1),
                server(3, rps: 65.4, share: 0.325, inFlight: 0),
            ]),
            cache: CacheView(hits: 882, misses: 909, hitRatio: 0.514, nodes: [
                CacheNodeView(id: .cache(1), state: .up, items: 233, hits: 255, misses: 261, evictions: 0),
                CacheNodeView(id: .cache(2), state: .up, items: 272, hits: 401, misses: 326, evictions: 0),
                CacheNodeView(id: .cache(3), state: .up, items: 296, hits: 226, misses: 322, evictions: 0),
            ], storeReadsPerSecond: 89.0),
            clients: ClientView(ok: 1_982, failed: 0, timedOut: 0),
            rebalance: RebalanceView(moves: 0, keysMoved: 0),
            checks: CheckView(electionSafetyViolations: 0, acknowledgedWritesLost: 0, committedEntryChanges: 0,
                              linearizable: true, firstViolation: nil, staleReads: 0),
            lagMaxHistory: [0, 0, 1, 0, 0, 0, 0, 0, 0, 1],
            hitRatioHistory: [0.38, 0.40, 0.41, 0.44, 0.45, 0.46, 0.47, 0.49, 0.50, 0.51],
            load: lightLoad(), latency: lightLatency())
    }

    /// `defaultCluster` with n2 killed at 10 s, seen at 12 s: its partitions re-elected a leader among
    /// their other replicas, or (with `reelected: false`, 100 ms after the kill) have none yet.
    static func n2Killed(reelected: Bool = true) -> ClusterSnapshot {
        var s = defaultCluster()
        s.now = reelected ? .seconds(12) : .ms(10_100)
        s.faults = [.down(.store(2))]
        s.partitions = s.partitions.map { p in
            var p = p
            p.lag = p.lag.map { $0.node == .store(2) ? FollowerLag(node: $0.node, entries: 40, msSinceAck: 2_000) : $0 }
            guard p.leader == .store(2) else { return p }
            p.leader = reelected ? reelectedLeader(p.id) : nil
            p.term = 2
            p.sinceLeaderChange = .seconds(10)
            p.lag = reelected ? p.replicas.filter { $0 != p.leader }.map {
                FollowerLag(node: $0, entries: $0 == .store(2) ? 37 : 0, msSinceAck: $0 == .store(2) ? 1_900 : 20)
            } : []
            return p
        }
        s.stores = storeViews(s.partitions, down: [.store(2)])
        s.lagMaxHistory = Array(s.lagMaxHistory.dropFirst(2)) + [40, 40]
        s.clients = ClientView(ok: 2_371, failed: 12, timedOut: 3)
        s.load = s.load.map { view in
            guard view.id == .store(2) else { return view }
            return ProcessLoadView(id: view.id, state: .down, workers: view.workers, utilisation: 0.08, queueLength: 0,
                                   queueLimit: view.queueLimit, p99Ms: nil, handledPerSecond: 1.2, shed: 0,
                                   rejected: 0, slowFactor: 1, paused: false)
        }
        return s
    }

    /// Who leads partition `p` (one n2 led) after n2's death: its other replicas take turns, n3 then n4.
    static func reelectedLeader(_ p: Int) -> NodeID {
        let others = partition(p, now: .zero).replicas.filter { $0 != .store(2) }
        return others[(p / stores) % others.count]
    }

    /// Partition `p` as the default placement puts it: replica k on store (p + k) mod 5 + 1, led by the first.
    static func partition(_ p: Int, now: SimTime) -> PartitionView {
        let replicas = (0..<3).map { NodeID.store((p + $0) % stores + 1) }.sorted()
        let leader = NodeID.store(p % stores + 1)
        let lag = replicas.filter { $0 != leader }.map {
            FollowerLag(node: $0, entries: p == 12 && $0 == replicas.last ? 1 : 0, msSinceAck: 30)
        }
        return PartitionView(id: p, replicas: replicas, learners: [], leader: leader, term: 1,
                             commitIndex: 4 + (p * 7) % 23, lag: lag, sinceLeaderChange: .ms(3))
    }

    /// Replica and leader counts per store from `partitions`; stores in `down` are down.
    static func storeViews(_ partitions: [PartitionView], down: [NodeID]) -> [StoreView] {
        (1...stores).map { n in
            let id = NodeID.store(n)
            return StoreView(id: id, state: down.contains(id) ? .down : .up,
                             replicas: partitions.filter { $0.replicas.contains(id) }.count,
                             leaders: partitions.filter { $0.leader == id }.count)
        }
    }

    static func server(_ n: Int, rps: Double, share: Double, inFlight: Int) -> ServerView {
        ServerView(id: .service(n), state: .up, health: .healthy, requests: Int(rps * 10), requestsPerSecond: rps,
                   share: share, inFlight: inFlight)
    }
}
