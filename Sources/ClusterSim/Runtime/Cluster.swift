/// The runtime of the whole simulated cluster in one process: the event queue in virtual time, the
/// network, the table of processes (clients, the balancer `lb`, service instances, cache nodes, store nodes,
/// the placement controller), carrying out the effects they hand back, and the checkers that watch them.
///
/// Node behaviour lives in the process types under `Processes/`; each turns one message or timer into
/// effects (`Effect`). Nothing here reads a clock or the system's randomness: the same config and seed
/// replay exactly.
public final class Cluster {
    public let config: ClusterConfig
    public private(set) var now = SimTime.zero
    /// Events handled so far (a measure of work for benchmarks).
    public private(set) var eventsProcessed = 0
    public internal(set) var replicationMode: ReplicationMode = .raft

    let root: SimRandom
    var queue = EventQueue(capacity: ClusterLimits.pendingEventsMax)
    var network: Network
    /// The one effects buffer, reused for every event.
    var effects = Effects()
    var raftConfig: RaftConfig
    /// Which inputs cost CPU, and how much.
    let cpu: CpuProfile
    /// Load shedding (CoDel) on every process.
    var shedding: Bool
    /// Inputs shed in one step, reused.
    var shedScratch: [Message] = []

    // The process table.
    var clients: ClientPool
    var balancer: Balancer
    var services: [ServiceInstance] = []
    var caches: [CacheNode] = []
    var ring: HashRing
    var stores: StoreTier
    var placement: PlacementController
    /// The CPU (workers, queue) of every process but the clients.
    var pools: ProcessPools

    // Observers.
    var checker: ClusterChecker
    var linearity = LinearizabilityWatch()
    var eventLog = EventLog(capacity: ClusterLimits.eventLogEntriesMax)
    var faults = FaultBook()
    var observed = Observations()

    public init(config: ClusterConfig) {
        self.config = config
        root = SimRandom(seed: config.seed)
        cpu = CpuProfile(config)
        shedding = config.shedding
        pools = ProcessPools(balancer: WorkerPool(workers: 1, queueLimit: 0, random: root.stream("cpu/lb")))
        network = Network(config: config, random: root.stream("network"))
        clients = ClientPool(workload: Workload(config: config.workload, random: root.stream("workload")),
                             random: root.stream("client-retries"))
        balancer = Balancer(algorithm: config.balancerAlgorithm, settings: BalancerSettings(config),
                            random: root.stream("balancer"))
        ring = HashRing(owners: Array(1...max(1, config.caches)), virtualNodes: config.cacheVirtualNodes)
        stores = StoreTier(partitions: config.partitions)
        placement = PlacementController(config: config)
        checker = ClusterChecker(partitions: config.partitions)
        var rc = RaftConfig()
        rc.electionTicksMin = Int(config.electionTimeoutMsMin / config.raftTickMs)
        rc.electionTicksMax = Int(config.electionTimeoutMsMax / config.raftTickMs)
        // The timeout itself is drawn in microseconds and fired by the store's one-shot timer; the ticks
        // above still age the lease and CheckQuorum.
        if !config.electionTimeoutOnTicks {
            rc.electionTimeoutUs = (config.electionTimeoutMsMin * 1_000)...(config.electionTimeoutMsMax * 1_000)
        }
        rc.heartbeatTicks = Int(config.heartbeatMs / config.raftTickMs)
        raftConfig = rc
        pools.balancer = makePool(.balancer)
        boot()
    }

    private func boot() {
        for _ in 1...config.services { addService(healthy: true) }
        for _ in 1...config.caches { addCache() }
        for _ in 1...config.stores { addStore() }
        // Initial placement: replica k of partition p on store (p + k) mod S, so replica counts differ by at
        // most one; the first replica is the preferred leader and campaigns first, spreading leaders evenly.
        let replicaCount = min(config.replicas, config.stores)
        for p in 0..<config.partitions {
            let voters = (0..<replicaCount).map { NodeID.store((p + $0) % config.stores + 1) }.sorted()
            for v in voters { stores.nodes[v.number - 1].bootstrap(partition: p, voters: voters, nowUs: now.us) }
            stores.nodes[p % config.stores].campaign(partition: p)
        }
        let tickUs = config.raftTickMs * 1_000
        for s in stores.nodes.indices {
            stores.nodes[s].flushAll(nowUs: now.us, into: &effects)
            // Stores tick a millisecond apart, so their timers do not all fire at one instant.
            stores.nodes[s].startTicking(afterUs: tickUs + Int64(s) * 1_000 % tickUs, into: &effects)
            applyEffects()
        }
        schedule(.clientArrival, afterUs: clients.firstGapUs())
        schedule(.healthCheckRound, afterUs: config.healthCheckIntervalMs * 1_000)
        schedule(.secondTick, afterUs: 1_000_000)
        schedule(.placementTick, afterUs: PlacementController.tickUs)
        log(.node, "cluster up: \(config.stores) stores, \(config.services) services, \(config.caches) caches, \(config.partitions) partitions x\(replicaCount)")
    }

    func addService(healthy: Bool) {
        let id = NodeID.service(services.count + 1)
        services.append(ServiceInstance(id: id, settings: ServiceSettings(config)))
        pools.services.append(makePool(id))
        balancer.addBackend(id, healthy: healthy)
    }

    func addCache() {
        caches.append(CacheNode(id: .cache(caches.count + 1), capacity: config.cacheCapacity, ttlMs: config.cacheTTLMs))
        pools.caches.append(makePool(.cache(caches.count)))
    }

