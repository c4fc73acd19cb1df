/// The open-loop clients: issue operations at the workload's rate; every call and return goes to the
/// live linearizability check (and, with `--history`, to the exported history).
extension Cluster {
    func clientArrival() {
        schedule(.clientArrival, afterUs: workload.nextGapUs())
        // The clients' own limit on operations in flight: past it, an arrival is not issued.
        guard clients.pending.count < ClientState.maxInFlight else { return }
        let key = workload.nextKey()
        let op: ClientOp
        if workload.nextIsRead() {
            op = .get(key: key)
        } else {
            op = .put(key: key, value: clients.nextWriteValue)
            clients.nextWriteValue += 1
        }
        let opID = clients.nextOpID
        clients.nextOpID += 1
        clients.pending[opID] = PendingOp(op: op, invokeUs: now.us)
        linearity.invoked(opID: opID, op: op, at: now)
        send(.clientRequest(opID: opID, op: op), from: .client, to: .balancer)
        schedule(.clientTimeout(opID: opID), afterUs: workload.config.timeoutMs * 1_000)
    }

    func clientReceive(_ m: Message) {
        guard case .clientResponse(let opID, let result) = m.payload,
              let pending = clients.pending.removeValue(forKey: opID) else { return }
        switch result {
        case .ok(let value, let fromCache):
            clients.ok += 1
            switch pending.op {
            case .get(let key):
                if fromCache { checker.noteCachedRead(key: key, value: value, invokeUs: pending.invokeUs) }
            case .put(let key, let written):
                checker.writeCompleted(key: key, value: written, invokeUs: pending.invokeUs, completeUs: now.us)
            }
        case .failed:
            clients.failed += 1
        case .unknown:
            clients.timedOut += 1
        }
        linearity.completed(opID: opID, result: result, at: now)
    }

    func clientTimeout(opID: Int) {
        guard clients.pending.removeValue(forKey: opID) != nil else { return }
        clients.timedOut += 1
        linearity.completed(opID: opID, result: .unknown("timed out"), at: now)
    }
}
