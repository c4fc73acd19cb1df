/// The host side of one Raft replica: its disk and its key-value state machine, kept in step with the
/// replica's ready values. Raft leaves the state machine's data out of its snapshots; the host fills it in.
struct ReplicaHost {
    /// A snapshot shipped to another replica, with how many keys it carried.
    struct Shipped {
        var to: NodeID
        var index: Int
        var keys: Int
    }

    private(set) var machine: KVStateMachine
    private(set) var disk: RaftStorage

    init(_ durable: RaftDurableState) {
        disk = RaftStorage(durable)
        machine = KVStateMachine(durable.snapshot)
    }

    /// Carries out `ready`'s state-machine and disk work, in the order the ready contract needs:
    /// 1. a snapshot installed from the leader replaces the machine's state;
    /// 2. entries are applied up to each outgoing snapshot's index and up to the compaction point, in index
    ///    order, and the machine's data goes into that snapshot there;
    /// 3. hard state, snapshot and entries are persisted;
    /// 4. the remaining applied entries are applied.
    /// Afterwards the messages may be sent and reads answered from `machine`. Returns the snapshots shipped.
    mutating func take(_ ready: inout RaftReady) -> [Shipped] {
        var next = 0
        var compaction = ready.snapshot?.index
        if let installed = ready.snapshotInstalled {
            machine.restore(installed)
            if ready.snapshot?.index == installed.index { ready.snapshot = installed }
            compaction = nil
        }
        var shipped: [Shipped] = []
        for i in ready.messages.indices {
            guard case .snapshot(var snap) = ready.messages[i].kind else { continue }
            if let c = compaction, c <= snap.index {
                ready.snapshot!.kv = capture(at: c, applying: ready.applied, next: &next)
                compaction = nil
            }
            snap.kv = capture(at: snap.index, applying: ready.applied, next: &next)
            ready.messages[i].kind = .snapshot(snap)
            shipped.append(Shipped(to: ready.messages[i].to, index: snap.index, keys: snap.kv.count))
        }
        if let c = compaction { ready.snapshot!.kv = capture(at: c, applying: ready.applied, next: &next) }
        disk.persist(ready)
        apply(ready.applied, through: .max, next: &next)
        return shipped
    }

    /// Applies `applied` up to `index` and returns the machine's data there.
    private mutating func capture(at index: Int, applying applied: [LogEntry], next: inout Int) -> [Int: Int] {
        apply(applied, through: index, next: &next)
        precondition(machine.appliedIndex == index, "a snapshot at \(index) but the state machine is at \(machine.appliedIndex)")
        return machine.data
    }

    /// Applies the entries of `applied` from position `next` whose index is at most `index`; entries a
    /// snapshot already covers are skipped.
    private mutating func apply(_ applied: [LogEntry], through index: Int, next: inout Int) {
        while next < applied.count, applied[next].index <= index {
            if applied[next].index > machine.appliedIndex { machine.apply(applied[next]) }
            next += 1
        }
    }
}
