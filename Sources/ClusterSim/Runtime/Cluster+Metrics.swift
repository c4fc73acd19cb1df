/// Metrics for drills' `expect` lines, read from the processes and the observers.
extension Cluster {
    /// The value of one metric now. Unknown nodes read as 0.
    public func value(of metric: Metric) -> Double {
        switch metric {
        case .leaderless:
            return Double((0..<config.partitions).filter { stores.leader(of: $0) == nil }.count)
        case .unavailable:
            return Double((0..<config.partitions).filter { !isAvailable($0) }.count)
        case .leaders(let n):
            return Double((0..<config.partitions).filter { stores.leader(of: $0)?.node.id == n }.count)
        case .replicas(let n):
            guard n.tier == .store, exists(n) else { return 0 }
            return Double(stores.nodes[n.number - 1].partitionsHeld.count)
        case .up(let n):
            return exists(n) && isUp(n) ? 1 : 0
        case .underReplicated:
            return Double((0..<config.partitions).filter { stores.liveVoters($0) < placement.replicaTarget }.count)
        case .lagMax:
            return Double(currentLagMax())
        case .hitRatio:
            return observed.hitRatio
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
        case .staleLeaders:
            return Double(staleLeaders())
        case .latency(let percentile):
            return LatencyRecorder.ms(observed.latency.window(), percentile) ?? .nan
        case .tierP99(let tier):
            return tierP99Ms(tier, pools: pools.all) ?? .nan
        case .util(let n):
            guard n.tier != .client, exists(n) else { return 0 }
            return pools[n].meter.utilisation(workers: pools[n].workers)
        case .queue(let n):
            guard n.tier != .client, exists(n) else { return 0 }
            return Double(pools[n].queueLength)
        case .throughput:
            return observed.latency.throughputPerSecond
        case .offered:
            return observed.latency.offeredPerSecond
        case .shed:
            return Double(pools.all.reduce(0) { $0 + $1.pool.shed })
        }
    }

    /// A leader that can exchange messages with enough voters to commit (itself included): a majority, or
    /// under synchronous replication every voter.
    func isAvailable(_ p: Int) -> Bool {
        guard let (_, node) = stores.leader(of: p) else { return false }
        let voters = node.membership.voters
        let reachable = voters.filter { v in
            v == node.id || (isUp(v) && !network.isCut(node.id, v) && !network.isCut(v, node.id))
        }.count
        return replicationMode == .sync ? reachable == voters.count : reachable * 2 > voters.count
    }

    func currentLagMax() -> Int {
        var worst = 0
        for p in 0..<config.partitions {
            guard let (_, node) = stores.leader(of: p) else { continue }
            for f in node.progress { worst = max(worst, node.lastIndex - f.matchIndex) }
        }
        return worst
    }

    func serverShare(_ n: NodeID) -> Double {
        guard n.tier == .service, n.number <= balancer.backends.count else { return 0 }
        return balancer.share(ofServer: n.number - 1)
    }

    func currentFaults() -> [Fault] {
        var result: [Fault] = allProcesses.filter { $0 != .client && !isUp($0) }.map { .down($0) }
        result += faults.isolated.map { .isolated($0) }
        result += faults.partitions.map { .partition($0) }
        if network.lossPercent > 0 { result.append(.loss(percent: network.lossPercent)) }
        if network.extraLatencyMs > 0 || network.jitterMs > 0 {
            result.append(.latency(ms: network.extraLatencyMs, jitterMs: network.jitterMs))
        }
        for (id, pool) in pools.all {
            if pool.slowFactor != 1 { result.append(.slow(id, factor: pool.slowFactor)) }
            if let untilUs = pool.pausedUntilUs { result.append(.paused(id, untilUs: untilUs)) }
        }
        result += faults.cuts.map { .cut(from: $0.from, to: $0.to) }
        return result
    }

    /// Replicas on up stores that act as leader although the partition's tracked leader is another one:
    /// deposed leaders that have not yet heard of the newer term (a paused or partitioned old leader).
    private func staleLeaders() -> Int {
        var count = 0
        for p in 0..<config.partitions {
            let current = stores.leader(of: p)?.node.id
            for node in stores.nodes where node.isUp {
                if let replica = node.replica(p), replica.role == .leader, replica.id != current { count += 1 }
            }
        }
        return count
    }
}
