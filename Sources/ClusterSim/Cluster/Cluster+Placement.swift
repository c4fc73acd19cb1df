/// The placement controller: declares long-dead stores dead and rebuilds their replicas, carries out replica
/// moves one membership change at a time, balances leaders, and removes replicas a partition no longer has.
extension Cluster {
    func placementTick() {
        schedule(.placementTick, afterUs: 100_000)
        declareDeadStores()
        repairDeadReplicas()
        // Each move is advanced on a copy: advancing drains replicas, which may count keys into `placement`.
        for move in placement.moves {
            var current = move
            let finished = advanceMove(&current)
            guard let i = placement.moves.firstIndex(where: { $0.partition == move.partition && $0.to == move.to }) else { continue }
            current.keysMoved = placement.moves[i].keysMoved
            if finished { placement.moves.remove(at: i) } else { placement.moves[i] = current }
        }
        if placement.leaderBalancePending && placement.moves.isEmpty {
            placement.leaderBalancePending = false
            balanceLeaders()
        }
        collectGarbage()
    }

    /// The up replica that leads partition `p`, if any.
    func leaderReplica(_ p: Int) -> (store: Int, node: Replica)? {
        guard let leader = partitionTracks[p].leader else { return nil }
        let s = leader.number - 1
        guard stores[s].up, let node = stores[s].replicas[p], node.role == .leader else { return nil }
        return (s, node)
    }

    /// The membership as the best-informed up replica sees it (the leader's when there is one).
    func membership(_ p: Int) -> Membership? {
        if let (_, node) = leaderReplica(p) { return node.membership }
        var best: Replica?
        for s in stores.indices where stores[s].up {
            guard let node = stores[s].replicas[p] else { continue }
            if best == nil || (node.term, node.lastIndex) > (best!.term, best!.lastIndex) { best = node }
        }
        if let best { return best.membership }
        for s in stores.indices {
            if let durable = stores[s].saved[p] { return durable.snapshot.membership }
        }
        return nil
    }

    /// Replicas a service may ask about partition `p`.
    func routingReplicas(partition p: Int) -> [NodeID] {
        membership(p)?.voters ?? []
    }

    private func declareDeadStores() {
        for s in stores.indices where !stores[s].up && !stores[s].dead {
            guard now.us - stores[s].downSinceUs >= config.storeDeadAfterMs * 1_000 else { continue }
            stores[s].dead = true
            let id = stores[s].id
            log(.node, "\(id) declared dead after \(config.storeDeadAfterMs / 1_000)s down; rebuilding its replicas")
            // Moves towards the dead store can never finish: roll them back.
            for i in placement.moves.indices where placement.moves[i].to == id && placement.moves[i].phase != .rollback {
                placement.moves[i].phase = .rollback
                log(.rebalance, "p\(placement.moves[i].partition): move to \(id) rolled back: \(id) is dead")
            }
        }
    }

    /// Every tick: a partition with no move in progress whose membership still names a dead store gets
    /// that replica replaced (a voter) or removed (a learner), so repairs are retried until they happen.
    private func repairDeadReplicas() {
        let dead = stores.filter(\.dead).map(\.id)
        guard !dead.isEmpty else { return }
        for p in 0..<config.partitions where !placement.hasMove(partition: p) {
            guard let m = membership(p) else { continue }
            if let learner = m.learners.first(where: { dead.contains($0) }) {
                var undo = Move(partition: p, from: nil, to: learner, startedUs: now.us, reason: "\(learner) dead")
                undo.phase = .rollback
                placement.moves.append(undo)
                continue
            }
            guard let voter = m.voters.first(where: { dead.contains($0) }),
                  let target = leastLoadedStore(excluding: m.voters + m.learners) else { continue }
            startMove(partition: p, from: voter, to: target, reason: "\(voter) dead")
        }
    }

    /// Replica counts per live store, counting moves in progress at their destination.
    func replicaLoad() -> [(store: NodeID, replicas: Int)] {
        var counts = [Int](repeating: 0, count: stores.count)
        for p in 0..<config.partitions {
            guard let m = membership(p) else { continue }
            for n in m.voters + m.learners where n.number <= stores.count { counts[n.number - 1] += 1 }
        }
        for move in placement.moves where move.phase == .addLearner { counts[move.to.number - 1] += 1 }
        return stores.indices.filter { stores[$0].up && !stores[$0].dead }.map { (stores[$0].id, counts[$0]) }
    }

