/// The open-loop clients as one process: they issue operations at the workload's rate, wait for the
/// balancer's answer or their own timeout, and report every call and return as facts (the live
/// linearizability check and `--history` are fed from those).
struct ClientPool {
    /// A client operation that has been issued and has not yet returned or timed out.
    private struct PendingOp {
        var op: ClientOp
        var invokeUs: Int64
    }

    let id = NodeID.client
    private(set) var workload: Workload
    private var nextOpID = 1
    private var nextWriteValue = 1
    private var pending: [Int: PendingOp] = [:]
    private(set) var ok = 0
    private(set) var failed = 0
    private(set) var timedOut = 0

    init(workload: Workload) {
        self.workload = workload
    }

    /// Virtual microseconds until the first operation.
    mutating func firstGapUs() -> Int64 { workload.nextGapUs() }

    mutating func updateWorkload(_ change: WorkloadChange) { workload.update(change) }

    /// The next operation is due: issue it (unless too many are in flight) and set the next arrival.
    mutating func arrival(nowUs: Int64, into effects: inout Effects) {
        effects.setTimer(afterUs: workload.nextGapUs(), .clientArrival)
        // The clients' own limit on operations in flight: past it, an arrival is not issued.
        guard pending.count < ClusterLimits.clientOperationsInFlightMax else { return }
        let key = workload.nextKey()
        let op: ClientOp
        if workload.nextIsRead() {
            op = .get(key: key)
        } else {
            op = .put(key: key, value: nextWriteValue)
            nextWriteValue += 1
        }
        let opID = nextOpID
        nextOpID += 1
        pending[opID] = PendingOp(op: op, invokeUs: nowUs)
        effects.record(.invoked(opID: opID, op: op))
        effects.send(.clientRequest(opID: opID, op: op), from: id, to: .balancer)
        effects.setTimer(afterUs: workload.config.timeoutMs * 1_000, .clientTimeout(opID: opID))
    }

    mutating func receive(_ m: Message, into effects: inout Effects) {
        guard case .clientResponse(let opID, let result) = m.payload,
              let op = pending.removeValue(forKey: opID) else { return }
        switch result {
        case .ok(let value, let fromCache):
            ok += 1
            switch op.op {
            case .get(let key):
                if fromCache { effects.record(.cachedRead(key: key, value: value, invokeUs: op.invokeUs)) }
            case .put(let key, let written):
                effects.record(.writeCompleted(key: key, value: written, invokeUs: op.invokeUs))
            }
        case .failed:
            failed += 1
        case .unknown:
            timedOut += 1
        }
        effects.record(.completed(opID: opID, result: result))
    }

    mutating func timeout(opID: Int, into effects: inout Effects) {
        guard pending.removeValue(forKey: opID) != nil else { return }
        timedOut += 1
        effects.record(.completed(opID: opID, result: .unknown("timed out")))
    }
}
