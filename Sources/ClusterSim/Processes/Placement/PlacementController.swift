/// The placement controller as a process: on its timer it declares long-dead stores dead and rebuilds their
/// replicas, advances replica moves one membership change at a time, balances leaders once a rebalance's
/// moves are done, and removes replicas a partition no longer has. Rebalancing passes are in
/// `PlacementController+Rebalance.swift`.
///
/// It drives the stores' replicas synchronously through `StoreTier` (a control plane, not messages), and
/// learns the keys each move shipped from the stores' `snapshotSent` facts, delivered between its steps.
struct PlacementController {
    static let tickUs: Int64 = 100_000

    private(set) var moves: [Move] = []
    private(set) var movesDone = 0
    private(set) var keysMoved = 0
    /// A rebalance pass asked for leader balancing once its replica moves finish.
    var leaderBalancePending = false
    let partitions: Int
    /// Replicas each partition should have: the configured count, or every store when there are fewer.
    let replicaTarget: Int
    let storeDeadAfterMs: Int64

    init(config: ClusterConfig) {
        partitions = config.partitions
        replicaTarget = min(config.replicas, config.stores)
        storeDeadAfterMs = config.storeDeadAfterMs
    }

    func hasMove(partition p: Int) -> Bool { moves.contains { $0.partition == p } }

    /// Counts keys shipped to a move's new replica.
    mutating func snapshotSent(partition p: Int, to node: NodeID, keys: Int) {
        guard let i = moves.firstIndex(where: { $0.partition == p && $0.to == node }) else { return }
        moves[i].keysMoved += keys
        keysMoved += keys
    }

    mutating func tick(stores: inout StoreTier, nowUs: Int64, into effects: inout Effects) {
        effects.setTimer(afterUs: PlacementController.tickUs, .placementTick)
        declareDeadStores(stores: &stores, nowUs: nowUs, into: &effects)
        repairDeadReplicas(stores: stores, nowUs: nowUs, into: &effects)
        var i = 0
        while i < moves.count {
            switch moves[i].advance(stores: &stores, nowUs: nowUs, into: &effects) {
            case .inProgress:
                i += 1
            case .rolledBack:
                moves.remove(at: i)
            case .done:
                let move = moves.remove(at: i)
                movesDone += 1
                effects.log(.rebalance, "p\(move.partition): moved \(move.from.map(\.description) ?? "-") -> \(move.to), \(move.keysMoved) keys")
            }
        }
        if leaderBalancePending && moves.isEmpty {
            leaderBalancePending = false
            balanceLeaders(stores: &stores, nowUs: nowUs, into: &effects)
        }
        collectGarbage(stores: &stores, into: &effects)
    }

    private mutating func declareDeadStores(stores: inout StoreTier, nowUs: Int64, into effects: inout Effects) {
        for s in stores.nodes.indices where !stores.nodes[s].isUp && !stores.nodes[s].isDead {
            guard nowUs - stores.nodes[s].downSinceUs >= storeDeadAfterMs * 1_000 else { continue }
            stores.nodes[s].markDead()
            let id = stores.nodes[s].id
            effects.log(.node, "\(id) declared dead after \(storeDeadAfterMs / 1_000)s down; rebuilding its replicas")
            // Moves towards the dead store can never finish: roll them back.
            for i in moves.indices where moves[i].to == id && moves[i].phase != .rollback {
                moves[i].phase = .rollback
                effects.log(.rebalance, "p\(moves[i].partition): move to \(id) rolled back: \(id) is dead")
            }
        }
    }

    /// Every tick: a partition with no move in progress whose membership still names a dead store gets
    /// that replica replaced (a voter) or removed (a learner), so repairs are retried until they happen.
    private mutating func repairDeadReplicas(stores: StoreTier, nowUs: Int64, into effects: inout Effects) {
        let dead = stores.nodes.filter(\.isDead).map(\.id)
        guard !dead.isEmpty else { return }
        for p in 0..<partitions where !hasMove(partition: p) {
            guard let m = stores.membership(of: p) else { continue }
            if let learner = m.learners.first(where: { dead.contains($0) }) {
                var undo = Move(partition: p, from: nil, to: learner, startedUs: nowUs, reason: "\(learner) dead")
                undo.phase = .rollback
                moves.append(undo)
                continue
            }
            guard let voter = m.voters.first(where: { dead.contains($0) }),
                  let target = leastLoadedStore(stores: stores, excluding: m.voters + m.learners) else { continue }
            startMove(partition: p, from: voter, to: target, reason: "\(voter) dead", nowUs: nowUs, into: &effects)
        }
    }

    /// Replica counts per live store, counting moves in progress at their destination.
    func replicaLoad(stores: StoreTier) -> [(store: NodeID, replicas: Int)] {
        var counts = [Int](repeating: 0, count: stores.count)
        for p in 0..<partitions {
            guard let m = stores.membership(of: p) else { continue }
            for n in m.all where n.number <= stores.count { counts[n.number - 1] += 1 }
        }
        for move in moves where move.phase == .addLearner { counts[move.to.number - 1] += 1 }
        return stores.nodes.indices.filter { stores.nodes[$0].isUp && !stores.nodes[$0].isDead }
            .map { (stores.nodes[$0].id, counts[$0]) }
    }

    private func leastLoadedStore(stores: StoreTier, excluding: [NodeID]) -> NodeID? {
        replicaLoad(stores: stores).filter { !excluding.contains($0.store) }
            .min { ($0.replicas, $0.store) < ($1.replicas, $1.store) }?.store
    }

    mutating func startMove(partition p: Int, from: NodeID?, to: NodeID, reason: String, nowUs: Int64,
                            into effects: inout Effects) {
        guard moves.count < ClusterLimits.placementMovesMax else { return }
        precondition(!hasMove(partition: p), "p\(p) already has a move: moves of one partition would race")
        moves.append(Move(partition: p, from: from, to: to, startedUs: nowUs, reason: reason))
        effects.log(.rebalance, "p\(p): move \(from.map(\.description) ?? "-") -> \(to) planned (\(reason))")
    }

    /// Drops replicas that their partition's membership no longer includes (after a move or a dead store returns).
    private func collectGarbage(stores: inout StoreTier, into effects: inout Effects) {
        for s in stores.nodes.indices where stores.nodes[s].isUp {
            let id = stores.nodes[s].id
            for p in stores.nodes[s].partitionsHeld {
                guard let (_, leader) = stores.leader(of: p), leader.id != id,
                      !moves.contains(where: { $0.partition == p && ($0.to == id || $0.from == id) }) else { continue }
                if !leader.membership.contains(id) {
                    stores.nodes[s].dropReplica(partition: p)
                    effects.log(.rebalance, "p\(p): stale replica on \(id) removed")
                }
            }
        }
    }
}