    private func leastLoadedStore(excluding: [NodeID]) -> NodeID? {
        replicaLoad().filter { !excluding.contains($0.store) }
            .min { ($0.replicas, $0.store) < ($1.replicas, $1.store) }?.store
    }

    private func startMove(partition p: Int, from: NodeID?, to: NodeID, reason: String) {
        guard placement.moves.count < PlacementState.maxMoves else { return }
        placement.moves.append(Move(partition: p, from: from, to: to, startedUs: now.us, reason: reason))
        log(.rebalance, "p\(p): move \(from.map(\.description) ?? "-") -> \(to) planned (\(reason))")
    }

    /// One step of a move; true when it is finished (done or abandoned).
    private func advanceMove(_ move: inout Move) -> Bool {
        let p = move.partition
        let early = move.phase == .addLearner || move.phase == .catchUp
        let target = move.to.number - 1
        if early && (now.us - move.startedUs > PlacementState.moveTimeoutUs || !stores[target].up || stores[target].dead) {
            // Before `to` votes, giving up means undoing: take it out of the membership again.
            log(.rebalance, "p\(p): move to \(move.to) rolled back (\(stores[target].up ? "no progress in \(PlacementState.moveTimeoutUs / 1_000_000)s" : "\(move.to) is down"))")
            move.phase = .rollback
        }
        guard let (ls, leader) = leaderReplica(p) else { return false }
        let m = leader.membership
        switch move.phase {
        case .rollback:
            if m.contains(move.to) {
                if leader.id == move.to { return false }
                if case .accepted(let index, _) = stores[ls].replicas[p]!.propose(.change(.remove(move.to))) {
                    move.proposedIndex = index
                    drainReplica(store: ls, partition: p)
                }
                return false
            }
            guard leader.commitIndex >= move.proposedIndex else { return false }
            if move.to.number <= stores.count { stores[move.to.number - 1].dropReplica(partition: p) }
            log(.rebalance, "p\(p): \(move.to) taken out of the group again (\(move.reason))")
            return true
        case .addLearner:
            if m.learners.contains(move.to) || m.voters.contains(move.to) {
                move.phase = .catchUp
                return false
            }
            if stores[target].replicas[p] == nil {
                let fresh = RaftNode(joiningAsLearner: move.to, config: raftConfig,
                                     random: root.stream("raft/p\(p)/\(move.to)/learner\(now.us)"))
                stores[target].setReplica(fresh, partition: p)
            }
            if case .accepted(let index, _) = stores[ls].replicas[p]!.propose(.change(.addLearner(move.to))) {
                move.proposedIndex = index
                move.phase = .catchUp
                drainReplica(store: ls, partition: p)
            }
        case .catchUp:
            guard m.learners.contains(move.to) || m.voters.contains(move.to) else {
                move.phase = .addLearner
                return false
            }
            guard leader.commitIndex >= move.proposedIndex,
                  let progress = leader.progress.first(where: { $0.node == move.to }),
                  progress.matchIndex >= leader.commitIndex else { return false }
            if m.voters.contains(move.to) {
                move.phase = .promote
                return false
            }
            if case .accepted(let index, _) = stores[ls].replicas[p]!.propose(.change(.promote(move.to))) {
                move.proposedIndex = index
                move.phase = .promote
                log(.rebalance, "p\(p): \(move.to) caught up (\(move.keysMoved) keys by snapshot), promoting to voter")
                drainReplica(store: ls, partition: p)
            }
        case .promote:
            guard m.voters.contains(move.to) else {
                move.phase = .catchUp
                return false
            }
            guard leader.commitIndex >= move.proposedIndex else { return false }
            guard let from = move.from, m.voters.contains(from) || m.learners.contains(from) else {
                return finishMove(move)
            }
            if from == leader.id {
                // Hand leadership away before removing the old leader's replica: once per attempt (a transfer
                // blocks proposals while it runs), first to the newcomer, then to the other voters in turn.
                if let started = move.transferStartedUs, now.us - started < PlacementState.transferTimeoutUs { return false }
                let candidates = [move.to] + m.voters.filter { $0 != from && $0 != move.to && isUp($0) }
                let next = candidates[move.transferAttempts % candidates.count]
                move.transferAttempts += 1
                move.transferStartedUs = now.us
                stores[ls].replicas[p]!.transferLeadership(to: next)
                drainReplica(store: ls, partition: p)
                return false
            }
            if case .accepted(let index, _) = stores[ls].replicas[p]!.propose(.change(.remove(from))) {
                move.proposedIndex = index
                move.phase = .removeOld
                drainReplica(store: ls, partition: p)
            }
        case .removeOld:
            guard let from = move.from else { return finishMove(move) }
            if m.voters.contains(from) || m.learners.contains(from) {
                // Still a member although the removal's slot committed: the proposal was lost, propose again.
                if leader.commitIndex >= move.proposedIndex { move.phase = .promote }
                return false
            }
            guard leader.commitIndex >= move.proposedIndex else { return false }
            stores[from.number - 1].dropReplica(partition: p)
            return finishMove(move)
        }
        return false
    }

