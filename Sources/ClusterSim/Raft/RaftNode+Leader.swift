/// The leader: proposals, feeding followers, counting acknowledgements, CheckQuorum (§5.3, §5.4.2).
extension RaftNode {
    mutating func becomeLeader() {
        role = .leader
        leaderID = id
        votes = [:]
        heartbeatElapsed = 0
        electionElapsed = 0
        transferTarget = nil
        peers = [:]
        for n in otherMembers { peers[n] = PeerProgress(next: log.lastIndex + 1) }
        // A noop of the new term lets the leader commit, and so learn, everything before it (§5.4.2, §8).
        appendAsLeader(.noop)
        broadcastAppend()
        maybeCommit()
    }

    /// Appends one entry of the current term to the leader's own log and adopts a membership change.
    @discardableResult
    mutating func appendAsLeader(_ command: RaftCommand) -> LogEntry {
        let entry = LogEntry(index: log.lastIndex + 1, term: term, command: command)
        log.append(entry)
        if case .change(let c) = command { adoptMembership(membership.applying(c)) }
        return entry
    }

    /// Puts `new` in force; on a leader, adds and drops peer progress to match.
    mutating func adoptMembership(_ new: Membership) {
        membership = new
        guard role == .leader else { return }
        for n in otherMembers where peers[n] == nil {
            // A brand-new replica starts at index 1, so it gets a snapshot of the applied state at once.
            peers[n] = PeerProgress(next: 1)
        }
        dropDepartedPeers()
        if let t = transferTarget, !membership.voters.contains(t) { transferTarget = nil }
    }

    /// Forgets replicas no longer in the group, except that a replica removed by a change not yet
    /// committed keeps getting the log, so it learns of its removal and stops campaigning.
    mutating func dropDepartedPeers() {
        let changeUncommitted = (log.lastChangeIndex() ?? 0) > commitIndex
        for n in peers.keys.sorted() where !membership.contains(n) {
            if changeUncommitted, let i = log.lastChangeIndex(), log.entry(at: i)?.command == .change(.remove(n)) { continue }
            peers[n] = nil
        }
    }

    /// Replicas the leader sends to, sorted: the members, plus one being removed until that commits.
    var replicationTargets: [NodeID] { peers.keys.sorted() }

    /// Asks the leader to append `command`; followers answer with the leader they know of.
    public mutating func propose(_ command: RaftCommand) -> ProposeResult {
        guard role == .leader else { return .notLeader(hint: leaderID) }
        if transferTarget != nil { return .rejected("leadership transfer in progress") }
        if case .change(let change) = command {
            if let pending = log.lastChangeIndex(), pending > commitIndex {
                return .rejected("another membership change is not yet committed")
            }
            // A leader must commit an entry of its own term before changing membership (thesis §4.1 fix).
            if log.term(at: commitIndex) != term { return .rejected("leader has not committed in its term yet") }
            if let why = membership.rejection(of: change) { return .rejected(why) }
        }
        let entry = appendAsLeader(command)
        if config.replicateOnPropose { broadcastAppend() }
        maybeCommit()
        return .accepted(index: entry.index, term: entry.term)
    }

    /// Switches between majority and all-voter commits at run time (the operator's replication mode);
    /// a leader re-counts at once, so loosening the quorum can commit waiting entries immediately.
    public mutating func setCommitQuorum(_ quorum: CommitQuorum) {
        config.commitQuorum = quorum
        if role == .leader { maybeCommit() }
    }

    /// Hands leadership to `target` (thesis §3.10): catch it up, then tell it to campaign at once.
    /// Proposals are refused meanwhile; the transfer is abandoned after an election timeout.
    public mutating func transferLeadership(to target: NodeID) {
        guard role == .leader, target != id, membership.voters.contains(target), peers[target] != nil else { return }
        transferTarget = target
        electionElapsed = 0
        if peers[target]!.match == log.lastIndex {
            send(to: target, .timeoutNow)
        } else {
            sendAppend(to: target)
        }
    }

