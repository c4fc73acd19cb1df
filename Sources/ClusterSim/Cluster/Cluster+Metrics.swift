/// Metrics for drills' `expect` lines and the snapshot that the JSON report and the dashboard read.
extension Cluster {
    /// The value of one metric now. Unknown nodes read as 0.
    public func value(of metric: Metric) -> Double {
        switch metric {
        case .leaderless:
            return Double((0..<config.partitions).filter { leaderReplica($0) == nil }.count)
        case .unavailable:
            return Double((0..<config.partitions).filter { !isAvailable($0) }.count)
        case .leaders(let n):
            return Double((0..<config.partitions).filter { leaderReplica($0).map { stores[$0.store].id == n } ?? false }.count)
        case .replicas(let n):
            guard n.tier == .store, exists(n) else { return 0 }
            return Double(stores[n.number - 1].partitionsHeld.count)
        case .up(let n):
            return exists(n) && isUp(n) ? 1 : 0
        case .underReplicated:
            return Double((0..<config.partitions).filter { liveVoters($0) < replicaTarget }.count)
        case .lagMax:
            return Double(currentLagMax())
        case .hitRatio:
            return currentHitRatio()
        case .share(let n):
            return serverShare(n)
        case .opsOK:
            return Double(clients.ok)
        case .opsFailed:
            return Double(clients.failed + clients.timedOut)
        case .lostWrites:
            return Double(checker.acknowledgedWritesLost)
        case .keysMoved:
            return Double(placement.keysMoved)
        case .linearizable:
            checkLinearizability()
            return linearity.isViolated ? 0 : 1
        case .staleReads:
            return Double(checker.staleReads)
        }
    }

    /// Replicas each partition should have: the configured count, or every store when there are fewer.
    var replicaTarget: Int { min(config.replicas, config.stores) }

    /// A leader that can exchange messages with enough voters to commit (itself included): a majority, or
    /// under synchronous replication every voter.
    func isAvailable(_ p: Int) -> Bool {
        guard let (_, node) = leaderReplica(p) else { return false }
        let voters = node.membership.voters
        let reachable = voters.filter { v in
            v == node.id || (isUp(v) && !network.isCut(node.id, v) && !network.isCut(v, node.id))
        }.count
        return replicationMode == .sync ? reachable == voters.count : reachable * 2 > voters.count
    }

    func liveVoters(_ p: Int) -> Int {
        guard let m = membership(p) else { return 0 }
        return m.voters.filter { isUp($0) }.count
    }

    func currentLagMax() -> Int {
        var worst = 0
        for p in 0..<config.partitions {
            guard let (_, node) = leaderReplica(p) else { continue }
            for f in node.progress { worst = max(worst, node.lastIndex - f.matchIndex) }
        }
        return worst
    }

    func currentHitRatio() -> Double {
        let lookups = cacheLookupWindow.total
        return lookups == 0 ? 0 : Double(cacheHitWindow.total) / Double(lookups)
    }

    func serverShare(_ n: NodeID) -> Double {
        guard n.tier == .service, n.number <= balancer.servers.count else { return 0 }
        let total = balancer.totalWindow.total
        return total == 0 ? 0 : Double(balancer.servers[n.number - 1].window.total) / Double(total)
    }

    /// Everything views need, computed now.
    public func snapshot() -> ClusterSnapshot {
        var leadersPerStore = [Int](repeating: 0, count: stores.count)
        var partitions: [PartitionView] = []
        partitions.reserveCapacity(config.partitions)
        for p in 0..<config.partitions {
            let m = membership(p) ?? Membership(voters: [], learners: [])
            if let (ls, node) = leaderReplica(p) {
                leadersPerStore[ls] += 1
                let lag = node.progress.map {
                    FollowerLag(node: $0.node, entries: max(0, node.lastIndex - $0.matchIndex),
                                msSinceAck: Int64($0.ticksSinceAck) * config.raftTickMs)
                }
                partitions.append(PartitionView(id: p, replicas: m.voters, learners: m.learners, leader: node.id,
                                                term: node.term, commitIndex: node.commitIndex, lag: lag,
                                                sinceLeaderChange: partitionTracks[p].since))
            } else {
                var term = 0, commit = 0
                for s in stores.indices where stores[s].up {
                    if let node = stores[s].replicas[p] { term = max(term, node.term); commit = max(commit, node.commitIndex) }
                }
                partitions.append(PartitionView(id: p, replicas: m.voters, learners: m.learners, leader: nil,
                                                term: term, commitIndex: commit, lag: [],
                                                sinceLeaderChange: partitionTracks[p].since))
            }
        }
        let storeViews = stores.indices.map { s in
            StoreView(id: stores[s].id, state: stores[s].up ? .up : (stores[s].dead ? .dead : .down),
                      replicas: stores[s].partitionsHeld.count, leaders: leadersPerStore[s])
        }
        let servers = balancer.servers.indices.map { i -> ServerView in
            let b = balancer.servers[i]
            let health: ServerView.Health = !b.activeHealthy ? .down : (b.isEligible(nowUs: now.us) ? .healthy : .ejected)
            return ServerView(id: b.id, state: services[i].up ? .up : .down, health: health, requests: b.requests,
                              requestsPerSecond: b.window.perSecond, share: serverShare(b.id), inFlight: b.inFlight)
        }
        let cacheNodes = caches.map {
            CacheNodeView(id: $0.id, state: $0.up ? .up : .down, items: $0.lru.count, hits: $0.lru.hits,
                          misses: $0.lru.misses, evictions: $0.lru.evictions)
        }
        let hits = caches.reduce(0) { $0 + $1.lru.hits }
        let misses = caches.reduce(0) { $0 + $1.lru.misses }
        return ClusterSnapshot(
            now: now, seed: config.seed, balancerAlgorithm: balancer.algorithm, replicationMode: replicationMode,
            faults: currentFaults(), stores: storeViews, partitions: partitions,
            balancer: BalancerView(algorithm: balancer.algorithm, servers: servers),
            cache: CacheView(hits: hits, misses: misses, hitRatio: currentHitRatio(), nodes: cacheNodes,
                             storeReadsPerSecond: storeReadWindow.perSecond),
            clients: ClientView(ok: clients.ok, failed: clients.failed, timedOut: clients.timedOut),
            rebalance: RebalanceView(moves: placement.movesDone, keysMoved: placement.keysMoved),
            checks: CheckView(electionSafetyViolations: checker.electionSafetyViolations,
                              acknowledgedWritesLost: checker.acknowledgedWritesLost,
                              committedEntryChanges: checker.committedEntryChanges,
                              linearizable: linearity.checks == 0 ? nil : !linearity.isViolated,
                              firstViolation: linearity.violation ?? checker.firstProblem, staleReads: checker.staleReads,
                              undecidedKeys: linearity.undecidedKeys.count + (linearity.untrackedOperations > 0 ? 1 : 0)),
            lagMaxHistory: lagMaxSeries.ordered, hitRatioHistory: hitRatioSeries.ordered)
    }

    func currentFaults() -> [Fault] {
        var result: [Fault] = allProcesses.filter { $0 != .client && !isUp($0) }.map { .down($0) }
        result += faults.isolated.map { .isolated($0) }
        result += faults.partitions.map { .partition($0) }
        if network.lossPercent > 0 { result.append(.loss(percent: network.lossPercent)) }
        if network.extraLatencyMs > 0 || network.jitterMs > 0 {
            result.append(.latency(ms: network.extraLatencyMs, jitterMs: network.jitterMs))
        }
        return result
    }
}
