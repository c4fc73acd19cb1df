/// The whole simulated cluster in one object: clients, the balancer `lb`, service instances, cache nodes
/// and store nodes, wired by a simulated network and driven by one event queue in virtual time.
///
/// Nothing here reads a clock or the system's randomness: the same config and seed replay exactly.
public final class Cluster {
    public let config: ClusterConfig
    public private(set) var now = SimTime.zero
    /// Events handled so far (a measure of work for benchmarks).
    public private(set) var eventsProcessed = 0
    public internal(set) var replicationMode: ReplicationMode = .raft

    let root: SimRandom
    var queue = EventQueue()
    var network: Network
    var workload: Workload
    var clients = ClientState()
    var balancer: BalancerState
    var services: [ServiceState] = []
    var caches: [CacheNodeState] = []
    var ring: HashRing
    var stores: [StoreState] = []
    var placement = PlacementState()
    var checker: ClusterChecker
    var linearity = LinearizabilityWatch()
    var eventLog = EventLog(capacity: 1_000)
    var faults = FaultBook()
    var storeReadWindow = RateWindow()
    var cacheHitWindow = RateWindow()
    var cacheLookupWindow = RateWindow()
    var lagMaxSeries = SampleRing<Int>(capacity: 60)
    var hitRatioSeries = SampleRing<Double>(capacity: 60)
    var raftConfig: RaftConfig
    var partitionTracks: [PartitionTrack]

    public init(config: ClusterConfig) {
        self.config = config
        root = SimRandom(seed: config.seed)
        network = Network(config: config, random: root.stream("network"))
        workload = Workload(config: config.workload, random: root.stream("workload"))
        balancer = BalancerState(algorithm: config.balancerAlgorithm, random: root.stream("balancer"))
        ring = HashRing(owners: Array(1...max(1, config.caches)), virtualNodes: config.cacheVirtualNodes)
        checker = ClusterChecker(partitions: config.partitions)
        partitionTracks = Array(repeating: PartitionTrack(), count: config.partitions)
        var rc = RaftConfig()
        rc.electionTicksMin = Int(config.electionTimeoutMsMin / config.raftTickMs)
        rc.electionTicksMax = Int(config.electionTimeoutMsMax / config.raftTickMs)
        rc.heartbeatTicks = Int(config.heartbeatMs / config.raftTickMs)
        raftConfig = rc
        boot()
    }

    private func boot() {
        for n in 1...config.services {
            services.append(ServiceState(id: .service(n)))
            balancer.servers.append(BackendState(id: .service(n), activeHealthy: true))
        }
        for n in 1...config.caches {
            caches.append(CacheNodeState(id: .cache(n), lru: LRUCache(capacity: config.cacheCapacity, ttlMs: config.cacheTTLMs)))
        }
        for n in 1...config.stores {
            stores.append(StoreState(id: .store(n), partitions: config.partitions))
        }
        // Initial placement: replica k of partition p on store (p + k) mod S, so replica counts differ by at
        // most one; the first replica is the preferred leader and campaigns first, spreading leaders evenly.
        let replicaCount = min(config.replicas, config.stores)
        for p in 0..<config.partitions {
            let voters = (0..<replicaCount).map { NodeID.store((p + $0) % config.stores + 1) }.sorted()
            for v in voters {
                let node = RaftNode.bootstrap(id: v, voters: voters, config: raftConfig,
                                              random: root.stream("raft/p\(p)/\(v)"))
                stores[v.number - 1].setReplica(node, partition: p)
            }
            let preferred = NodeID.store(p % config.stores + 1)
            stores[preferred.number - 1].replicas[p]?.campaign()
        }
        for s in stores.indices {
            for p in stores[s].partitionsHeld { drainReplica(store: s, partition: p) }
            queue.push(.storeTick(store: s, epoch: 0), atUs: config.raftTickMs * 1_000 + Int64(s) * 1_000 % (config.raftTickMs * 1_000))
        }
        queue.push(.clientArrival, atUs: workload.nextGapUs())
        queue.push(.healthCheckRound, atUs: config.healthCheckIntervalMs * 1_000)
        queue.push(.secondTick, atUs: 1_000_000)
        queue.push(.placementTick, atUs: 100_000)
        log(.node, "cluster up: \(config.stores) stores, \(config.services) services, \(config.caches) caches, \(config.partitions) partitions x\(replicaCount)")
    }

