/// The log of one replica: a snapshot standing for the prefix up to its index, then contiguous entries.
struct RaftLog: Sendable {
    private(set) var snapshot: RaftSnapshot
    private(set) var entries: [LogEntry]
    /// The lowest index appended or overwritten since the host last took the unstable part; nil when none.
    private var unstableFrom: Int?
    /// The snapshot changed (compaction, or one installed from the leader) since the host last took it.
    private var snapshotUnstable = false

    /// Whether anything changed that the host has not yet taken.
    var hasUnstable: Bool { unstableFrom != nil || snapshotUnstable }

    init(snapshot: RaftSnapshot, entries: [LogEntry] = []) {
        precondition(entries.first.map { $0.index == snapshot.index + 1 } ?? true, "log must follow its snapshot")
        self.snapshot = snapshot
        self.entries = entries
    }

    var snapshotIndex: Int { snapshot.index }
    var lastIndex: Int { snapshot.index + entries.count }
    var lastTerm: Int { entries.last?.term ?? snapshot.term }

    /// The term of the entry at `index`, or nil when it is compacted away or not yet written.
    func term(at index: Int) -> Int? {
        if index == snapshot.index { return snapshot.term }
        guard index > snapshot.index, index <= lastIndex else { return nil }
        return entries[index - snapshot.index - 1].term
    }

    func entry(at index: Int) -> LogEntry? {
        guard index > snapshot.index, index <= lastIndex else { return nil }
        return entries[index - snapshot.index - 1]
    }

    /// Up to `maxCount` entries starting at `from` (which must be past the snapshot).
    func entries(from: Int, maxCount: Int) -> [LogEntry] {
        precondition(from > snapshot.index, "entries below the snapshot are gone")
        guard from <= lastIndex else { return [] }
        let start = from - snapshot.index - 1
        let end = min(entries.count, start + maxCount)
        return Array(entries[start..<end])
    }

    /// Whether a log ending at (`index`, `term`) is at least as up to date as this one (§5.4.1).
    func isUpToDate(lastIndex index: Int, lastTerm term: Int) -> Bool {
        term > lastTerm || (term == lastTerm && index >= lastIndex)
    }

    /// The first index in this log holding `term`, scanning back from `index` (bounded by the snapshot).
    func firstIndex(ofTermAt index: Int) -> Int {
        guard let t = term(at: index) else { return index }
        var i = index
        while i - 1 > snapshot.index, term(at: i - 1) == t { i -= 1 }
        return i
    }

    /// The last index at or below `index` holding `term`, or nil when none remains in the log.
    func lastIndex(ofTerm term: Int, atOrBelow index: Int) -> Int? {
        var i = min(index, lastIndex)
        while i > snapshot.index, let t = self.term(at: i), t >= term {
            if t == term { return i }
            i -= 1
        }
        return nil
    }

    mutating func append(_ entry: LogEntry) {
        precondition(entry.index == lastIndex + 1, "log append must be contiguous")
        entries.append(entry)
        unstableFrom = min(unstableFrom ?? entry.index, entry.index)
    }

    /// Drops every entry from `index` on. Returns true if a membership change was among them.
    @discardableResult
    mutating func truncate(from index: Int) -> Bool {
        precondition(index > snapshot.index, "cannot truncate into the snapshot")
        guard index <= lastIndex else { return false }
        unstableFrom = min(unstableFrom ?? index, index)
        let start = index - snapshot.index - 1
        let removedChange = entries[start...].contains { if case .change = $0.command { return true } else { return false } }
        entries.removeSubrange(start...)
        return removedChange
    }

    /// Replaces the prefix up to `newSnapshot.index` (which must be in the log) by the snapshot.
    mutating func compact(to newSnapshot: RaftSnapshot) {
        precondition(newSnapshot.index >= snapshot.index && newSnapshot.index <= lastIndex, "compaction point outside the log")
        precondition(term(at: newSnapshot.index) == newSnapshot.term, "snapshot term must match the log")
        entries.removeFirst(newSnapshot.index - snapshot.index)
        snapshot = newSnapshot
        snapshotUnstable = true
    }

    /// Discards the whole log in favour of a snapshot from the leader.
    mutating func restore(_ newSnapshot: RaftSnapshot) {
        snapshot = newSnapshot
        entries = []
        snapshotUnstable = true
    }

    /// What changed since the last call, for the host to persist: the snapshot if it changed, and every
    /// entry from the lowest one appended or overwritten (the host truncates its copy there first).
    mutating func takeUnstable() -> (snapshot: RaftSnapshot?, entries: [LogEntry]) {
        defer {
            unstableFrom = nil
            snapshotUnstable = false
        }
        let changed = snapshotUnstable ? snapshot : nil
        guard let from = unstableFrom.map({ max($0, snapshot.index + 1) }), from <= lastIndex else { return (changed, []) }
        return (changed, Array(entries[(from - snapshot.index - 1)...]))
    }

    /// The membership after every change in the log: the one in force (thesis §4.1).
    func latestMembership() -> Membership {
        var m = snapshot.membership
        for e in entries { if case .change(let c) = e.command { m = m.applying(c) } }
        return m
    }

    /// The index of the last membership change in the log after the snapshot, or nil.
    func lastChangeIndex() -> Int? {
        entries.last { if case .change = $0.command { return true } else { return false } }?.index
    }
}
