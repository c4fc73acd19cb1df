/// The key-value state machine of one partition replica, outside Raft: it applies committed entries in
/// log order, answers reads, and hands its data to snapshots and takes it back from them. Raft only
/// orders the entries; it never looks inside this.
struct KVStateMachine {
    private(set) var appliedIndex: Int
    private(set) var data: [Int: Int]

    init(_ snapshot: RaftSnapshot) {
        appliedIndex = snapshot.index
        data = snapshot.kv
    }

    func value(ofKey key: Int) -> Int? { data[key] }

    mutating func apply(_ entry: LogEntry) {
        precondition(entry.index == appliedIndex + 1, "entries apply in log order, without gaps")
        if case .put(let key, let value) = entry.command { data[key] = value }
        appliedIndex = entry.index
    }

    /// Replaces everything with a snapshot's data (one the leader sent).
    mutating func restore(_ snapshot: RaftSnapshot) {
        appliedIndex = snapshot.index
        data = snapshot.kv
    }
}
