/// Handing committed entries to the host's state machine, compacting the log, and ReadIndex (thesis §6.4).
extension RaftNode {
    /// Hands every committed entry not yet applied to the host, then compacts and releases reads that
    /// waited. Raft itself tracks only membership changes; the compaction snapshot's data is the host's.
    mutating func applyCommitted() {
        while appliedIndex < commitIndex {
            let e = log.entry(at: appliedIndex + 1)!
            switch e.command {
            case .noop, .put: break
            case .change(let c): appliedMembership = appliedMembership.applying(c)
            }
            appliedIndex = e.index
            ready.applied.append(e)
        }
        if appliedIndex - log.snapshotIndex > config.compactAfterEntries {
            log.compact(to: RaftSnapshot(index: appliedIndex, term: log.term(at: appliedIndex)!,
                                         membership: appliedMembership, kv: [:]))
        }
        releaseReads()
    }

    /// Asks for a linearizable read. Returns false unless leader with room in the queue; the answer comes
    /// later in `RaftReady.readsReady` (or `readsDropped` if leadership is lost first).
    public mutating func requestRead(id readID: UInt64) -> Bool {
        guard role == .leader, pendingReads.count < config.maxPendingReads else { return false }
        if log.term(at: commitIndex) == term {
            pendingReads.append(PendingRead(id: readID, index: commitIndex, context: nextReadContext(), confirmed: false))
            confirmReads()
            broadcastHeartbeat(context: readContextSeq)
        } else {
            // Until an entry of this term commits, the leader's commit index may be stale (§6.4 step 1).
            pendingReads.append(PendingRead(id: readID, index: nil, context: 0, confirmed: false))
        }
        return true
    }

    mutating func nextReadContext() -> UInt64 {
        readContextSeq += 1
        return readContextSeq
    }

    /// Gives reads that waited for this term's first commit their read index and a heartbeat round.
    mutating func startDeferredReads() {
        guard pendingReads.contains(where: { $0.index == nil }) else { return }
        let context = nextReadContext()
        for i in pendingReads.indices where pendingReads[i].index == nil {
            pendingReads[i].index = commitIndex
            pendingReads[i].context = context
        }
        confirmReads()
        broadcastHeartbeat(context: context)
    }

    /// Marks reads whose heartbeat round a quorum of voters answered (a later round confirms earlier ones).
    mutating func confirmReads() {
        guard role == .leader else { return }
        for i in pendingReads.indices where !pendingReads[i].confirmed && pendingReads[i].index != nil {
            let ctx = pendingReads[i].context
            let acks = membership.voters.filter { v in v == id || (peers[v]?.ackedContext ?? 0) >= ctx }.count
            if acks >= quorumSize { pendingReads[i].confirmed = true }
        }
        releaseReads()
    }

    /// Hands over, in order, confirmed reads whose index has been applied.
    mutating func releaseReads() {
        while let first = pendingReads.first, first.confirmed, let index = first.index, index <= appliedIndex {
            ready.readsReady.append((id: first.id, index: index))
            pendingReads.removeFirst()
        }
    }
}
