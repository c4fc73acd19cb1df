/// Carrying out effects: messages onto the network, timers into the queue, facts to the observers.
extension Cluster {
    /// Carries out every effect in the buffer, in order, and empties it (keeping its storage).
    func applyEffects() {
        apply(effects.list)
        effects.removeAll()
    }

    private func apply(_ list: [Effect]) {
        for effect in list {
            switch effect {
            case .send(let m): transmit(m)
            case .setTimer(let delayUs, let timer): schedule(timer, afterUs: delayUs)
            case .record(let fact): observe(fact)
            case .fsync(let node, let timer): startFsync(on: node, then: timer)
            }
        }
        assert(effects.list.count == list.count, "carrying out effects produced more effects")
    }

    /// Puts a message on the network; dropped if either end is down, the link is cut, or loss takes it.
    private func transmit(_ m: Message) {
        guard isUp(m.from), isUp(m.to), !network.isCut(m.from, m.to), let delay = network.delayUs() else { return }
        queue.push(.deliver(m), atUs: now.us + delay)
    }

    private func observe(_ fact: Fact) {
        switch fact {
        case .log(let kind, let text): log(kind, text)
        case .invoked(let opID, let op):
            linearity.invoked(opID: opID, op: op, at: now)
            observed.latency.offered()
        case .served(let latencyUs): observed.latency.served(latencyUs: latencyUs)
        case .completed(let opID, let result): linearity.completed(opID: opID, result: result, at: now)
        case .writeCompleted(let key, let value, let invokeUs):
            checker.writeCompleted(key: key, value: value, invokeUs: invokeUs, completeUs: now.us)
        case .cachedRead(let key, let value, let invokeUs): checker.noteCachedRead(key: key, value: value, invokeUs: invokeUs)
        case .cacheLookup(let hit):
            observed.cacheLookupWindow.add()
            if hit { observed.cacheHitWindow.add() }
        case .storeRead: observed.storeReadWindow.add()
        case .entryApplied(let p, let index, let term, let node):
            checker.entryApplied(partition: p, index: index, term: term, by: node)
            stores.leaders.applied(partition: p, term: term, by: node, now: now)
        case .writeAcknowledged(let p, let index, let term): checker.writeAcknowledged(partition: p, index: index, term: term)
        case .leadership(let p, let node, let isLeader, let term): trackLeadership(partition: p, node: node, isLeader: isLeader, term: term)
        case .snapshotSent(let p, let to, let keys): placement.snapshotSent(partition: p, to: to, keys: keys)
        }
    }

    /// Notices a replica becoming or ceasing to be leader, for the event log and the election-safety check.
    private func trackLeadership(partition p: Int, node: NodeID, isLeader: Bool, term: Int) {
        switch stores.leaders.observe(partition: p, node: node, isLeader: isLeader, term: term, now: now) {
        case .elected(let previous):
            if let violation = checker.leaderElected(partition: p, term: term, leader: node) { log(.check, violation) }
            let was = previous.map { " (was \($0))" } ?? ""
            log(.leader, "p\(p): \(node) is leader, term \(term)\(was)")
        case .steppedDown:
            log(.leader, "p\(p): \(node) stepped down in term \(term); no leader")
        case nil:
            break
        }
    }
}
