/// Finite capacity in the runtime: inputs wait for a worker of their process, cost CPU time, are
/// turned away by a full queue or shed by CoDel, and wait out a `pause`; disks take time to sync.
extension Cluster {
    /// An input reached a process that is up and reachable: handle it now, or charge it CPU first.
    func admit(_ m: Message) {
        guard m.to.tier != .client else { return handle(m) }
        if let untilUs = pools[m.to].pausedUntilUs {
            pools[m.to].holdWhilePaused()
            queue.push(.deliver(m), atUs: untilUs)
            return
        }
        guard let meanUs = cpu.meanUs(for: m) ?? CpuProfile.inOrderUs(for: m, behind: pools[m.to]) else { return handle(m) }
        switch pools[m.to].arrive(m, meanUs: meanUs, isRequest: CpuProfile.isRequest(m), nowUs: now.us) {
        case .started(let costUs):
            queue.push(.work(m, arrivedUs: now.us, epoch: pools[m.to].epoch), atUs: now.us + costUs)
        case .queued:
            break
        case .rejected:
            turnAway(m)
        }
    }

    /// Answers a request the process will not serve "overloaded" (other inputs are simply dropped).
    private func turnAway(_ m: Message) {
        if let reply = CpuProfile.overloadReply(to: m) { effects.send(reply.payload, from: reply.from, to: reply.to) }
    }

    /// A worker finished `m`'s CPU time: the process handles it, and the worker takes the next input.
    func complete(_ m: Message, arrivedUs: Int64, epoch: Int32) {
        guard isUp(m.to), pools[m.to].epoch == epoch else { return }
        if let untilUs = pools[m.to].pausedUntilUs {
            queue.push(.work(m, arrivedUs: arrivedUs, epoch: epoch), atUs: untilUs)
            return
        }
        pools[m.to].finish(arrivedUs: arrivedUs, nowUs: now.us)
        handle(m)
        startQueued(on: m.to)
    }

    /// Puts every free worker of `node` on the oldest waiting input, shedding on the way when on.
    func startQueued(on node: NodeID) {
        shedScratch.removeAll(keepingCapacity: true)
        while let w = pools[node].next(nowUs: now.us, shedInputs: &shedScratch) {
            let costUs = pools[node].begin(w)
            queue.push(.work(w.message, arrivedUs: w.arrivedUs, epoch: pools[node].epoch), atUs: now.us + costUs)
        }
        for m in shedScratch { turnAway(m) }
    }

    /// The pause of `node` is over: it takes up its queue (inputs held in the network arrive after this).
    func resume(_ node: NodeID, epoch: Int32) {
        guard pools[node].epoch == epoch, let untilUs = pools[node].pausedUntilUs, untilUs <= now.us else { return }
        pools[node].resume()
        log(.fault, "\(node) resumed after its pause")
        startQueued(on: node)
    }

    /// A timer of a paused process waits for the pause to end; returns true when it was deferred.
    func deferIfPaused(_ timer: Timer) -> Bool {
        guard let owner = timer.pausableOwner, exists(owner), let untilUs = pools[owner].pausedUntilUs else { return false }
        queue.push(.timer(timer), atUs: untilUs)
        return true
    }

    /// Starts an fsync on `node`'s disk: it takes the configured mean, times the node's slow factor.
    func startFsync(on node: NodeID, then timer: Timer) {
        let costUs = cpu.fsyncUs > 0 ? pools[node].drawCostUs(meanUs: cpu.fsyncUs) : 0
        schedule(timer, afterUs: costUs)
    }

    func makePool(_ id: NodeID) -> WorkerPool {
        let workers: Int
        switch id.tier {
        case .balancer: workers = config.balancerWorkers
        case .service: workers = config.serviceWorkers
        case .cache: workers = config.cacheWorkers
        case .store: workers = config.storeWorkers
        case .client: preconditionFailure("the clients have no worker pool")
        }
        var pool = WorkerPool(workers: workers, queueLimit: config.processQueueLimit, random: root.stream("cpu/\(id)"))
        pool.setShedding(shedding, targetUs: config.shedTargetUs, intervalUs: config.shedIntervalUs, nowUs: now.us)
        return pool
    }
}
