/// The cluster-wide invariant checker: watches every replica's applied entries, every election and every
/// acknowledged write, and counts violations as they happen.
///
/// It keeps, per partition, the one committed log the cluster has agreed on (the term of each index), so
/// a replica applying a different entry at an index is caught at once. Memory is bounded by elections,
/// not writes: the committed terms are kept as runs (`CommittedTermRuns`), and the cluster tells the
/// checker once a second, through `forgetHorizon`, which prefix no replica can ever apply again and
/// which terms can no longer gain a leader, so those are dropped without weakening any check.
struct ClusterChecker {
    /// Term of each committed index, per partition.
    private var committed: [CommittedTermRuns]
    /// Acknowledged writes whose slot is not yet in the committed log, per partition, in index order.
    private var unconfirmedAcks: [[(index: Int, term: Int)]]
    /// The leader seen in each term, per partition.
    private var leaders: [TermLeaders]
    private(set) var electionSafetyViolations = 0
    /// Distinct (partition, term) leaderships seen: how much the run exercised elections.
    private(set) var electionsSeen = 0
    private(set) var committedEntryChanges = 0
    private(set) var acknowledgedWritesLost = 0
    private(set) var acknowledgedWrites = 0
    private(set) var firstProblem: String?

    /// Latest acknowledged write per key, and when each write value was issued and completed, for stale reads.
    private var lastAckedWrite: [Int: (value: Int, invokeUs: Int64, completeUs: Int64)] = [:]
    private var writeCompletedUs: [Int: Int64] = [:]
    /// Completed writes in completion order, so entries older than `staleWindowUs` can be forgotten.
    private var completedOrder: [(value: Int, completeUs: Int64)] = []
    private var completedOrderStart = 0
    private(set) var staleReads = 0
    /// How long a write's completion time is remembered; a cached value older than this that is not the
    /// latest write is no longer judged (the cache's TTL is 30 s, so such answers are rare).
    static let staleWindowUs: Int64 = 120_000_000

    init(partitions: Int) {
        committed = Array(repeating: CommittedTermRuns(), count: partitions)
        unconfirmedAcks = Array(repeating: [], count: partitions)
        leaders = Array(repeating: TermLeaders(), count: partitions)
    }

    /// Runs of committed terms held for partition `p`, terms remembered with their leader, and the
    /// index up to which committed terms were forgotten.
    func memoryHeld(partition p: Int) -> (termRuns: Int, leaderTerms: Int, forgottenThrough: Int) {
        (committed[p].runCount, leaders[p].count, committed[p].forgottenThrough)
    }

    /// Returns a description of the violation when a second leader claims a term.
    mutating func leaderElected(partition p: Int, term: Int, leader: NodeID) -> String? {
        switch leaders[p].record(term: term, leader: leader) {
        case .first:
            electionsSeen += 1
            return nil
        case .repeated, .beyondWindow:
            return nil
        case .secondLeader(let existing):
            electionSafetyViolations += 1
            let text = "election safety violated: p\(p) term \(term) has leaders \(existing) and \(leader)"
            if firstProblem == nil { firstProblem = text }
            return text
        }
    }

    /// A replica applied (so the cluster committed) the entry at `index` with `term`.
    mutating func entryApplied(partition p: Int, index: Int, term: Int, by node: NodeID) {
        assert(index > committed[p].forgottenThrough,
               "p\(p): \(node) applied index \(index), below the horizon \(committed[p].forgottenThrough)")
        let known = committed[p].lastIndex
        if index <= known {
            if let agreed = committed[p].term(at: index), agreed != term {
                committedEntryChanges += 1
                if firstProblem == nil {
                    firstProblem = "committed entry changed: p\(p) index \(index) was term \(agreed), \(node) applied term \(term)"
                }
            }
            return
        }
        guard index == known + 1 else { return }  // beyond a snapshot gap: learned when the prefix arrives
        committed[p].append(term: term)
        resolveAcks(partition: p)
    }

    /// The store told a caller this write is done; it must be in the committed log at (index, term).
    mutating func writeAcknowledged(partition p: Int, index: Int, term: Int) {
        assert(index > committed[p].forgottenThrough, "p\(p): write acknowledged at index \(index), below the horizon")
        acknowledgedWrites += 1
        unconfirmedAcks[p].append((index, term))
        if unconfirmedAcks[p].count > 1, unconfirmedAcks[p][unconfirmedAcks[p].count - 2].index > index {
            unconfirmedAcks[p].sort { $0.index < $1.index }
        }
        resolveAcks(partition: p)
    }

    /// What the cluster knows of partition `p`'s replicas, running or down: the lowest snapshot index
    /// (no replica applies an index at or below its snapshot, and snapshots only move forward) and the
    /// lowest current term (no replica becomes leader of a term it has passed). Everything below is
    /// dropped; replicas created later get their log from a leader, past its snapshot.
    mutating func forgetHorizon(partition p: Int, lowestSnapshotIndex: Int, lowestTerm: Int) {
        committed[p].forget(through: lowestSnapshotIndex)
        leaders[p].forget(below: lowestTerm)
    }

    private mutating func resolveAcks(partition p: Int) {
        let known = committed[p].lastIndex
        while let first = unconfirmedAcks[p].first, first.index <= known {
            unconfirmedAcks[p].removeFirst()
            guard let agreed = committed[p].term(at: first.index), agreed != first.term else { continue }
            acknowledgedWritesLost += 1
            if firstProblem == nil {
                firstProblem = "acknowledged write lost: p\(p) index \(first.index) term \(first.term) was replaced by term \(agreed)"
            }
        }
    }

    // MARK: stale reads from the cache

    mutating func writeCompleted(key: Int, value: Int, invokeUs: Int64, completeUs: Int64) {
        writeCompletedUs[value] = completeUs
        completedOrder.append((value, completeUs))
        while completedOrderStart < completedOrder.count,
              completedOrder[completedOrderStart].completeUs < completeUs - ClusterChecker.staleWindowUs {
            writeCompletedUs[completedOrder[completedOrderStart].value] = nil
            completedOrderStart += 1
        }
        if completedOrderStart > 4_096 && completedOrderStart * 2 > completedOrder.count {
            completedOrder.removeFirst(completedOrderStart)
            completedOrderStart = 0
        }
        if let last = lastAckedWrite[key], last.invokeUs > invokeUs { return }
        lastAckedWrite[key] = (value, invokeUs, completeUs)
    }

    /// A read answered by the cache is stale when the value it returned was overwritten by a write that
    /// completed before the read began (so no linearization could place the read there).
    mutating func noteCachedRead(key: Int, value: Int?, invokeUs: Int64) {
        // Only a write that had completed before the read began makes an older answer stale; one that
        // overlapped the read may linearize after it.
        guard let last = lastAckedWrite[key], last.value != value, last.completeUs < invokeUs else { return }
        if let value, let completed = writeCompletedUs[value], completed >= last.invokeUs { return }
        if value != nil && writeCompletedUs[value!] == nil { return }
        staleReads += 1
    }
}
