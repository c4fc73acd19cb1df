/// The fault injector of a chaos run: draws one fault at a time from its seeded stream, applies it as a
/// drill command would, counts what it injected, and at the end repairs everything it broke.
struct ChaosFaults {
    let config: ClusterConfig
    var random: SimRandom
    private(set) var storeIDs: [NodeID]
    /// Processes slowed so far (the repair restores them).
    private var slowed: Set<NodeID> = []
    private(set) var injected: [String: Int] = [:]

    init(config: ClusterConfig, random: SimRandom) {
        self.config = config
        self.random = random
        storeIDs = (1...config.stores).map { NodeID.store($0) }
    }

    mutating func injectOne(into cluster: Cluster) {
        let victim = storeIDs[random.below(storeIDs.count)]
        switch random.below(14) {
        case 9:
            // Scale out (up to 7 stores): the new store is empty until a rebalance moves replicas to it.
            if storeIDs.count < 7, cluster.apply(.add(.store)) == nil { storeIDs.append(.store(storeIDs.count + 1)) }
            count("add store")
        case 10: apply(.rebalance, "rebalance", cluster)
        case 0, 1: apply(.kill(victim), "kill", cluster)
        case 2, 3: apply(.restart(victim), "restart", cluster)
        case 4: apply(.partition(twoSides()), "partition", cluster)
        case 5: apply(.isolate(victim), "isolate", cluster)
        case 6: apply(.loss(percent: Double(5 + random.below(20))), "loss", cluster)
        case 7: apply(.heal, "heal", cluster)
        case 11:
            let node = anyProcess(store: victim)
            if cluster.apply(.slow(node, factor: Double(2 + random.below(49)))) == nil { slowed.insert(node) }
            count("slow")
        case 12: apply(.pause(anyProcess(store: victim), durationMs: Int64(100 + random.below(2_900))), "pause", cluster)
        case 13:
            let other = storeIDs.filter { $0 != victim }[random.below(storeIDs.count - 1)]
            apply(random.chance(0.5) ? .cut(from: victim, to: other) : .cut(from: other, to: victim), "cut", cluster)
        default:
            let other: NodeID = [NodeID.service(1 + random.below(config.services)), NodeID.cache(1 + random.below(config.caches))][random.below(2)]
            apply(random.chance(0.5) ? .kill(other) : .restart(other), "kill or restart service/cache", cluster)
        }
    }

    /// Heals the network, restores slowed processes and restarts every store that is down. Pauses end
    /// on their own (they last at most 3 s).
    mutating func repair(_ cluster: Cluster) {
        cluster.apply(.heal)
        for node in slowed.sorted() { cluster.apply(.slow(node, factor: 1)) }
        slowed.removeAll()
        for id in storeIDs where cluster.value(of: .up(id)) == 0 { cluster.apply(.restart(id)) }
    }

    private mutating func apply(_ command: ClusterCommand, _ kind: String, _ cluster: Cluster) {
        cluster.apply(command)
        count(kind)
    }

    private mutating func count(_ kind: String) { injected[kind, default: 0] += 1 }

    /// Mostly the victim store; sometimes a service, a cache or the balancer.
    private mutating func anyProcess(store victim: NodeID) -> NodeID {
        switch random.below(6) {
        case 0: return .service(1 + random.below(config.services))
        case 1: return .cache(1 + random.below(config.caches))
        case 2: return .balancer
        default: return victim
        }
    }

    /// The stores split into two non-empty sides at random.
    private mutating func twoSides() -> [[NodeID]] {
        var shuffled = storeIDs
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, random.below(i + 1)) }
        let cut = 1 + random.below(storeIDs.count - 1)
        return [Array(shuffled[..<cut]).sorted(), Array(shuffled[cut...]).sorted()]
    }
}
