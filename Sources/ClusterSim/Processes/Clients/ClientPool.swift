/// The open-loop clients as one process: they issue operations at the workload's rate, wait for the
/// balancer's answer or their own timeout, retry a failed or timed-out operation when the workload says
/// so (jittered exponential backoff), and report every call and return as facts (the live
/// linearizability check and `--history` are fed from those; each attempt is an operation of its own).
struct ClientPool {
    /// A client operation attempt that has been issued and has not yet returned or timed out.
    private struct PendingOp {
        var op: ClientOp
        var invokeUs: Int64
        /// When the first attempt was issued: latency is what the user waited, retries included.
        var firstInvokeUs: Int64
        /// 0 for the first attempt.
        var attempt: Int
    }

    let id = NodeID.client
    private(set) var workload: Workload
    private var random: SimRandom
    private var nextOpID = 1
    private var nextWriteValue = 1
    private var pending: [Int: PendingOp] = [:]
    /// Operations waiting out their backoff, by the opID of the attempt that failed.
    private var backingOff: [Int: PendingOp] = [:]
    private(set) var ok = 0
    private(set) var failed = 0
    private(set) var timedOut = 0
    /// Attempts that failed or timed out and were retried (they count in none of the totals above).
    private(set) var retried = 0

    init(workload: Workload, random: SimRandom) {
        self.workload = workload
        self.random = random
    }

    /// Virtual microseconds until the first operation.
    mutating func firstGapUs() -> Int64 { workload.nextGapUs() }

    mutating func updateWorkload(_ change: WorkloadChange) { workload.update(change) }

    /// The next operation is due: issue it (unless too many are in flight) and set the next arrival.
    mutating func arrival(nowUs: Int64, into effects: inout Effects) {
        effects.setTimer(afterUs: workload.nextGapUs(), .clientArrival)
        // The clients' own limit on operations in flight: past it, an arrival is not issued.
        guard pending.count + backingOff.count < ClusterLimits.clientOperationsInFlightMax else { return }
        let key = workload.nextKey()
        let op: ClientOp
        if workload.nextIsRead() {
            op = .get(key: key)
        } else {
            op = .put(key: key, value: nextWriteValue)
            nextWriteValue += 1
        }
        issue(PendingOp(op: op, invokeUs: nowUs, firstInvokeUs: nowUs, attempt: 0), into: &effects)
    }

    private mutating func issue(_ attempt: PendingOp, into effects: inout Effects) {
        let opID = nextOpID
        nextOpID += 1
        pending[opID] = attempt
        effects.record(.invoked(opID: opID, op: attempt.op))
        effects.send(.clientRequest(opID: opID, op: attempt.op), from: id, to: .balancer)
        effects.setTimer(afterUs: workload.config.timeoutMs * 1_000, .clientTimeout(opID: opID))
    }

    mutating func receive(_ m: Message, nowUs: Int64, into effects: inout Effects) {
        guard case .clientResponse(let opID, let result) = m.payload,
              let op = pending.removeValue(forKey: opID) else { return }
        effects.record(.completed(opID: opID, result: result))
        guard case .ok(let value, let fromCache) = result else {
            var unknown = false
            if case .unknown = result { unknown = true }
            return attemptFailed(op, opID: opID, timedOut: unknown, into: &effects)
        }
        ok += 1
        effects.record(.served(latencyUs: nowUs - op.firstInvokeUs))
        switch op.op {
        case .get(let key):
            if fromCache { effects.record(.cachedRead(key: key, value: value, invokeUs: op.invokeUs)) }
        case .put(let key, let written):
            effects.record(.writeCompleted(key: key, value: written, invokeUs: op.invokeUs))
        }
    }

    mutating func timeout(opID: Int, nowUs: Int64, into effects: inout Effects) {
        guard let op = pending.removeValue(forKey: opID) else { return }
        effects.record(.completed(opID: opID, result: .unknown("timed out")))
        attemptFailed(op, opID: opID, timedOut: true, into: &effects)
    }

    /// An attempt failed or its outcome is unknown: back off and retry while attempts remain.
    private mutating func attemptFailed(_ op: PendingOp, opID: Int, timedOut wasTimeout: Bool, into effects: inout Effects) {
        let config = workload.config
        guard op.attempt < config.retries else {
            if wasTimeout { timedOut += 1 } else { failed += 1 }
            return
        }
        retried += 1
        backingOff[opID] = op
        let ceilingMs = min(config.retryBackoffMsCap, config.retryBackoffMsBase << min(op.attempt, 20))
        let backoffUs = Int64(random.int(in: 0...Int(max(0, ceilingMs) * 1_000)))
        effects.setTimer(afterUs: backoffUs, .clientRetry(opID: opID))
    }

    /// A backoff ended: issue the operation again as a new attempt.
    mutating func retry(opID: Int, nowUs: Int64, into effects: inout Effects) {
        guard var op = backingOff.removeValue(forKey: opID) else { return }
        op.attempt += 1
        op.invokeUs = nowUs
        issue(op, into: &effects)
    }
}