    // MARK: running

    /// Handles every event due at or before `time`, then sets the clock to `time`.
    public func run(until time: SimTime) {
        precondition(time >= now, "virtual time only moves forward")
        while let next = queue.nextTimeUs, next <= time.us {
            let item = queue.pop()!
            now = SimTime(us: item.timeUs)
            eventsProcessed += 1
            handle(item.event)
        }
        now = time
    }

    /// Runs for a span of virtual time.
    public func run(for span: SimTime) { run(until: now + span) }

    private func handle(_ event: SimEvent) {
        switch event {
        case .deliver(let m): deliver(m)
        case .clientArrival: clientArrival()
        case .clientTimeout(let opID): clientTimeout(opID: opID)
        case .storeTick(let s, let epoch): storeTick(store: s, epoch: epoch)
        case .healthCheckRound: healthCheckRound()
        case .healthCheckTimeout(let server, let seq): healthCheckTimeout(server: server, sequence: seq)
        case .forwardTimeout(let id): forwardTimeout(requestID: id)
        case .serviceCallTimeout(let s, let callID, let epoch): serviceCallTimeout(service: s, callID: callID, epoch: epoch)
        case .secondTick: secondTick()
        case .placementTick: placementTick()
        }
    }

    // MARK: network

    /// Whether a process is running; the client side is always up.
    func isUp(_ node: NodeID) -> Bool {
        switch node.tier {
        case .client: return true
        case .balancer: return balancer.up
        case .service: return node.number <= services.count && services[node.number - 1].up
        case .cache: return node.number <= caches.count && caches[node.number - 1].up
        case .store: return node.number <= stores.count && stores[node.number - 1].up
        }
    }

    /// Sends a message over the simulated network; dropped if either end is down, the link is cut, or loss takes it.
    func send(_ payload: Payload, from: NodeID, to: NodeID) {
        guard isUp(from), isUp(to), !network.isCut(from, to), let delay = network.delayUs() else { return }
        queue.push(.deliver(Message(from: from, to: to, payload: payload)), atUs: now.us + delay)
    }

    /// Schedules an event `delayUs` from now.
    func schedule(_ event: SimEvent, afterUs delayUs: Int64) {
        queue.push(event, atUs: now.us + delayUs)
    }

    private func deliver(_ m: Message) {
        guard isUp(m.to), !network.isCut(m.from, m.to) else { return }
        switch m.to.tier {
        case .client: clientReceive(m)
        case .balancer: balancerReceive(m)
        case .service: serviceReceive(m, service: m.to.number - 1)
        case .cache: cacheReceive(m, cache: m.to.number - 1)
        case .store: storeReceive(m, store: m.to.number - 1)
        }
    }

    // MARK: periodic

    private func secondTick() {
        for i in balancer.servers.indices { balancer.servers[i].window.rotate() }
        balancer.totalWindow.rotate()
        storeReadWindow.rotate()
        cacheHitWindow.rotate()
        cacheLookupWindow.rotate()
        lagMaxSeries.append(currentLagMax())
        hitRatioSeries.append(currentHitRatio())
        if now.us % 5_000_000 == 0 { checkLinearizability() }
        advanceCheckerHorizon()
        schedule(.secondTick, afterUs: 1_000_000)
    }

    func log(_ kind: ClusterEvent.Kind, _ text: String) {
        eventLog.append(time: now, kind: kind, text: text)
    }

    /// Receives the client history as EDN lines (the Porcupine kv format) as operations happen.
    public func exportHistory(to sink: @escaping (String) -> Void) {
        linearity.sink = sink
    }

    /// Runs the live linearizability check now over every key touched since the last one.
    public func checkLinearizability() {
        let wasViolated = linearity.isViolated
        linearity.check()
        if !wasViolated, let violation = linearity.violation { log(.check, "NOT LINEARIZABLE: \(violation)") }
    }

    /// Events with a sequence number above `sequence`, oldest first (at most the log's capacity).
    public func events(after sequence: Int) -> [ClusterEvent] {
        eventLog.events(after: sequence)
    }
}
