/// A store node as a process: it hosts one Raft replica per partition it holds, ticks them, runs their
/// election timers, steps their messages, serves reads (ReadIndex) and writes on the leaders, and turns each
/// replica's ready value into effects. A crash keeps only what each replica made durable.
///
/// Election timers: each replica says when its timer restarts and for how long (`RaftNode.electionTimer`);
/// the node keeps every replica's deadline and sets one one-shot timer for the earliest of them, and only
/// once that deadline falls before the next tick. While leaders are heard, deadlines keep moving out and no
/// timer is ever set, so the steady state costs no events beyond the ticks.
///
/// The placement controller drives membership through the control methods at the end (propose a change,
/// hand leadership away, create or drop a replica); their effects go into the same buffer as the caller's.
struct StoreNode {
    /// The service call a store node owes an answer, and the partition it is about.
    private struct Caller {
        var callID: Int
        var service: NodeID
        var partition: Int

        func reply(_ r: StoreReply, from store: NodeID, into effects: inout Effects) {
            effects.send(.storeReply(callID: callID, reply: r), from: store, to: service)
        }
    }

    /// A write proposed on a leader, waiting for the moment it may be acknowledged.
    private struct WaitingWrite {
        var caller: Caller
        var index: Int
        var term: Int
    }

    /// A linearizable read of `key` waiting for ReadIndex confirmation.
    private struct WaitingRead {
        var caller: Caller
        var key: Int
    }

    let id: NodeID
    private(set) var isUp = true
    /// Down for longer than the placement controller allows: its replicas are being rebuilt elsewhere.
    private(set) var isDead = false
    private(set) var downSinceUs: Int64 = 0
    /// Bumped by every crash and restart, so ticks from an earlier life are ignored.
    private var epoch = 0
    private let tickUs: Int64
    /// When the one-shot election timer set last will fire (`Int64.max`: none pending). Never later than
    /// the earliest deadline due before the next tick.
    private var electionTimerUs = Int64.max
    private var raftConfig: RaftConfig
    /// Writes are acknowledged on the leader's local append (asynchronous replication).
    private var acknowledgeOnAppend: Bool
    /// Where each replica's random stream is derived from, by name.
    private let streams: SimRandom
    /// The running replica of each partition, indexed by partition (nil: none here, or the node is down).
    private var replicas: [Replica?]
    /// What survives a crash, per partition, while the node is down.
    private var saved: [Int: RaftDurableState] = [:]
    private var pendingWrites: [WaitingWrite] = []
    private var pendingReads: [UInt64: WaitingRead] = [:]
    private var nextReadID: UInt64 = 1
    /// Partitions with a replica here (running or saved), sorted; kept in step with `replicas`/`saved`.
    private(set) var partitionsHeld: [Int] = []
    /// Each running replica's role as last recorded (leader, term), so a leadership fact goes out only
    /// when it changes; nil for a replica not yet recorded.
    private var recordedRole: [(isLeader: Bool, term: Int)?]
    /// The Raft log's disk: outputs that depend on a write wait for its fsync (group commit).
    private var disk: GroupCommitLog
    /// Reused buffer for outputs on their way to the disk.
    private var scratch = Effects()

    init(id: NodeID, partitions: Int, tickMs: Int64, raftConfig: RaftConfig, mode: ReplicationMode, streams: SimRandom) {
        precondition(id.tier == .store, "a store node needs a store id")
        self.id = id
        tickUs = tickMs * 1_000
        if let us = raftConfig.electionTimeoutUs {
            // A deadline is always seen on a tick before it is due only if it lies more than a tick ahead.
            precondition(us.lowerBound > tickUs, "the election timeout must be longer than a Raft tick")
        }
        self.raftConfig = raftConfig
        acknowledgeOnAppend = mode == .async
        self.streams = streams
        replicas = Array(repeating: nil, count: partitions)
        recordedRole = Array(repeating: nil, count: partitions)
        disk = GroupCommitLog(owner: id)
    }

    /// The running replica of partition `p` here, if any.
    func replica(_ p: Int) -> ReplicaView? { replicas[p].map(ReplicaView.init) }
    /// How many partitions this store has a slot for (held or not).
    var partitionSlots: Int { replicas.count }

    /// The durable state of partition `p` kept while this node is down.
    func savedState(_ p: Int) -> RaftDurableState? { saved[p] }

    // MARK: lifecycle

    /// A replica of a brand-new group (at boot); `campaign` makes it stand for election at once.
    mutating func bootstrap(partition p: Int, voters: [NodeID], nowUs: Int64) {
        let node = RaftNode.bootstrap(id: id, voters: voters, config: raftConfig, random: streams.stream("raft/p\(p)/\(id)"))
        setReplica(node, durable: node.durable, partition: p, nowUs: nowUs)
    }

