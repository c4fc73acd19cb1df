@testable import ClusterSim

/// A deterministic in-memory network of Raft replicas for tests: array-backed delivery queue ordered by
/// (delivery tick, send sequence), seeded delays, drops and reordering, per-direction link cuts, and
/// crash/restart that keeps only what the host persisted from each ready (checked against `durable`).
/// Each replica has the store's host beside it: its disk and its key-value state machine.
struct RaftTestNetwork {
    struct InFlight {
        var deliverAt: Int
        var sequence: Int
        var message: RaftMessage
    }

    var config: RaftConfig
    /// Replicas by store number - 1; nil for numbers never created.
    private(set) var nodes: [RaftNode?] = []
    /// Store numbers of replicas that are crashed.
    private(set) var down: Set<Int> = []
    /// Each replica's disk and state machine, kept only from its ready values, as a store node's host does.
    private var hosts: [Int: ReplicaHost] = [:]
    /// Cut directed links, as (from, to) store numbers.
    private var cuts: Set<[Int]> = []
    private var queue: [InFlight] = []
    private var sequence = 0
    private(set) var now = 0
    private var random: SimRandom
    private let seed: UInt64
    var checker = RaftInvariantChecker()
    /// Probability a message is lost on send.
    var dropRate = 0.0
    /// Each message takes 1 + a uniform 0...delayMaxTicks extra ticks; random delays reorder messages.
    var delayMaxTicks = 0
    /// Messages held back this long (with probability `longDelayRate`) model long reordering (lab 6.5840).
    var longDelayRate = 0.0
    var longDelayTicks = 40

    init(voters count: Int, config: RaftConfig = RaftConfig(), seed: UInt64 = 1) {
        self.config = config
        self.seed = seed
        self.random = SimRandom(seed: seed).stream("network")
        let ids = (1...count).map { NodeID.store($0) }
        for n in ids {
            nodes.append(RaftNode.bootstrap(id: n, voters: ids, config: config, random: nodeRandom(n, incarnation: 0)))
            hosts[n.number] = ReplicaHost(nodes[n.number - 1]!.durable)
        }
    }

    private func nodeRandom(_ n: NodeID, incarnation: Int) -> SimRandom {
        SimRandom(seed: seed).stream("raft-\(n)-\(incarnation)")
    }

    var allIDs: [NodeID] { nodes.indices.compactMap { nodes[$0] == nil ? nil : NodeID.store($0 + 1) } }
    var upIDs: [NodeID] { allIDs.filter { !down.contains($0.number) } }

    func node(_ n: NodeID) -> RaftNode { nodes[n.number - 1]! }
    /// The key-value state of `n`'s state machine.
    func kv(_ n: NodeID) -> [Int: Int] { hosts[n.number]!.machine.data }
    func isUp(_ n: NodeID) -> Bool { !down.contains(n.number) }

    // MARK: - Driving

    mutating func tick() {
        now += 1
        for n in upIDs {
            nodes[n.number - 1]!.tick()
            collect(n)
        }
        deliverDue()
    }

    mutating func run(ticks: Int) {
        for _ in 0..<ticks { tick() }
    }

    /// Ticks until `condition` holds or `maxTicks` pass; returns whether it held.
    @discardableResult
    mutating func run(upTo maxTicks: Int, until condition: (RaftTestNetwork) -> Bool) -> Bool {
        for _ in 0..<maxTicks {
            if condition(self) { return true }
            tick()
        }
        return condition(self)
    }

    /// Calls `body` on a live replica and carries out what it produced.
    @discardableResult
    mutating func with<T>(_ n: NodeID, _ body: (inout RaftNode) -> T) -> T {
        precondition(isUp(n), "\(n) is down")
        let result = body(&nodes[n.number - 1]!)
        collect(n)
        return result
    }

    private mutating func collect(_ n: NodeID) {
        var ready = nodes[n.number - 1]!.drainReady()
        // The ready contract: persisting exactly what the ready hands back keeps the disk equal to the
        // replica's durable state, before any of its messages leave.
        let shipped = hosts[n.number]!.take(&ready)
        if !hosts[n.number]!.disk.holds(nodes[n.number - 1]!.durable) { checker.diskDiverged(n) }
        checker.observe(nodes[n.number - 1]!, ready, shipped: shipped)
        readsReady[n, default: []].append(contentsOf: ready.readsReady.map {
            ($0.id, $0.index, kv(n), nodes[n.number - 1]!.appliedIndex)
        })
        readsDropped[n, default: []].append(contentsOf: ready.readsDropped)
        for m in ready.messages { enqueue(m) }
    }

    /// Reads each replica answered: read id, read index, and the kv and applied index when it was ready.
    var readsReady: [NodeID: [(id: UInt64, index: Int, kv: [Int: Int], appliedIndex: Int)]] = [:]
    var readsDropped: [NodeID: [UInt64]] = [:]

