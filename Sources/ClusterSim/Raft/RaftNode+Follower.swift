/// The follower: accepting appends, heartbeats and snapshots from the leader of its term (§5.3, §7).
extension RaftNode {
    mutating func stepFollower(_ m: RaftMessage) {
        switch m.kind {
        case .append(let prevIndex, let prevTerm, let entries, let commit):
            heardFromLeader(m.from)
            handleAppend(from: m.from, prevIndex: prevIndex, prevTerm: prevTerm, entries: entries, commit: commit)
        case .heartbeat(let commit, let context):
            heardFromLeader(m.from)
            // The leader sends at most what it knows we hold, so this never commits an unverified entry.
            advanceCommit(to: min(commit, log.lastIndex))
            send(to: m.from, .heartbeatResponse(context: context))
        case .snapshot(let snap):
            heardFromLeader(m.from)
            handleSnapshot(from: m.from, snap)
        case .timeoutNow:
            // Leadership transfer: campaign at once, without PreVote, past any lease (thesis §3.10).
            if isVoter { becomeCandidate(transfer: true) }
        default:
            break
        }
    }

    mutating func heardFromLeader(_ leader: NodeID) {
        leaderID = leader
        restartElectionTimer()
    }

    mutating func handleAppend(from leader: NodeID, prevIndex: Int, prevTerm: Int, entries: [LogEntry], commit: Int) {
        // A replica that joined empty has no base membership: the log's changes are deltas from a
        // configuration it never saw. Refuse entries until a snapshot gives it one.
        if log.snapshot.membership.voters.isEmpty {
            send(to: leader, .appendResponse(index: prevIndex, reject: RejectHint(lastIndex: 0, conflictTerm: nil, conflictTermFirstIndex: 1)))
            return
        }
        if prevIndex < commitIndex {
            // Everything up to our commit index already matches the leader's log (Log Matching).
            send(to: leader, .appendResponse(index: commitIndex, reject: nil))
            return
        }
        guard log.term(at: prevIndex) == prevTerm else {
            let hint: RejectHint
            if prevIndex > log.lastIndex {
                hint = RejectHint(lastIndex: log.lastIndex, conflictTerm: nil, conflictTermFirstIndex: log.lastIndex + 1)
            } else {
                let first = max(log.firstIndex(ofTermAt: prevIndex), commitIndex + 1)
                hint = RejectHint(lastIndex: log.lastIndex, conflictTerm: log.term(at: prevIndex), conflictTermFirstIndex: first)
            }
            send(to: leader, .appendResponse(index: prevIndex, reject: hint))
            return
        }
        var membershipChanged = false
        for e in entries {
            if let existing = log.term(at: e.index) {
                if existing == e.term { continue }
                precondition(e.index > commitIndex, "a committed entry would be overwritten")
                if log.truncate(from: e.index) { membershipChanged = true }
            }
            log.append(e)
            if case .change = e.command { membershipChanged = true }
        }
        if membershipChanged { adoptMembership(log.latestMembership()) }
        let lastNew = prevIndex + entries.count
        advanceCommit(to: min(commit, lastNew))
        send(to: leader, .appendResponse(index: lastNew, reject: nil))
    }

    mutating func advanceCommit(to index: Int) {
        guard index > commitIndex else { return }
        commitIndex = index
        applyCommitted()
    }

    mutating func handleSnapshot(from leader: NodeID, _ snap: RaftSnapshot) {
        let hasBase = !log.snapshot.membership.voters.isEmpty
        if snap.index <= commitIndex && hasBase {
            send(to: leader, .appendResponse(index: commitIndex, reject: nil))
            return
        }
        if hasBase && log.term(at: snap.index) == snap.term {
            // We hold the entry: keep the log and just learn the commit (etcd does the same).
            advanceCommit(to: snap.index)
        } else {
            log.restore(snap.withoutData)
            commitIndex = snap.index
            appliedIndex = snap.index
            appliedMembership = snap.membership
            adoptMembership(snap.membership)
            ready.snapshotInstalled = snap
        }
        send(to: leader, .appendResponse(index: snap.index, reject: nil))
    }
}
