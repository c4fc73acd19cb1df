/// Operator commands: the one place where `ClusterCommand`s change the cluster. A command changes the
/// process table or the network, or hands the command to the process it concerns; the effects that
/// produces are carried out before `apply` returns.
extension Cluster {
    /// Every process that exists now, the clients included, in a stable order.
    var allProcesses: [NodeID] {
        [.client, .balancer] + services.map(\.id) + caches.map(\.id) + stores.nodes.map(\.id)
    }

    func exists(_ node: NodeID) -> Bool {
        switch node.tier {
        case .client, .balancer: return true
        case .service: return node.number <= services.count
        case .cache: return node.number <= caches.count
        case .store: return node.number <= stores.count
        }
    }

    /// Carries out one command; returns nil when done, or why it was refused (and then nothing changed).
    @discardableResult
    public func apply(_ command: ClusterCommand) -> String? {
        defer { applyEffects() }
        switch command {
        case .add(let tier): return add(tier)
        case .kill(let node): return kill(node)
        case .restart(let node): return restart(node)
        case .isolate(let node):
            guard exists(node) else { return "unknown node \(node)" }
            guard node != .client else { return "the clients cannot be isolated; isolate lb instead" }
            guard !faults.isolated.contains(node) else { return "\(node) is already isolated" }
            for other in allProcesses where other != node { network.cut(node, other) }
            faults.isolated.append(node)
            log(.fault, "\(node) isolated: every link cut")
        case .partition(let groups):
            for node in groups.joined() where !exists(node) { return "unknown node \(node)" }
            for a in groups.indices {
                for b in groups.indices where b > a {
                    for x in groups[a] { for y in groups[b] { network.cut(x, y) } }
                }
            }
            faults.partitions.append(groups)
            log(.fault, Fault.partition(groups).description)
        case .heal:
            network.healAll()
            faults = FaultBook()
            log(.fault, "network healed: all links restored, loss and extra latency cleared")
        case .rebalance:
            _ = placement.rebalancePass(stores: stores, nowUs: now.us, into: &effects)
        case .balancer(let algorithm):
            balancer.setAlgorithm(algorithm)
            log(.command, "lb algorithm: \(algorithm.rawValue)")
        case .latency(let ms, let jitterMs):
            network.extraLatencyMs = ms
            network.jitterMs = jitterMs
            log(.fault, "extra latency \(ms)ms" + (jitterMs > 0 ? " jitter \(jitterMs)ms" : ""))
        case .loss(let percent):
            network.lossPercent = percent
            log(.fault, "message loss \(Fault.trim(percent))%")
        case .workload(let change):
            clients.updateWorkload(change)
            let c = clients.workload.config
            log(.command, "workload: rate=\(Fault.trim(c.ratePerSecond)) reads=\(c.readFraction) keys=\(c.keys) zipf=\(c.zipfExponent) retries=\(c.retries)")
        case .replication(let mode):
            setReplicationMode(mode)
        case .slow(let node, let factor): return slow(node, factor: factor)
        case .pause(let node, let durationMs): return pause(node, durationMs: durationMs)
        case .cut(let from, let to): return cut(from: from, to: to)
        case .shed(let on):
            shedding = on
            let nowUs = now.us
            pools.forEach { $0.setShedding(on, targetUs: config.shedTargetUs, intervalUs: config.shedIntervalUs, nowUs: nowUs) }
            log(.command, on ? "load shedding on: once a queue has stood for \(config.shedIntervalUs / 1_000)ms, requests that waited over \(config.shedTargetUs / 1_000)ms are dropped (CoDel)"
                : "load shedding off: every queued request is served, however late")
        }
        return nil
    }

    private func slow(_ node: NodeID, factor: Double) -> String? {
        guard exists(node) else { return "unknown node \(node)" }
        guard node != .client else { return "the clients have no CPU to slow; slow lb instead" }
        guard factor > 0, factor.isFinite, factor <= ClusterLimits.slowFactorMax else {
            return "slow factor must be above 0 and at most \(Fault.trim(ClusterLimits.slowFactorMax))"
        }
        pools[node].setSlow(factor)
        log(.fault, factor == 1 ? "\(node) at normal speed again" : "\(node) slow: every CPU and disk cost x\(Fault.trim(factor))")
        return nil
    }