    private mutating func enqueue(_ m: RaftMessage) {
        if cuts.contains([m.from.number, m.to.number]) { return }
        if dropRate > 0 && random.chance(dropRate) { return }
        var delay = 1 + (delayMaxTicks > 0 ? random.int(in: 0...delayMaxTicks) : 0)
        if longDelayRate > 0 && random.chance(longDelayRate) { delay += random.int(in: 0...longDelayTicks) }
        sequence += 1
        queue.append(InFlight(deliverAt: now + delay, sequence: sequence, message: m))
    }

    private mutating func deliverDue() {
        var due = queue.filter { $0.deliverAt <= now }
        guard !due.isEmpty else { return }
        queue.removeAll { $0.deliverAt <= now }
        due.sort { ($0.deliverAt, $0.sequence) < ($1.deliverAt, $1.sequence) }
        for f in due {
            let m = f.message
            // A link cut or a crash while the message was in flight loses it.
            guard !cuts.contains([m.from.number, m.to.number]), isUp(m.to), nodes.indices.contains(m.to.number - 1),
                  nodes[m.to.number - 1] != nil else { continue }
            nodes[m.to.number - 1]!.step(m)
            collect(m.to)
        }
    }

    // MARK: - Faults

    mutating func crash(_ n: NodeID) {
        guard isUp(n) else { return }
        down.insert(n.number)
    }

    mutating func restart(_ n: NodeID) {
        guard !isUp(n), let disk = hosts[n.number]?.disk.durable else { return }
        down.remove(n.number)
        incarnations[n.number, default: 0] += 1
        hosts[n.number] = ReplicaHost(disk)
        nodes[n.number - 1] = RaftNode(restarting: disk, id: n, config: config,
                                       random: nodeRandom(n, incarnation: incarnations[n.number]!))
        checker.restarted(node(n))
    }

    private var incarnations: [Int: Int] = [:]

    /// Adds an empty replica that will join as a learner (it knows nothing until the leader feeds it).
    mutating func addEmptyReplica(_ n: NodeID) {
        while nodes.count < n.number { nodes.append(nil) }
        nodes[n.number - 1] = RaftNode(joiningAsLearner: n, config: config, random: nodeRandom(n, incarnation: 0))
        hosts[n.number] = ReplicaHost(nodes[n.number - 1]!.durable)
    }

    /// Cuts both directions between `n` and every other replica.
    mutating func isolate(_ n: NodeID) {
        for o in 1...max(nodes.count, 1) where o != n.number {
            cuts.insert([n.number, o])
            cuts.insert([o, n.number])
        }
    }

    mutating func cut(_ a: NodeID, _ b: NodeID) {
        cuts.insert([a.number, b.number])
        cuts.insert([b.number, a.number])
    }

    /// Cuts every link between replicas in different groups.
    mutating func partition(_ groups: [[NodeID]]) {
        heal()
        for (i, g) in groups.enumerated() {
            for (j, h) in groups.enumerated() where i != j {
                for a in g { for b in h { cuts.insert([a.number, b.number]) } }
            }
        }
    }

    mutating func heal() { cuts = [] }

    func connected(_ a: NodeID, _ b: NodeID) -> Bool {
        !cuts.contains([a.number, b.number]) && !cuts.contains([b.number, a.number])
    }

    // MARK: - Queries

    /// Live replicas that believe they lead, with their terms.
    var leaders: [(id: NodeID, term: Int)] {
        upIDs.filter { node($0).role == .leader }.map { ($0, node($0).term) }
    }

    /// The leader with the highest term among `group` (live replicas only), if any.
    func leader(among group: [NodeID]? = nil) -> NodeID? {
        let ids = (group ?? upIDs).filter { isUp($0) && node($0).role == .leader }
        return ids.max { node($0).term < node($1).term }
    }

    /// How many live replicas have applied `entry` (or moved past its index holding it).
    func appliedCount(of entry: LogEntry) -> Int {
        guard checker.appliedByIndex[entry.index] == entry else { return 0 }
        return upIDs.filter { node($0).appliedIndex >= entry.index }.count
    }

    /// Lab 6.5840's `one`: proposes `put(key, value)` through whichever replica leads, until at least
    /// `replicas` live replicas applied it. Returns its index, or nil after `maxTicks`.
    mutating func one(key: Int = 1, value: Int, replicas: Int, maxTicks: Int = 1_000) -> Int? {
        let command = RaftCommand.put(key: key, value: value)
        let deadline = now + maxTicks
        while now < deadline {
            if let l = leader(), case .accepted(let index, let term) = with(l, { $0.propose(command) }) {
                let entry = LogEntry(index: index, term: term, command: command)
                let done = run(upTo: 4 * config.electionTicksMax) { $0.appliedCount(of: entry) >= replicas }
                if done { return index }
            } else {
                tick()
            }
        }
        return nil
    }

    /// Every live replica that applied up to the same index holds the same kv.
    func statesAgree() -> Bool {
        let ups = upIDs
        for a in ups { for b in ups where node(a).appliedIndex == node(b).appliedIndex {
            if kv(a) != kv(b) { return false }
        } }
        return true
    }
}