    mutating func campaign(partition p: Int) { replicas[p]?.campaign() }

    /// Hands out what every replica has ready (at boot, after bootstrapping and campaigning).
    mutating func flushAll(nowUs: Int64, into effects: inout Effects) {
        for p in partitionsHeld { flushReady(partition: p, nowUs: nowUs, into: &effects) }
    }

    /// Crash: every replica keeps only its durable state; waiting callers get nothing (they time out).
    /// Returns the partitions whose replica was running, sorted.
    mutating func crash(nowUs: Int64) -> [Int] {
        isUp = false
        downSinceUs = nowUs
        epoch += 1
        electionTimerUs = Int64.max
        let running = partitionsHeld.filter { replicas[$0] != nil }
        for p in running {
            saved[p] = replicas[p]!.crash()
            replicas[p] = nil
        }
        pendingWrites.removeAll()
        pendingReads.removeAll()
        disk.crash()
        return running
    }

    /// Restart: each replica comes back from its durable state alone.
    mutating func restart(nowUs: Int64, into effects: inout Effects) {
        isUp = true
        isDead = false
        epoch += 1
        for p in partitionsHeld {
            guard let durable = saved.removeValue(forKey: p) else { continue }
            let node = RaftNode(restarting: durable, id: id, config: raftConfig,
                                random: streams.stream("raft/p\(p)/\(id)/\(epoch)"))
            setReplica(node, durable: durable, partition: p, nowUs: nowUs)
        }
        startTicking(into: &effects)
    }

    /// Sets the next Raft tick, one tick from now unless told otherwise (boot staggers the stores).
    mutating func startTicking(afterUs delayUs: Int64? = nil, into effects: inout Effects) {
        effects.setTimer(afterUs: delayUs ?? tickUs, .storeTick(store: id.number - 1, epoch: epoch))
    }

    mutating func markDead() {
        precondition(!isUp, "only a store that is down can be declared dead")
        isDead = true
    }

    /// The operator's replication mode: which quorum commits, and when writes are acknowledged.
    mutating func setReplicationMode(_ mode: ReplicationMode, raftConfig config: RaftConfig) {
        raftConfig = config
        acknowledgeOnAppend = mode == .async
        for p in partitionsHeld {
            replicas[p]?.setMode(commitQuorum: config.commitQuorum, replicateOnPropose: config.replicateOnPropose)
        }
    }

    private mutating func setReplica(_ node: RaftNode, durable: RaftDurableState, partition p: Int, nowUs: Int64) {
        replicas[p] = Replica(node, durable: durable, nowUs: nowUs)
        recordedRole[p] = nil
        if !partitionsHeld.contains(p) { partitionsHeld.append(p); partitionsHeld.sort() }
        assert(zip(partitionsHeld, partitionsHeld.dropFirst()).allSatisfy(<), "partitions held must be sorted and distinct")
    }

    // MARK: handling

    mutating func tick(epoch tickEpoch: Int, nowUs: Int64, into effects: inout Effects) {
        guard isUp, epoch == tickEpoch else { return }
        startTicking(into: &effects)
        var earliestUs = Int64.max
        for p in partitionsHeld {
            guard let replica = replicas[p] else { continue }
            replica.tick()
            flushReady(partition: p, nowUs: nowUs, into: &effects)
            earliestUs = min(earliestUs, replica.pendingElectionDeadlineUs)
        }
        setElectionTimer(for: earliestUs, nowUs: nowUs, into: &effects)
    }

    /// The one-shot election timer fired: every replica whose deadline has come campaigns (a replica that
    /// heard its leader meanwhile has a later deadline and is left alone), then the timer is set again if
    /// another deadline falls before the next tick.
    mutating func electionTimerFired(epoch timerEpoch: Int, nowUs: Int64, into effects: inout Effects) {
        guard isUp, epoch == timerEpoch else { return }
        if nowUs >= electionTimerUs { electionTimerUs = Int64.max }
        var earliestUs = Int64.max
        for p in partitionsHeld {
            guard let replica = replicas[p] else { continue }
            if replica.pendingElectionDeadlineUs <= nowUs {
                replica.electionTimeout()
                flushReady(partition: p, nowUs: nowUs, into: &effects)
                assert(replica.pendingElectionDeadlineUs > nowUs, "\(id) p\(p): an election timeout must restart the timer")
            }
            earliestUs = min(earliestUs, replica.pendingElectionDeadlineUs)
        }
        setElectionTimer(for: earliestUs, nowUs: nowUs, into: &effects)
    }

