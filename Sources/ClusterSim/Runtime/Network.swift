/// The simulated network: per-direction link cuts, message loss and latency, all drawn from one stream.
struct Network {
    var latencyMsMin: Int64
    var latencyMsMax: Int64
    var extraLatencyMs: Int64 = 0
    var jitterMs: Int64 = 0
    var lossPercent: Double = 0
    /// Cut directed links, keyed by `linkKey(from, to)`.
    private(set) var cutLinks: Set<UInt64> = []
    var random: SimRandom

    init(config: ClusterConfig, random: SimRandom) {
        latencyMsMin = config.latencyMsMin
        latencyMsMax = config.latencyMsMax
        self.random = random
    }

    static func linkKey(_ from: NodeID, _ to: NodeID) -> UInt64 {
        func code(_ n: NodeID) -> UInt64 { UInt64(n.tier.order) << 16 | UInt64(n.number) }
        return code(from) << 32 | code(to)
    }

    func isCut(_ from: NodeID, _ to: NodeID) -> Bool {
        !cutLinks.isEmpty && cutLinks.contains(Network.linkKey(from, to))
    }

    mutating func cut(_ from: NodeID, _ to: NodeID) {
        cutLinks.insert(Network.linkKey(from, to))
        cutLinks.insert(Network.linkKey(to, from))
    }

    /// Cuts one direction only: messages from `from` to `to` are dropped, the way back still works.
    mutating func cutOneWay(from: NodeID, to: NodeID) {
        cutLinks.insert(Network.linkKey(from, to))
    }

    mutating func healAll() {
        cutLinks.removeAll()
        lossPercent = 0
        extraLatencyMs = 0
        jitterMs = 0
    }

    /// The delivery delay for one message, or nil when loss drops it.
    mutating func delayUs() -> Int64? {
        if lossPercent > 0 && random.chance(lossPercent / 100) {
            return nil
        }
        let baseUs = random.int(in: Int(latencyMsMin * 1_000)...Int(latencyMsMax * 1_000))
        var total = Int64(baseUs) + extraLatencyMs * 1_000
        if jitterMs > 0 { total += Int64(random.int(in: 0...Int(jitterMs * 1_000))) }
        return total
    }
}