    private func finishMove(_ move: Move) -> Bool {
        placement.movesDone += 1
        log(.rebalance, "p\(move.partition): moved \(move.from.map(\.description) ?? "-") -> \(move.to), \(move.keysMoved) keys")
        return true
    }

    /// One rebalancing pass: even out replica counts over live stores, then even out leaders.
    func rebalancePass() -> String {
        var load = replicaLoad()
        guard load.count >= 1 else { return "no live stores" }
        var planned = 0
        var busy = Set(placement.moves.map(\.partition))
        while planned < 64 {
            load.sort { ($0.replicas, $0.store) < ($1.replicas, $1.store) }
            guard let low = load.first, let high = load.last, high.replicas - low.replicas > 1 else { break }
            // A partition on the busiest store that the idlest lacks; prefer one the busy store does not lead.
            var candidate: Int?
            for p in 0..<config.partitions where !busy.contains(p) && liveVoters(p) >= replicaTarget {
                guard let m = membership(p), m.voters.contains(high.store), !m.voters.contains(low.store),
                      !m.learners.contains(low.store) else { continue }
                if partitionTracks[p].leader != high.store { candidate = p; break }
                if candidate == nil { candidate = p }
            }
            guard let p = candidate else { break }
            startMove(partition: p, from: high.store, to: low.store, reason: "rebalance")
            busy.insert(p)
            planned += 1
            load[0].replicas += 1
            load[load.count - 1].replicas -= 1
        }
        placement.leaderBalancePending = true
        let text = "rebalance: \(planned) replica move\(planned == 1 ? "" : "s") planned; leaders balanced when moves finish"
        log(.rebalance, text)
        return text
    }

    /// Moves leadership from stores above the even share to voters on stores below it.
    func balanceLeaders() {
        let live = stores.indices.filter { stores[$0].up && !stores[$0].dead }
        guard !live.isEmpty else { return }
        var leaders = [Int](repeating: 0, count: stores.count)
        for p in 0..<config.partitions { if let l = partitionTracks[p].leader { leaders[l.number - 1] += 1 } }
        let ceiling = (config.partitions + live.count - 1) / live.count
        let floor = config.partitions / live.count
        var transfers = 0
        for p in 0..<config.partitions {
            guard let (ls, node) = leaderReplica(p), leaders[ls] > ceiling || (leaders[ls] > floor && live.contains(where: { leaders[$0] < floor })) else { continue }
            let candidates = node.membership.voters.filter { $0 != node.id && stores[$0.number - 1].up && live.contains($0.number - 1) }
            guard let target = candidates.min(by: { (leaders[$0.number - 1], $0) < (leaders[$1.number - 1], $1) }),
                  leaders[target.number - 1] < floor || (leaders[ls] > ceiling && leaders[target.number - 1] < ceiling) else { continue }
            stores[ls].replicas[p]!.transferLeadership(to: target)
            drainReplica(store: ls, partition: p)
            leaders[ls] -= 1
            leaders[target.number - 1] += 1
            transfers += 1
        }
        log(.rebalance, "leader balance: \(transfers) leadership transfer\(transfers == 1 ? "" : "s") started")
    }

    /// Drops replicas that their partition's membership no longer includes (after a move or a dead store returns).
    private func collectGarbage() {
        for s in stores.indices where stores[s].up {
            let id = stores[s].id
            for p in stores[s].partitionsHeld {
                guard let (_, leader) = leaderReplica(p), leader.id != id,
                      !placement.moves.contains(where: { $0.partition == p && ($0.to == id || $0.from == id) }) else { continue }
                let m = leader.membership
                if !m.voters.contains(id) && !m.learners.contains(id) {
                    stores[s].dropReplica(partition: p)
                    log(.rebalance, "p\(p): stale replica on \(id) removed")
                }
            }
        }
    }
}
