/// A replica's disk: the term and vote, the snapshot and the log entries after it, exactly as the host
/// persisted them from each `RaftReady` (etcd's `MemoryStorage`). What a crash leaves is what is here.
///
/// The disk is instant today: a ready is persisted the moment it is drained, before its messages go out.
/// The finite-capacity step gives it an fsync latency with group commit; a ready's messages then wait for
/// their fsync, and a crash loses whatever was not yet synced.
struct RaftStorage {
    private(set) var hardState: RaftHardState
    private(set) var snapshot: RaftSnapshot
    private(set) var entries: [LogEntry]

    init(_ durable: RaftDurableState) {
        hardState = RaftHardState(term: durable.term, votedFor: durable.votedFor)
        snapshot = durable.snapshot
        entries = durable.entries
    }

    /// What survives a crash.
    var durable: RaftDurableState {
        RaftDurableState(term: hardState.term, votedFor: hardState.votedFor, snapshot: snapshot, entries: entries)
    }

    /// Whether this disk holds `durable`'s term, vote and log (the snapshot's data aside, which Raft leaves
    /// to the host).
    func holds(_ durable: RaftDurableState) -> Bool {
        let mine = self.durable
        return mine.term == durable.term && mine.votedFor == durable.votedFor && mine.entries == durable.entries
            && mine.snapshot.withoutData == durable.snapshot.withoutData
    }

    /// Persists what `ready` asks for, in the contract's order: hard state, snapshot, then entries.
    mutating func persist(_ ready: RaftReady) {
        if let hs = ready.hardState { hardState = hs }
        if let snap = ready.snapshot { apply(snap) }
        if !ready.entries.isEmpty { append(ready.entries) }
    }

    /// A snapshot replaces the prefix it covers; when the log does not hold its last entry, the whole log.
    private mutating func apply(_ snap: RaftSnapshot) {
        precondition(snap.index >= snapshot.index, "a persisted snapshot never moves back")
        let offset = snap.index - snapshot.index
        if offset <= entries.count, offset > 0, entries[offset - 1].term == snap.term {
            entries.removeFirst(offset)
        } else if offset > 0 {
            entries.removeAll()
        }
        snapshot = snap
    }

    /// Entries overwrite any stored suffix from their first index on, then extend the log.
    private mutating func append(_ new: [LogEntry]) {
        let first = new[0].index
        precondition(first > snapshot.index && first <= snapshot.index + entries.count + 1, "persisted entries must join the log")
        entries.removeSubrange((first - snapshot.index - 1)...)
        entries.append(contentsOf: new)
    }
}
