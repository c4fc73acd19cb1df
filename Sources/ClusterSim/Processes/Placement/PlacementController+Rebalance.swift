/// Rebalancing: even out replica counts over live stores by planning moves, then even out leaders.
extension PlacementController {
    /// The most moves one rebalancing pass plans.
    static let movesPerPassMax = 64

    /// One rebalancing pass (the operator's `rebalance`); returns the line it logged.
    mutating func rebalancePass(stores: StoreTier, nowUs: Int64, into effects: inout Effects) -> String {
        var load = replicaLoad(stores: stores)
        guard load.count >= 1 else { return "no live stores" }
        var planned = 0
        var busy = Set(moves.map(\.partition))
        while planned < PlacementController.movesPerPassMax {
            load.sort { ($0.replicas, $0.store) < ($1.replicas, $1.store) }
            guard let low = load.first, let high = load.last, high.replicas - low.replicas > 1 else { break }
            // A partition on the busiest store that the idlest lacks; prefer one the busy store does not lead.
            var candidate: Int?
            for p in 0..<partitions where !busy.contains(p) && stores.liveVoters(p) >= replicaTarget {
                guard let m = stores.membership(of: p), m.voters.contains(high.store), !m.contains(low.store) else { continue }
                if stores.leaders.tracks[p].leader != high.store { candidate = p; break }
                if candidate == nil { candidate = p }
            }
            guard let p = candidate else { break }
            startMove(partition: p, from: high.store, to: low.store, reason: "rebalance", nowUs: nowUs, into: &effects)
            busy.insert(p)
            planned += 1
            load[0].replicas += 1
            load[load.count - 1].replicas -= 1
        }
        leaderBalancePending = true
        let text = "rebalance: \(planned) replica move\(planned == 1 ? "" : "s") planned; leaders balanced when moves finish"
        effects.log(.rebalance, text)
        return text
    }

    /// Moves leadership from stores above the even share to voters on stores below it.
    func balanceLeaders(stores: inout StoreTier, nowUs: Int64, into effects: inout Effects) {
        let live = stores.nodes.indices.filter { stores.nodes[$0].isUp && !stores.nodes[$0].isDead }
        guard !live.isEmpty else { return }
        var leaders = [Int](repeating: 0, count: stores.count)
        for p in 0..<partitions { if let l = stores.leaders.tracks[p].leader { leaders[l.number - 1] += 1 } }
        let ceiling = (partitions + live.count - 1) / live.count
        let floor = partitions / live.count
        var transfers = 0
        for p in 0..<partitions {
            guard let (ls, node) = stores.leader(of: p),
                  leaders[ls] > ceiling || (leaders[ls] > floor && live.contains(where: { leaders[$0] < floor })) else { continue }
            let candidates = node.membership.voters.filter {
                $0 != node.id && stores.nodes[$0.number - 1].isUp && live.contains($0.number - 1)
            }
            guard let target = candidates.min(by: { (leaders[$0.number - 1], $0) < (leaders[$1.number - 1], $1) }),
                  leaders[target.number - 1] < floor || (leaders[ls] > ceiling && leaders[target.number - 1] < ceiling) else { continue }
            stores.nodes[ls].transferLeadership(partition: p, to: target, nowUs: nowUs, into: &effects)
            leaders[ls] -= 1
            leaders[target.number - 1] += 1
            transfers += 1
        }
        effects.log(.rebalance, "leader balance: \(transfers) leadership transfer\(transfers == 1 ? "" : "s") started")
    }
}
