/// The snapshot that the JSON report and the dashboard read: every process's view, computed now.
extension Cluster {
    /// Everything views need, computed now.
    public func snapshot() -> ClusterSnapshot {
        var leadersPerStore = [Int](repeating: 0, count: stores.count)
        let partitions = (0..<config.partitions).map { p in partitionView(p, leadersPerStore: &leadersPerStore) }
        let storeViews = stores.nodes.indices.map { s in
            let node = stores.nodes[s]
            return StoreView(id: node.id, state: node.isUp ? .up : (node.isDead ? .dead : .down),
                             replicas: node.partitionsHeld.count, leaders: leadersPerStore[s])
        }
        let servers = balancer.backends.indices.map { i -> ServerView in
            let b = balancer.backends[i]
            let health: ServerView.Health = !b.activeHealthy ? .down : (b.isEligible(nowUs: now.us) ? .healthy : .ejected)
            return ServerView(id: b.id, state: services[i].isUp ? .up : .down, health: health, requests: b.requests,
                              requestsPerSecond: b.window.perSecond, share: balancer.share(ofServer: i), inFlight: b.inFlight)
        }
        let cacheNodes = caches.map {
            CacheNodeView(id: $0.id, state: $0.isUp ? .up : .down, items: $0.lru.count, hits: $0.lru.hits,
                          misses: $0.lru.misses, evictions: $0.lru.evictions)
        }
        let hits = caches.reduce(0) { $0 + $1.lru.hits }
        let misses = caches.reduce(0) { $0 + $1.lru.misses }
        return ClusterSnapshot(
            now: now, seed: config.seed, balancerAlgorithm: balancer.algorithm, replicationMode: replicationMode,
            faults: currentFaults(), stores: storeViews, partitions: partitions,
            balancer: BalancerView(algorithm: balancer.algorithm, servers: servers),
            cache: CacheView(hits: hits, misses: misses, hitRatio: observed.hitRatio, nodes: cacheNodes,
                             storeReadsPerSecond: observed.storeReadWindow.perSecond),
            clients: ClientView(ok: clients.ok, failed: clients.failed, timedOut: clients.timedOut, retried: clients.retried),
            rebalance: RebalanceView(moves: placement.movesDone, keysMoved: placement.keysMoved),
            checks: checkView(),
            lagMaxHistory: observed.lagMaxSeries.ordered, hitRatioHistory: observed.hitRatioSeries.ordered,
            load: loadViews(), latency: latencyView())
    }

    /// Partition `p` as its leader reports it, or as the best-informed up replicas do when it has none.
    private func partitionView(_ p: Int, leadersPerStore: inout [Int]) -> PartitionView {
        let m = stores.membership(of: p) ?? Membership(voters: [], learners: [])
        let since = stores.leaders.tracks[p].since
        if let (ls, node) = stores.leader(of: p) {
            leadersPerStore[ls] += 1
            let lag = node.progress.map {
                FollowerLag(node: $0.node, entries: max(0, node.lastIndex - $0.matchIndex),
                            msSinceAck: Int64($0.ticksSinceAck) * config.raftTickMs)
            }
            return PartitionView(id: p, replicas: m.voters, learners: m.learners, leader: node.id,
                                 term: node.term, commitIndex: node.commitIndex, lag: lag, sinceLeaderChange: since)
        }
        var term = 0, commit = 0
        for s in stores.nodes.indices where stores.nodes[s].isUp {
            if let node = stores.nodes[s].replica(p) { term = max(term, node.term); commit = max(commit, node.commitIndex) }
        }
        return PartitionView(id: p, replicas: m.voters, learners: m.learners, leader: nil,
                             term: term, commitIndex: commit, lag: [], sinceLeaderChange: since)
    }

    private func checkView() -> CheckView {
        CheckView(electionSafetyViolations: checker.electionSafetyViolations,
                  acknowledgedWritesLost: checker.acknowledgedWritesLost,
                  committedEntryChanges: checker.committedEntryChanges,
                  linearizable: linearity.checks == 0 ? nil : !linearity.isViolated,
                  firstViolation: linearity.violation ?? checker.firstProblem, staleReads: checker.staleReads,
                  undecidedKeys: linearity.undecidedKeys.count + (linearity.untrackedOperations > 0 ? 1 : 0))
    }
}