    func addStore() {
        stores.nodes.append(StoreNode(id: .store(stores.count + 1), partitions: config.partitions, tickMs: config.raftTickMs,
                                      raftConfig: raftConfig, mode: replicationMode, streams: root))
        pools.stores.append(makePool(.store(stores.count)))
    }

    // MARK: running

    /// Handles every event due at or before `time`, then sets the clock to `time`.
    public func run(until time: SimTime) {
        precondition(time >= now, "virtual time only moves forward")
        while let next = queue.nextTimeUs, next <= time.us {
            let item = queue.pop()!
            now = SimTime(us: item.timeUs)
            eventsProcessed += 1
            dispatch(item.event)
        }
        now = time
    }

    /// Runs for a span of virtual time.
    public func run(for span: SimTime) { run(until: now + span) }

    /// Hands one event to the process it belongs to, then carries out the effects it produced.
    ///
    /// A message that costs CPU first waits for a worker of its process (`admit`, in `Cluster+Capacity`);
    /// the process handles it when that CPU time is over (`.work`).
    private func dispatch(_ event: SimEvent) {
        assert(effects.isEmpty, "effects left over from the previous event")
        switch event {
        case .deliver(let m):
            if isUp(m.to), !network.isCut(m.from, m.to) { admit(m) }
        case .timer(let timer):
            if !deferIfPaused(timer) { fire(timer) }
        case .work(let m, let arrivedUs, let epoch): complete(m, arrivedUs: arrivedUs, epoch: epoch)
        case .resume(let node, let epoch): resume(node, epoch: epoch)
        }
        applyEffects()
    }

    /// The process `m` is for handles it now.
    func handle(_ m: Message) {
        let i = m.to.number - 1
        switch m.to.tier {
        case .client: clients.receive(m, nowUs: now.us, into: &effects)
        case .balancer: balancer.receive(m, nowUs: now.us, into: &effects)
        case .service: services[i].receive(m, nowUs: now.us, directory: self, into: &effects)
        case .cache: caches[i].receive(m, nowUs: now.us, into: &effects)
        case .store: stores.nodes[i].receive(m, nowUs: now.us, into: &effects)
        }
    }

    private func fire(_ timer: Timer) {
        switch timer {
        case .clientArrival: clients.arrival(nowUs: now.us, into: &effects)
        case .clientTimeout(let opID): clients.timeout(opID: opID, nowUs: now.us, into: &effects)
        case .clientRetry(let opID): clients.retry(opID: opID, nowUs: now.us, into: &effects)
        case .healthCheckRound: balancer.healthCheckRound(into: &effects)
        case .healthCheckTimeout(let server, let seq): balancer.healthCheckTimeout(server: server, sequence: seq, into: &effects)
        case .forwardTimeout(let id): balancer.forwardTimeout(requestID: id, nowUs: now.us, into: &effects)
        case .serviceCallTimeout(let s, let callID, let epoch):
            services[s].callTimeout(callID: callID, epoch: epoch, nowUs: now.us, directory: self, into: &effects)
        case .storeTick(let s, let epoch): stores.nodes[s].tick(epoch: epoch, nowUs: now.us, into: &effects)
        case .storeElection(let s, let epoch): stores.nodes[s].electionTimerFired(epoch: epoch, nowUs: now.us, into: &effects)
        case .storeDiskSynced(let s, let epoch): stores.nodes[s].diskSynced(epoch: epoch, into: &effects)
        case .placementTick: placement.tick(stores: &stores, nowUs: now.us, into: &effects)
        case .secondTick: secondTick()
        }
    }

    /// Whether a process is running; the client side is always up.
    func isUp(_ node: NodeID) -> Bool {
        switch node.tier {
        case .client: return true
        case .balancer: return balancer.isUp
        case .service: return node.number <= services.count && services[node.number - 1].isUp
        case .cache: return node.number <= caches.count && caches[node.number - 1].isUp
        case .store: return stores.isUp(node)
        }
    }

    /// Schedules one of the runtime's own timers `delayUs` from now.
    func schedule(_ timer: Timer, afterUs delayUs: Int64) {
        queue.push(.timer(timer), atUs: now.us + delayUs)
    }

    /// Once a virtual second: rotate windows, sample series, and every five seconds check linearizability.
    private func secondTick() {
        balancer.rotateWindows()
        pools.forEach { $0.rotate() }
        observed.latency.rotate()
        observed.rotate(lagMax: currentLagMax())
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
    /// Checks the keys touched since the last check; with `recheckStepsPerKey`, also gives every key left
    /// undecided that many more steps (for the end of a run).
    public func checkLinearizability(recheckStepsPerKey: Int? = nil) {
        let wasViolated = linearity.isViolated
        linearity.check()
        if let steps = recheckStepsPerKey { linearity.recheckUndecided(stepsPerKey: steps) }
        if !wasViolated, let violation = linearity.violation { log(.check, "NOT LINEARIZABLE: \(violation)") }
    }

    /// Events with a sequence number above `sequence`, oldest first (at most the log's capacity).
    public func events(after sequence: Int) -> [ClusterEvent] {
        eventLog.events(after: sequence)
    }
}

extension Cluster: ServiceDirectory {
    func cacheNode(ofKey key: Int) -> NodeID { .cache(ring.owner(ofKey: key)) }

    func storeReplicas(ofPartition p: Int) -> [NodeID] { stores.membership(of: p)?.voters ?? [] }
}
