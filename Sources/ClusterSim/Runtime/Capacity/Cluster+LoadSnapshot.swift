import Histogram

/// The load half of the snapshot: every process's CPU and the clients' latency, as measured.
extension Cluster {
    /// Every process's load, in the order lb, services, caches, stores.
    func loadViews() -> [ProcessLoadView] {
        pools.all.map { entry in
            let pool = entry.pool
            var sojourn = LoadMeter.newHistogram()
            pool.meter.addSojourns(into: &sojourn)
            return ProcessLoadView(
                id: entry.id, state: nodeState(entry.id), workers: pool.workers,
                utilisation: pool.meter.utilisation(workers: pool.workers), queueLength: pool.queueLength,
                queueLimit: pool.queueLimit, p99Ms: LatencyRecorder.ms(sojourn, 99),
                handledPerSecond: pool.meter.handledPerSecond, shed: pool.shed, rejected: pool.rejected,
                slowFactor: pool.slowFactor, paused: pool.isPaused)
        }
    }

    func latencyView() -> LatencyView {
        let e2e = observed.latency.window()
        let recorder = observed.latency
        let all = pools.all
        let tiers = [NodeID.Tier.balancer, .service, .cache, .store].map { tier in
            TierLatencyView(tier: tier, p99Ms: tierP99Ms(tier, pools: all))
        }
        return LatencyView(
            p50Ms: LatencyRecorder.ms(e2e, 50), p99Ms: LatencyRecorder.ms(e2e, 99), p999Ms: LatencyRecorder.ms(e2e, 99.9),
            tiers: tiers, throughputPerSecond: recorder.throughputPerSecond, offeredPerSecond: recorder.offeredPerSecond,
            shed: all.reduce(0) { $0 + $1.pool.shed }, rejected: all.reduce(0) { $0 + $1.pool.rejected },
            p50History: recorder.p50Series.ordered, p99History: recorder.p99Series.ordered,
            p999History: recorder.p999Series.ordered, throughputHistory: recorder.throughputSeries.ordered,
            offeredHistory: recorder.offeredSeries.ordered)
    }

    /// p99 of the time inputs spent in the processes of `tier` over the last 10 s, ms.
    func tierP99Ms(_ tier: NodeID.Tier, pools all: [(id: NodeID, pool: WorkerPool)]) -> Double? {
        var merged = LoadMeter.newHistogram()
        for entry in all where entry.id.tier == tier { entry.pool.meter.addSojourns(into: &merged) }
        return LatencyRecorder.ms(merged, 99)
    }

    func nodeState(_ id: NodeID) -> NodeState {
        if id.tier == .store, exists(id) { return stores.nodes[id.number - 1].isUp ? .up : (stores.nodes[id.number - 1].isDead ? .dead : .down) }
        return isUp(id) ? .up : .down
    }
}