    /// Sets the one-shot election timer for `deadlineUs` once it falls before the next tick, unless one is
    /// already set to fire no later. A deadline further out waits: a message from the leader may move it.
    private mutating func setElectionTimer(for deadlineUs: Int64, nowUs: Int64, into effects: inout Effects) {
        guard deadlineUs <= nowUs + tickUs, deadlineUs < electionTimerUs else { return }
        electionTimerUs = deadlineUs
        effects.setTimer(afterUs: max(0, deadlineUs - nowUs), .storeElection(store: id.number - 1, epoch: epoch))
    }

    /// The disk finished an fsync: what waited for it leaves.
    mutating func diskSynced(epoch syncEpoch: Int, into effects: inout Effects) {
        guard isUp, epoch == syncEpoch else { return }
        disk.synced(syncedTimer, into: &effects)
    }

    private var syncedTimer: Timer { .storeDiskSynced(store: id.number - 1, epoch: epoch) }

    /// Runs `body`, whose outputs depend on the disk: they leave now when the disk is idle and nothing
    /// needs syncing, otherwise in order after the fsync that covers them.
    private mutating func emit(needsSync: Bool, into effects: inout Effects, _ body: (inout StoreNode, inout Effects) -> Void) {
        if disk.isIdle && !needsSync { return body(&self, &effects) }
        var out = Effects(reservingCapacity: 0)
        swap(&out, &scratch)
        body(&self, &out)
        disk.submit(out, needsSync: needsSync, synced: syncedTimer, into: &effects)
        out.removeAll()
        swap(&out, &scratch)
    }

    mutating func receive(_ m: Message, nowUs: Int64, into effects: inout Effects) {
        switch m.payload {
        case .raft(let p, let message):
            guard let replica = replicas[p] else { return }
            replica.step(message)
            flushReady(partition: p, nowUs: nowUs, into: &effects)
        case .storeRequest(let callID, let p, let op):
            serve(callID: callID, partition: p, op: op, from: m.from, nowUs: nowUs, into: &effects)
        default:
            return
        }
    }

    private mutating func serve(callID: Int, partition p: Int, op: ClientOp, from service: NodeID, nowUs: Int64,
                                into effects: inout Effects) {
        let caller = Caller(callID: callID, service: service, partition: p)
        func reply(_ r: StoreReply) { caller.reply(r, from: id, into: &effects) }
        guard let replica = replicas[p] else { return reply(.notLeader(hint: nil)) }
        guard replica.raft.role == .leader else { return reply(.notLeader(hint: replica.raft.leaderID)) }
        switch op {
        case .get(let key):
            let readID = nextReadID
            nextReadID += 1
            if pendingReads.count < ClusterLimits.storeReadsWaitingMax, replica.requestRead(id: readID) {
                pendingReads[readID] = WaitingRead(caller: caller, key: key)
            } else {
                reply(.notLeader(hint: nil))
            }
        case .put(let key, let value):
            guard pendingWrites.count < ClusterLimits.storeWritesWaitingMax else { return reply(.notLeader(hint: nil)) }
            switch replica.propose(.put(key: key, value: value)) {
            case .accepted(let index, let term):
                if acknowledgeOnAppend {
                    // Acknowledge on local append (once it is on disk): fast, and lost if this leader dies
                    // before replicating.
                    flushReady(partition: p, nowUs: nowUs, into: &effects)
                    emit(needsSync: false, into: &effects) { node, out in
                        out.record(.writeAcknowledged(partition: p, index: index, term: term))
                        caller.reply(.written, from: node.id, into: &out)
                    }
                    return
                } else {
                    pendingWrites.append(WaitingWrite(caller: caller, index: index, term: term))
                }
            case .notLeader(let hint):
                reply(.notLeader(hint: hint))
            case .rejected:
                reply(.notLeader(hint: nil))
            }
        }
        flushReady(partition: p, nowUs: nowUs, into: &effects)
    }

    /// Carries out what a replica handed back: messages, applied entries, answered reads, shipped snapshots,
    /// and its role for the runtime's leader tracking; and notes a restart of its election timer.
    private mutating func flushReady(partition p: Int, nowUs: Int64, into effects: inout Effects) {
        guard let replica = replicas[p] else { return }
        replica.noteElectionTimer(nowUs: nowUs)
        guard let shipped = replica.drain() else {
            return emit(needsSync: false, into: &effects) { $0.recordRole(partition: p, replica: replica, into: &$1) }
        }
        let ready = replica.ready
        let needsSync = ready.hardState != nil || ready.snapshot != nil || !ready.entries.isEmpty
        emit(needsSync: needsSync, into: &effects) { $0.release(partition: p, replica: replica, shipped: shipped, into: &$1) }
    }

