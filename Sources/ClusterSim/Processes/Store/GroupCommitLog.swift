/// A store node's disk with group commit: the outputs of a ready value that had something to persist
/// wait for the fsync that makes it durable, and everything handed in while one fsync is in flight waits
/// for the next one, which covers all of it.
///
/// Outputs leave strictly in the order they were produced, so nothing is sent, acknowledged or answered
/// before the state it depends on is on disk (etcd's `Ready` contract with a disk that takes time).
struct GroupCommitLog {
    let owner: NodeID
    /// Outputs of the fsync in flight (empty and unused while `isSyncing` is false).
    private var syncing = Effects()
    private var isSyncing = false
    /// Outputs produced since, in order, and whether any of them needs the next fsync.
    private var next = Effects()
    private var nextNeedsSync = false
    private(set) var fsyncs = 0

    init(owner: NodeID) { self.owner = owner }

    /// True when an output can leave at once: no fsync in flight and nothing waiting.
    var isIdle: Bool { !isSyncing && next.isEmpty }

    /// Hands `outputs` to the disk: they go straight into `effects` when `needsSync` is false and nothing
    /// is waiting; otherwise after the fsync that covers them. Starting an fsync appends an `.fsync`
    /// effect that fires `synced` when done.
    mutating func submit(_ outputs: Effects, needsSync: Bool, synced: Timer, into effects: inout Effects) {
        guard !(isIdle && !needsSync) else { return effects.append(contentsOf: outputs) }
        next.append(contentsOf: outputs)
        nextNeedsSync = nextNeedsSync || needsSync
        if !isSyncing { startNext(synced: synced, into: &effects) }
    }

    /// The fsync in flight is done: release its outputs, then start the next one (or release outputs that
    /// needed none).
    mutating func synced(_ synced: Timer, into effects: inout Effects) {
        guard isSyncing else { return }
        effects.append(contentsOf: syncing)
        syncing.removeAll()
        isSyncing = false
        startNext(synced: synced, into: &effects)
    }

    private mutating func startNext(synced: Timer, into effects: inout Effects) {
        guard !next.isEmpty else { return }
        guard nextNeedsSync else {
            effects.append(contentsOf: next)
            next.removeAll()
            return
        }
        swap(&syncing, &next)
        isSyncing = true
        nextNeedsSync = false
        fsyncs += 1
        effects.fsync(owner, then: synced)
    }

    /// Crash: what waited for the disk is never sent (the data itself may or may not be on disk; the
    /// replica's storage keeps it, which is one of the outcomes a real disk allows).
    mutating func crash() {
        syncing.removeAll()
        isSyncing = false
        next.removeAll()
        nextNeedsSync = false
    }
}
