/// One thing a process asks the runtime to do: the only way a process acts on the world outside itself.
///
/// A process never sends, schedules or logs directly; it appends effects while it handles one input and the
/// runtime carries them out afterwards, in order (`Cluster.applyEffects`).
enum Effect {
    /// Put a message on the network; it is dropped if either end is down, the link is cut or loss takes it.
    case send(Message)
    /// Fire `timer` at its owner `afterUs` from now.
    case setTimer(afterUs: Int64, Timer)
    /// Tell the runtime's observers (event log, checkers, metrics, the placement controller) a fact.
    case record(Fact)
    /// Start an fsync on `node`'s disk and fire `timer` when it is done.
    case fsync(NodeID, then: Timer)
}

/// The effects of the input being handled, in the order the processes produced them.
///
/// The runtime owns one buffer and reuses it for every event, so handling a message allocates nothing here.
/// A process that calls into another synchronously (the placement controller driving a store's replica)
/// appends to the same buffer, so the order of everything sent and recorded is the order it happened in.
struct Effects {
    private(set) var list: [Effect] = []

    init() { list.reserveCapacity(256) }

    /// A buffer with no storage yet (for swapping buffers without allocating).
    init(reservingCapacity capacity: Int) { list.reserveCapacity(capacity) }

    var isEmpty: Bool { list.isEmpty }

    mutating func send(_ payload: Payload, from: NodeID, to: NodeID) {
        list.append(.send(Message(from: from, to: to, payload: payload)))
    }

    mutating func setTimer(afterUs delayUs: Int64, _ timer: Timer) {
        precondition(delayUs >= 0, "a timer cannot fire in the past")
        list.append(.setTimer(afterUs: delayUs, timer))
    }

    mutating func fsync(_ node: NodeID, then timer: Timer) {
        list.append(.fsync(node, then: timer))
    }

    mutating func record(_ fact: Fact) {
        list.append(.record(fact))
    }

    /// Records a line for the event log.
    mutating func log(_ kind: ClusterEvent.Kind, _ text: String) {
        list.append(.record(.log(kind, text)))
    }

    /// Appends `other`'s effects after these, in their order.
    mutating func append(contentsOf other: Effects) {
        list.append(contentsOf: other.list)
    }

    /// Forgets every effect, keeping the storage for the next input.
    mutating func removeAll() {
        list.removeAll(keepingCapacity: true)
    }
}

/// Something a process observed that the runtime's observers need: the event log, the cluster checker,
/// the linearizability watch, the rate windows and the placement controller's key counts.
enum Fact {
    case log(ClusterEvent.Kind, String)
    /// The clients issued `op` (a call in the client history).
    case invoked(opID: Int, op: ClientOp)
    /// An operation returned to the clients, or timed out there (`.unknown`).
    case completed(opID: Int, result: OpResult)
    /// A client operation succeeded `latencyUs` after it was issued.
    case served(latencyUs: Int64)
    /// A write the clients saw succeed, with when it was issued.
    case writeCompleted(key: Int, value: Int, invokeUs: Int64)
    /// A read the cache answered, for the stale-read check.
    case cachedRead(key: Int, value: Int?, invokeUs: Int64)
    /// A lookup reached a cache node (or timed out there, which counts as a miss).
    case cacheLookup(hit: Bool)
    /// A service sent a read to the store tier.
    case storeRead
    /// A replica applied the committed entry at `index`.
    case entryApplied(partition: Int, index: Int, term: Int, by: NodeID)
    /// A store told a caller that the write at (`index`, `term`) is done.
    case writeAcknowledged(partition: Int, index: Int, term: Int)
    /// A replica's role after it handled an input: leader or not, in `term`.
    case leadership(partition: Int, node: NodeID, isLeader: Bool, term: Int)
    /// A leader shipped a snapshot of `keys` keys to `to`.
    case snapshotSent(partition: Int, to: NodeID, keys: Int)
}

/// A timer a process set; each case names the process it belongs to where a tier has several.
enum Timer {
    /// The workload issues its next client operation.
    case clientArrival
    /// A client operation's timeout.
    case clientTimeout(opID: Int)
    /// The balancer's active health-check round.
    case healthCheckRound
    /// An active health check's reply did not arrive in time.
    case healthCheckTimeout(server: Int, sequence: Int)
    /// The balancer gives up on a forwarded request (passive health check).
    case forwardTimeout(requestID: Int)
    /// A service instance gives up on a downstream call; `epoch` drops timers from before a restart.
    case serviceCallTimeout(service: Int, callID: Int, epoch: Int)
    /// One Raft tick for every replica on a store node; `epoch` drops ticks from before a restart.
    case storeTick(store: Int, epoch: Int)
    /// A store's one-shot election timer: the earliest election deadline among its replicas has come.
    case storeElection(store: Int, epoch: Int)
    /// The placement controller's periodic step.
    case placementTick
    /// A store's disk finished the fsync it started; `epoch` drops syncs from before a crash.
    case storeDiskSynced(store: Int, epoch: Int)
    /// A client retries an operation after its backoff.
    case clientRetry(opID: Int)
    /// The runtime's own once-a-second step: rotate rate windows, sample series, check linearizability.
    case secondTick
}
