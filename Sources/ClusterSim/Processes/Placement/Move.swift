/// One replica move as a small state machine: add `to` as a learner, let it catch up from a snapshot,
/// promote it, then remove `from`. A move given up before `to` votes is rolled back: `to` is removed again,
/// so nothing is left half-done. Each placement tick advances it by at most one step.
struct Move {
    enum Phase: String {
        case addLearner, catchUp, promote, removeOld
        /// Undo: remove `to` from the membership (it never became a voter), then drop its replica.
        case rollback
    }

    /// Where a move stands after one step.
    enum Progress {
        case inProgress
        /// Taken back out of the group; nothing moved.
        case rolledBack
        /// `to` votes and `from` is gone.
        case done
    }

    /// Before `to` votes, a move making no progress for this long is rolled back.
    static let timeoutUs: Int64 = 60_000_000
    /// A leadership transfer not done after this long is retried, towards another voter.
    static let transferTimeoutUs: Int64 = 600_000

    var partition: Int
    /// The replica to remove once the new one votes; nil when only adding (repairs of a dead learner).
    var from: NodeID?
    var to: NodeID
    var phase: Phase = .addLearner
    var proposedIndex = 0
    var startedUs: Int64
    var reason: String
    var keysMoved = 0
    /// Leadership transfers tried while `from` leads, and when the latest one started.
    var transferAttempts = 0
    var transferStartedUs: Int64?

    init(partition: Int, from: NodeID?, to: NodeID, startedUs: Int64, reason: String) {
        self.partition = partition
        self.from = from
        self.to = to
        self.startedUs = startedUs
        self.reason = reason
    }

    /// One step of the move, driving the partition's leader through `stores`.
    mutating func advance(stores: inout StoreTier, nowUs: Int64, into effects: inout Effects) -> Progress {
        let early = phase == .addLearner || phase == .catchUp
        let target = to.number - 1
        if early && (nowUs - startedUs > Move.timeoutUs || !stores.nodes[target].isUp || stores.nodes[target].isDead) {
            // Before `to` votes, giving up means undoing: take it out of the membership again.
            let why = stores.nodes[target].isUp ? "no progress in \(Move.timeoutUs / 1_000_000)s" : "\(to) is down"
            effects.log(.rebalance, "p\(partition): move to \(to) rolled back (\(why))")
            phase = .rollback
        }
        guard let (ls, leader) = stores.leader(of: partition) else { return .inProgress }
        switch phase {
        case .rollback: return rollBack(leaderStore: ls, leader: leader, stores: &stores, nowUs: nowUs, into: &effects)
        case .addLearner: addLearner(leaderStore: ls, leader: leader, stores: &stores, nowUs: nowUs, into: &effects)
        case .catchUp: catchUp(leaderStore: ls, leader: leader, stores: &stores, nowUs: nowUs, into: &effects)
        case .promote: return promote(leaderStore: ls, leader: leader, stores: &stores, nowUs: nowUs, into: &effects)
        case .removeOld: return removeOld(leader: leader, stores: &stores)
        }
        return .inProgress
    }

    private mutating func rollBack(leaderStore ls: Int, leader: ReplicaView, stores: inout StoreTier, nowUs: Int64,
                                   into effects: inout Effects) -> Progress {
        if leader.membership.contains(to) {
            if leader.id == to { return .inProgress }
            if let index = stores.nodes[ls].propose(.remove(to), partition: partition, nowUs: nowUs, into: &effects) { proposedIndex = index }
            return .inProgress
        }
        guard leader.commitIndex >= proposedIndex else { return .inProgress }
        if to.number <= stores.count { stores.nodes[to.number - 1].dropReplica(partition: partition) }
        effects.log(.rebalance, "p\(partition): \(to) taken out of the group again (\(reason))")
        return .rolledBack
    }

    private mutating func addLearner(leaderStore ls: Int, leader: ReplicaView, stores: inout StoreTier, nowUs: Int64,
                                     into effects: inout Effects) {
        if leader.membership.contains(to) {
            phase = .catchUp
            return
        }
        stores.nodes[to.number - 1].createLearner(partition: partition, nowUs: nowUs)
        if let index = stores.nodes[ls].propose(.addLearner(to), partition: partition, nowUs: nowUs, into: &effects) {
            proposedIndex = index
            phase = .catchUp
        }
    }

    private mutating func catchUp(leaderStore ls: Int, leader: ReplicaView, stores: inout StoreTier, nowUs: Int64,
                                  into effects: inout Effects) {
        let m = leader.membership
        guard m.contains(to) else {
            phase = .addLearner
            return
        }
        guard leader.commitIndex >= proposedIndex,
              let progress = leader.progress.first(where: { $0.node == to }),
              progress.matchIndex >= leader.commitIndex else { return }
        if m.voters.contains(to) {
            phase = .promote
            return
        }
        // The line goes out before the change's own effects, as the operator would read it.
        let line = "p\(partition): \(to) caught up (\(keysMoved) keys by snapshot), promoting to voter"
        var proposal = Effects()
        if let index = stores.nodes[ls].propose(.promote(to), partition: partition, nowUs: nowUs, into: &proposal) {
            proposedIndex = index
            phase = .promote
            effects.log(.rebalance, line)
            effects.append(contentsOf: proposal)
        }
    }

    private mutating func promote(leaderStore ls: Int, leader: ReplicaView, stores: inout StoreTier, nowUs: Int64,
                                  into effects: inout Effects) -> Progress {
        let m = leader.membership
        guard m.voters.contains(to) else {
            phase = .catchUp
            return .inProgress
        }
        guard leader.commitIndex >= proposedIndex else { return .inProgress }
        guard let from, m.contains(from) else { return .done }
        if from == leader.id {
            // Hand leadership away before removing the old leader's replica: once per attempt (a transfer
            // blocks proposals while it runs), first to the newcomer, then to the other voters in turn.
            if let started = transferStartedUs, nowUs - started < Move.transferTimeoutUs { return .inProgress }
            let candidates = [to] + m.voters.filter { $0 != from && $0 != to && stores.isUp($0) }
            let next = candidates[transferAttempts % candidates.count]
            transferAttempts += 1
            transferStartedUs = nowUs
            stores.nodes[ls].transferLeadership(partition: partition, to: next, nowUs: nowUs, into: &effects)
            return .inProgress
        }
        if let index = stores.nodes[ls].propose(.remove(from), partition: partition, nowUs: nowUs, into: &effects) {
            proposedIndex = index
            phase = .removeOld
        }
        return .inProgress
    }

    private mutating func removeOld(leader: ReplicaView, stores: inout StoreTier) -> Progress {
        guard let from else { return .done }
        if leader.membership.contains(from) {
            // Still a member although the removal's slot committed: the proposal was lost, propose again.
            if leader.commitIndex >= proposedIndex { phase = .promote }
            return .inProgress
        }
        guard leader.commitIndex >= proposedIndex else { return .inProgress }
        stores.nodes[from.number - 1].dropReplica(partition: partition)
        return .done
    }
}