    mutating func tickLeader() {
        heartbeatElapsed += 1
        electionElapsed += 1
        // Each peer's counters change independently of the others, so visiting them in the dictionary's own
        // order cannot change a result; it avoids sorting the keys on every tick of every leader.
        for index in peers.indices {
            peers.values[index].ticksSinceAck += 1
            if case .snapshot = peers.values[index].state {
                peers.values[index].snapshotWaitTicks += 1
                // The snapshot or its answer was lost: probe again, which sends a fresh one if still needed.
                if peers.values[index].snapshotWaitTicks >= config.electionTicksMin { peers.values[index].becomeProbe() }
            }
        }
        if electionElapsed >= config.electionTicksMin {
            electionElapsed = 0
            transferTarget = nil
        }
        if config.checkQuorum && !hasActiveQuorum() {
            becomeFollower(term: term, leader: nil)
            return
        }
        if heartbeatElapsed >= config.heartbeatTicks {
            heartbeatElapsed = 0
            broadcastHeartbeat(context: readContextSeq)
        }
    }

    /// Whether a quorum of voters (this one included) answered within the minimum election timeout.
    func hasActiveQuorum() -> Bool {
        var active = 0
        for v in membership.voters where v == id || (peers[v].map { $0.ticksSinceAck < config.electionTicksMin } ?? false) {
            active += 1
        }
        return active >= quorumSize
    }

    mutating func broadcastAppend() {
        for n in replicationTargets { sendAppend(to: n) }
    }

    mutating func broadcastHeartbeat(context: UInt64) {
        for n in replicationTargets {
            guard let pr = peers[n] else { continue }
            if pr.state == .probe { peers[n]!.probeSent = false }
            send(to: n, .heartbeat(commit: min(pr.match, commitIndex), context: context))
        }
    }

    /// Sends `peer` the entries it lacks (or a snapshot), unless its flow control says wait. With
    /// `allowEmpty`, a replicating peer with nothing new still gets an empty append at `next - 1`,
    /// which it rejects if an earlier append was lost (so the leader falls back to probing).
    mutating func sendAppend(to peer: NodeID, allowEmpty: Bool = false) {
        guard var pr = peers[peer] else { return }
        defer { peers[peer] = pr }
        switch pr.state {
        case .snapshot: return
        case .probe: if pr.probeSent { return }
        case .replicate: if pr.inflight.count >= config.maxInflightAppends { return }
        }
        // Entries compacted away, or a replica with nothing at all: send the applied state as a fresh
        // snapshot (keys moved are counted from it). With nothing applied yet it still carries the base
        // membership, which an empty joiner needs before it can take entries.
        if pr.next <= log.snapshotIndex || (pr.match == 0 && pr.next == 1 && (appliedIndex > 0 || !pr.baseSnapshotSent)) {
            let snap = RaftSnapshot(index: appliedIndex, term: log.term(at: appliedIndex)!,
                                    membership: appliedMembership, kv: [:])
            send(to: peer, .snapshot(snap))
            pr.state = .snapshot(index: snap.index)
            pr.snapshotWaitTicks = 0
            pr.baseSnapshotSent = true
            return
        }
        let entries = log.entries(from: pr.next, maxCount: config.maxEntriesPerAppend)
        if pr.state == .replicate && entries.isEmpty && !allowEmpty { return }
        let prev = pr.next - 1
        send(to: peer, .append(prevIndex: prev, prevTerm: log.term(at: prev)!, entries: entries, commit: commitIndex))
        switch pr.state {
        case .probe:
            pr.probeSent = true
        case .replicate:
            if let last = entries.last?.index {
                pr.next = last + 1
                pr.inflight.append(last)
            }
        case .snapshot:
            break
        }
    }