    /// The outputs of the ready value just drained: they may leave once it is durable. The role goes first,
    /// so a leader that commits on its own (a single voter) is known as leader when its entries apply.
    private mutating func release(partition p: Int, replica: Replica, shipped: [ReplicaHost.Shipped], into effects: inout Effects) {
        recordRole(partition: p, replica: replica, into: &effects)
        for message in replica.ready.messages {
            effects.send(.raft(partition: p, message), from: id, to: message.to)
        }
        let applied = replica.ready.applied
        for entry in applied {
            effects.record(.entryApplied(partition: p, index: entry.index, term: entry.term, by: id))
        }
        if !applied.isEmpty, !pendingWrites.isEmpty {
            answerWrites(partition: p, applied: applied, into: &effects)
        }
        for read in replica.ready.readsReady {
            guard let pending = pendingReads.removeValue(forKey: read.id) else { continue }
            pending.caller.reply(.value(replica.value(ofKey: pending.key)), from: id, into: &effects)
        }
        for readID in replica.ready.readsDropped {
            guard let pending = pendingReads.removeValue(forKey: readID) else { continue }
            pending.caller.reply(.notLeader(hint: replica.raft.leaderID), from: id, into: &effects)
        }
        for sent in shipped {
            effects.record(.snapshotSent(partition: p, to: sent.to, keys: sent.keys))
        }
    }

    /// Records the replica's role when it differs from the last one recorded. The runtime's leader tracking
    /// would ignore a repeat: it changes only when a replica's own role or term does.
    private mutating func recordRole(partition p: Int, replica: Replica, into effects: inout Effects) {
        let role = (isLeader: replica.raft.role == .leader, term: replica.raft.term)
        if let last = recordedRole[p], last == role { return }
        recordedRole[p] = role
        effects.record(.leadership(partition: p, node: id, isLeader: role.isLeader, term: role.term))
    }

    private mutating func answerWrites(partition p: Int, applied: [LogEntry], into effects: inout Effects) {
        let lastApplied = applied[applied.count - 1].index
        var keep: [WaitingWrite] = []
        keep.reserveCapacity(pendingWrites.count)
        for w in pendingWrites {
            guard w.caller.partition == p, w.index <= lastApplied else { keep.append(w); continue }
            guard let entry = applied.first(where: { $0.index == w.index }) else {
                // Jumped over by a snapshot: the write may or may not be in it. Say nothing; the caller's
                // timeout then reports the outcome as unknown, which is the truth.
                continue
            }
            if entry.term == w.term { effects.record(.writeAcknowledged(partition: p, index: w.index, term: w.term)) }
            w.caller.reply(entry.term == w.term ? .written : .dropped, from: id, into: &effects)
        }
        pendingWrites = keep
    }

    // MARK: placement control

    /// Proposes a membership change on this node's replica of `p`; returns the entry's index when accepted.
    mutating func propose(_ change: MembershipChange, partition p: Int, nowUs: Int64, into effects: inout Effects) -> Int? {
        guard let replica = replicas[p], case .accepted(let index, _) = replica.propose(.change(change)) else { return nil }
        flushReady(partition: p, nowUs: nowUs, into: &effects)
        return index
    }

    mutating func transferLeadership(partition p: Int, to target: NodeID, nowUs: Int64, into effects: inout Effects) {
        guard let replica = replicas[p] else { return }
        replica.transferLeadership(to: target)
        flushReady(partition: p, nowUs: nowUs, into: &effects)
    }

    /// An empty replica of `p` that will join as a learner and catch up from a snapshot.
    mutating func createLearner(partition p: Int, nowUs: Int64) {
        guard replicas[p] == nil else { return }
        let node = RaftNode(joiningAsLearner: id, config: raftConfig, random: streams.stream("raft/p\(p)/\(id)/learner\(nowUs)"))
        setReplica(node, durable: node.durable, partition: p, nowUs: nowUs)
    }

    /// Destroys this node's copy of a partition (it was moved elsewhere).
    mutating func dropReplica(partition p: Int) {
        replicas[p] = nil
        saved[p] = nil
        partitionsHeld.removeAll { $0 == p }
        pendingWrites.removeAll { $0.caller.partition == p }
        for readID in pendingReads.keys.sorted() where pendingReads[readID]!.caller.partition == p { pendingReads[readID] = nil }
        assert(replicas[p] == nil && saved[p] == nil && !partitionsHeld.contains(p), "p\(p) still held on \(id)")
    }
}
