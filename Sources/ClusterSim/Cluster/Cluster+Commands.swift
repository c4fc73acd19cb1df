/// Operator commands: the one place where `ClusterCommand`s change the cluster.
extension Cluster {
    static let maxNodesPerTier = 32

    /// Every process that exists now, the clients included, in a stable order.
    var allProcesses: [NodeID] {
        [.client, .balancer] + services.map(\.id) + caches.map(\.id) + stores.map(\.id)
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
            _ = rebalancePass()
        case .balancer(let algorithm):
            balancer.algorithm = algorithm
            log(.command, "lb algorithm: \(algorithm.rawValue)")
        case .latency(let ms, let jitterMs):
            network.extraLatencyMs = ms
            network.jitterMs = jitterMs
            log(.fault, "extra latency \(ms)ms" + (jitterMs > 0 ? " jitter \(jitterMs)ms" : ""))
        case .loss(let percent):
            network.lossPercent = percent
            log(.fault, "message loss \(Fault.trim(percent))%")
        case .workload(let change):
            workload.update(change)
            let c = workload.config
            log(.command, "workload: rate=\(Fault.trim(c.ratePerSecond)) reads=\(c.readFraction) keys=\(c.keys) zipf=\(c.zipfExponent)")
        case .replication(let mode):
            setReplicationMode(mode)
        }
        return nil
    }

    private func add(_ tier: NodeID.Tier) -> String? {
        defer {
            // An isolated node stays cut off from processes added after the isolation, too.
            if let added = allProcesses.last, !faults.isolated.isEmpty {
                for isolated in faults.isolated where isolated != added { network.cut(added, isolated) }
            }
        }
        switch tier {
        case .store:
            guard stores.count < Cluster.maxNodesPerTier else { return "at most \(Cluster.maxNodesPerTier) stores" }
            stores.append(StoreState(id: .store(stores.count + 1), partitions: config.partitions))
            schedule(.storeTick(store: stores.count - 1, epoch: 0), afterUs: config.raftTickMs * 1_000)
            log(.node, "\(stores[stores.count - 1].id) added (empty until a rebalance moves replicas to it)")
        case .service:
            guard services.count < Cluster.maxNodesPerTier else { return "at most \(Cluster.maxNodesPerTier) services" }
            let id = NodeID.service(services.count + 1)
            services.append(ServiceState(id: id))
            balancer.servers.append(BackendState(id: id, activeHealthy: false))
            log(.node, "\(id) added; joins the lb pool after \(config.healthRise) passing health checks")
        case .cache:
            guard caches.count < Cluster.maxNodesPerTier else { return "at most \(Cluster.maxNodesPerTier) caches" }
            let id = NodeID.cache(caches.count + 1)
            caches.append(CacheNodeState(id: id, lru: LRUCache(capacity: config.cacheCapacity, ttlMs: config.cacheTTLMs)))
            ring = HashRing(owners: Array(1...caches.count), virtualNodes: config.cacheVirtualNodes)
            log(.node, "\(id) added to the cache ring (about 1/\(caches.count) of keys now map to it)")
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
        case .balancer:
            balancer.up = false
            for id in balancer.forwards.keys.sorted() {
                balancer.servers[balancer.forwards[id]!.server].inFlight -= 1
            }
            balancer.forwards.removeAll()
        case .service:
            let s = node.number - 1
            services[s].up = false
            services[s].epoch += 1
            services[s].active.removeAll()
            services[s].queue.removeAll()
            services[s].calls.removeAll()
            services[s].leaderHint.removeAll()
        case .cache:
            caches[node.number - 1].up = false
            caches[node.number - 1].lru.clear()
        case .store:
            crashStore(node.number - 1)
        case .client:
            break
        }
        log(.node, "\(node) killed")
        return nil
    }

    private func restart(_ node: NodeID) -> String? {
        guard exists(node) else { return "unknown node \(node)" }
        guard node != .client else { return "the clients are always running" }
        guard !isUp(node) else { return "\(node) is already up" }
        switch node.tier {
        case .balancer: balancer.up = true
        case .service: services[node.number - 1].up = true
        case .cache: caches[node.number - 1].up = true
        case .store:
            let wasDead = stores[node.number - 1].dead
            restartStore(node.number - 1)
            if wasDead { log(.node, "\(node) was declared dead; replicas it no longer owns will be removed") }
        case .client: break
        }
        log(.node, "\(node) restarted")
        return nil
    }

    private func setReplicationMode(_ mode: ReplicationMode) {
        replicationMode = mode
        raftConfig.commitQuorum = mode == .sync ? .allVoters : .majority
        raftConfig.replicateOnPropose = mode != .async
        for s in stores.indices {
            for p in stores[s].partitionsHeld where stores[s].replicas[p] != nil {
                stores[s].replicas[p]!.setMode(commitQuorum: raftConfig.commitQuorum,
                                               replicateOnPropose: raftConfig.replicateOnPropose)
            }
        }
        let meaning: String
        switch mode {
        case .raft: meaning = "writes acknowledged once a majority of voters has them"
        case .sync: meaning = "writes acknowledged only when every replica has them"
        case .async: meaning = "writes acknowledged on the leader's local append, replicated in the background"
        }
        log(.command, "replication \(mode.rawValue): \(meaning)")
    }
}