    mutating func stepLeader(_ m: RaftMessage) {
        guard peers[m.from] != nil else { return }
        peers[m.from]!.ticksSinceAck = 0
        switch m.kind {
        case .appendResponse(let index, let reject):
            if let hint = reject {
                handleReject(from: m.from, rejectedIndex: index, hint: hint)
            } else {
                handleAccept(from: m.from, index: index)
            }
        case .heartbeatResponse(let context):
            if context > peers[m.from]!.ackedContext {
                peers[m.from]!.ackedContext = context
                confirmReads()
            }
            // A lost append can leave the window full; free a slot so the stream restarts.
            if peers[m.from]!.state == .replicate, peers[m.from]!.inflight.count >= config.maxInflightAppends {
                peers[m.from]!.inflight.removeFirst()
            }
            if peers[m.from]!.match < log.lastIndex { sendAppend(to: m.from, allowEmpty: true) }
        default:
            break
        }
    }

    mutating func handleAccept(from peer: NodeID, index: Int) {
        peers[peer]!.acknowledge(index)
        switch peers[peer]!.state {
        case .probe:
            peers[peer]!.becomeReplicate()
        case .snapshot(let snapIndex):
            if peers[peer]!.match >= snapIndex { peers[peer]!.becomeReplicate() }
        case .replicate:
            break
        }
        if maybeCommit() && role != .leader { return }
        if transferTarget == peer && peers[peer]!.match == log.lastIndex {
            send(to: peer, .timeoutNow)
        }
        while peers[peer] != nil, peers[peer]!.match < log.lastIndex, peers[peer]!.state == .replicate {
            let before = peers[peer]!.next
            sendAppend(to: peer)
            if peers[peer]?.next == before { break }
        }
        if let pr = peers[peer], pr.state != .replicate, pr.match < log.lastIndex { sendAppend(to: peer) }
    }

    /// Backs `next` up using the follower's hint, skipping a whole term at a time (lab 6.5840 / thesis §5.3).
    mutating func handleReject(from peer: NodeID, rejectedIndex: Int, hint: RejectHint) {
        var pr = peers[peer]!
        switch pr.state {
        case .replicate:
            if rejectedIndex <= pr.match { return }  // stale
        case .probe:
            if rejectedIndex != pr.next - 1 { return }  // stale
        case .snapshot:
            return
        }
        var next: Int
        if let ct = hint.conflictTerm {
            if let last = log.lastIndex(ofTerm: ct, atOrBelow: rejectedIndex) {
                next = last + 1
            } else {
                next = hint.conflictTermFirstIndex
            }
        } else {
            next = hint.lastIndex + 1
        }
        next = max(pr.match + 1, min(next, rejectedIndex))
        pr.state = .probe
        pr.probeSent = false
        pr.inflight = []
        pr.next = next
        peers[peer] = pr
        sendAppend(to: peer)
    }

    /// Advances the commit index to the highest entry of this term held by the commit quorum (Figure 8).
    /// Returns true if it moved.
    @discardableResult
    mutating func maybeCommit() -> Bool {
        let matches = membership.voters.map { v in v == id ? log.lastIndex : (peers[v]?.match ?? 0) }.sorted(by: >)
        guard !matches.isEmpty else { return false }
        let candidate: Int
        switch config.commitQuorum {
        case .majority: candidate = matches[quorumSize - 1]
        case .allVoters: candidate = matches.last!
        }
        guard candidate > commitIndex, log.term(at: candidate) == term else { return false }
        let hadCommittedInTerm = log.term(at: commitIndex) == term
        commitIndex = candidate
        applyCommitted()
        if !hadCommittedInTerm { startDeferredReads() }
        dropDepartedPeers()
        // A leader that removed itself steps down once the change is committed (thesis §4.2.2).
        if !membership.contains(id), (log.lastChangeIndex() ?? 0) <= commitIndex {
            becomeFollower(term: term, leader: nil)
        }
        return true
    }
}