    private func pause(_ node: NodeID, durationMs: Int64) -> String? {
        guard exists(node) else { return "unknown node \(node)" }
        guard node != .client else { return "the clients cannot be paused; pause lb instead" }
        guard isUp(node) else { return "\(node) is down; only a running process can be paused" }
        guard durationMs > 0, durationMs <= ClusterLimits.pauseMsMax else {
            return "pause must last from 1ms to \("\(ClusterLimits.pauseMsMax / 1_000)s")"
        }
        let untilUs = now.us + durationMs * 1_000
        pools[node].pause(untilUs: untilUs)
        queue.push(.resume(node, epoch: pools[node].epoch), atUs: untilUs)
        log(.fault, "\(node) paused for \(durationMs)ms: it handles nothing until \(SimTime(us: untilUs))")
        return nil
    }

    private func cut(from: NodeID, to: NodeID) -> String? {
        for node in [from, to] where !exists(node) { return "unknown node \(node)" }
        guard from != to else { return "cut needs two different nodes" }
        guard !network.isCut(from, to) else { return "messages from \(from) to \(to) are already dropped" }
        network.cutOneWay(from: from, to: to)
        faults.cuts.append((from, to))
        log(.fault, "cut \(from)→\(to): messages from \(from) to \(to) are dropped; the way back still works")
        return nil
    }

    private func add(_ tier: NodeID.Tier) -> String? {
        defer {
            // An isolated node stays cut off from processes added after the isolation, too.
            if let added = allProcesses.last, !faults.isolated.isEmpty {
                for isolated in faults.isolated where isolated != added { network.cut(added, isolated) }
            }
        }
        let most = ClusterLimits.processesPerTierMax
        switch tier {
        case .store:
            guard stores.count < most else { return "at most \(most) stores" }
            addStore()
            stores.nodes[stores.count - 1].startTicking(into: &effects)
            log(.node, "\(stores.nodes[stores.count - 1].id) added (empty until a rebalance moves replicas to it)")
        case .service:
            guard services.count < most else { return "at most \(most) services" }
            addService(healthy: false)
            log(.node, "\(services[services.count - 1].id) added; joins the lb pool after \(config.healthRise) passing health checks")
        case .cache:
            guard caches.count < most else { return "at most \(most) caches" }
            addCache()
            ring = HashRing(owners: Array(1...caches.count), virtualNodes: config.cacheVirtualNodes)
            log(.node, "\(caches[caches.count - 1].id) added to the cache ring (about 1/\(caches.count) of keys now map to it)")
        case .client, .balancer:
            return "only store, service or cache nodes can be added"
        }
        return nil
    }

    private func kill(_ node: NodeID) -> String? {
        guard exists(node) else { return "unknown node \(node)" }
        guard node != .client else { return "the clients cannot be killed" }
        guard isUp(node) else { return "\(node) is already down" }
        switch node.tier {
        case .balancer: balancer.crash()
        case .service: services[node.number - 1].crash()
        case .cache: caches[node.number - 1].crash()
        case .store:
            for p in stores.nodes[node.number - 1].crash(nowUs: now.us)
            where stores.leaders.leaderWentDown(partition: p, node: node, now: now) {
                log(.leader, "p\(p): leader \(node) went down; no leader")
            }
        case .client:
            break
        }
        pools.resetIfPresent(node)
        log(.node, "\(node) killed")
        return nil
    }

    private func restart(_ node: NodeID) -> String? {
        guard exists(node) else { return "unknown node \(node)" }
        guard node != .client else { return "the clients are always running" }
        guard !isUp(node) else { return "\(node) is already up" }
        switch node.tier {
        case .balancer: balancer.restart()
        case .service: services[node.number - 1].restart()
        case .cache: caches[node.number - 1].restart()
        case .store:
            let wasDead = stores.nodes[node.number - 1].isDead
            stores.nodes[node.number - 1].restart(nowUs: now.us, into: &effects)
            if wasDead { log(.node, "\(node) was declared dead; replicas it no longer owns will be removed") }
        case .client: break
        }
        pools.resetIfPresent(node)
        log(.node, "\(node) restarted")
        return nil
    }

    private func setReplicationMode(_ mode: ReplicationMode) {
        replicationMode = mode
        raftConfig.commitQuorum = mode == .sync ? .allVoters : .majority
        raftConfig.replicateOnPropose = mode != .async
        for s in stores.nodes.indices { stores.nodes[s].setReplicationMode(mode, raftConfig: raftConfig) }
        let meaning: String
        switch mode {
        case .raft: meaning = "writes acknowledged once a majority of voters has them"
        case .sync: meaning = "writes acknowledged only when every replica has them"
        case .async: meaning = "writes acknowledged on the leader's local append, replicated in the background"
        }
        log(.command, "replication \(mode.rawValue): \(meaning)")
    }
}
