import ClusterSim

/// The load half of the fixtures: per-process load views, end-to-end latency, and the hot-store snapshot.
extension Fixtures {
    /// `ProcessLoadView` with the fields a fixture varies; the rest are quiet defaults.
    static func load(_ id: NodeID, workers: Int, _ utilisation: Double, queue: Int = 0, limit: Int = 64, p99: Double?,
                     handled: Double, shed: Int = 0, rejected: Int = 0, slow: Double = 1, paused: Bool = false,
                     state: NodeState = .up) -> ProcessLoadView {
        ProcessLoadView(id: id, state: state, workers: workers, utilisation: utilisation, queueLength: queue,
                        queueLimit: limit, p99Ms: p99, handledPerSecond: handled, shed: shed, rejected: rejected,
                        slowFactor: slow, paused: paused)
    }

    /// The default cluster's quiet load: every process well under a third busy.
    static func lightLoad() -> [ProcessLoadView] {
        [load(.balancer, workers: 4, 0.12, limit: 256, p99: 0.4, handled: 201.4)]
            + [(1, 0.21, 67.7), (2, 0.22, 68.3), (3, 0.20, 65.4)].map {
                load(.service($0.0), workers: 4, $0.1, p99: 3.1, handled: $0.2)
            }
            + [(1, 0.05, 51.6), (2, 0.06, 72.7), (3, 0.05, 54.8)].map {
                load(.cache($0.0), workers: 2, $0.1, limit: 128, p99: 0.6, handled: $0.2)
            }
            + [(1, 0.18), (2, 0.17), (3, 0.19), (4, 0.18), (5, 0.16)].map {
                load(.store($0.0), workers: 2, $0.1, p99: 8.8, handled: 38.0)
            }
    }

    /// Latency of the quiet default cluster: ten seconds of history.
    static func lightLatency() -> LatencyView {
        LatencyView(p50Ms: 4.2, p99Ms: 12.8, p999Ms: 21.5,
                    tiers: [(NodeID.Tier.balancer, 0.4), (.service, 3.1), (.cache, 0.6), (.store, 8.8)].map {
                        TierLatencyView(tier: $0.0, p99Ms: $0.1)
                    },
                    throughputPerSecond: 198.2, offeredPerSecond: 200.0, shed: 0, rejected: 0,
                    p50History: [4.0, 4.1, 4.3, 4.2, 4.1, 4.2, 4.4, 4.2, 4.1, 4.2],
                    p99History: [12.0, 12.5, 13.9, 12.7, 12.2, 12.8, 14.1, 12.6, 12.4, 12.8],
                    p999History: [19.0, 20.2, 25.3, 21.0, 20.4, 21.1, 26.0, 21.4, 20.8, 21.5],
                    throughputHistory: [190, 196, 199, 201, 197, 198, 200, 199, 196, 198],
                    offeredHistory: [192, 198, 201, 202, 199, 200, 202, 200, 198, 200])
    }

    /// The default cluster at 60 s under three times the load: n3 hot (queue nearly full, rejecting), n4
    /// slowed four times, s2 paused with a full queue, c3 idle (nothing handled, so no p99), load shed.
    static func hotStore() -> ClusterSnapshot {
        var s = defaultCluster()
        s.now = .seconds(60)
        s.faults = [.slow(.store(4), factor: 4), .paused(.service(2), untilUs: 65_000_000)]
        s.clients = ClientView(ok: 31_408, failed: 412, timedOut: 96)
        // s2 is frozen: the balancer still counts it healthy, but it answers nothing.
        s.balancer.servers = [
            server(1, rps: 251.3, share: 0.421, inFlight: 32), server(2, rps: 96.4, share: 0.161, inFlight: 32),
            server(3, rps: 248.9, share: 0.418, inFlight: 29),
        ]
        s.load = [load(.balancer, workers: 4, 0.41, queue: 3, limit: 256, p99: 0.9, handled: 512.0)]
            + [load(.service(1), workers: 4, 0.88, queue: 31, p99: 41.7, handled: 251.3, shed: 120),
               load(.service(2), workers: 4, 0.0, queue: 64, p99: nil, handled: 0, rejected: 212, paused: true),
               load(.service(3), workers: 4, 0.74, queue: 12, p99: 38.2, handled: 248.9, shed: 86)]
            + [load(.cache(1), workers: 2, 0.31, limit: 128, p99: 0.8, handled: 160.2),
               load(.cache(2), workers: 2, 0.35, limit: 128, p99: 0.9, handled: 181.0),
               load(.cache(3), workers: 2, 0.0, limit: 128, p99: nil, handled: 0)]
            + [load(.store(1), workers: 2, 0.52, queue: 4, p99: 14.1, handled: 96.0),
               load(.store(2), workers: 2, 0.49, queue: 3, p99: 13.6, handled: 92.5),
               load(.store(3), workers: 2, 0.97, queue: 61, p99: 182.4, handled: 118.7, rejected: 37),
               load(.store(4), workers: 2, 0.82, queue: 22, p99: 95.0, handled: 41.3, slow: 4),
               load(.store(5), workers: 2, 0.47, queue: 2, p99: 12.9, handled: 90.1)]
        s.latency = hotLatency()
        return s
    }

    /// Sixty seconds of history: quiet for half a minute, then the load triples and p99 climbs; the
    /// second in which nothing succeeded has no percentiles.
    static func hotLatency() -> LatencyView {
        let quiet = 30, busy = 30
        func ramp(_ low: Double, _ high: Double) -> [Double?] {
            let before: [Double?] = Array(repeating: low, count: quiet)
            let after: [Double?] = (0..<busy).map { second -> Double? in
                second == 3 ? nil : low + (high - low) * Double(min(second, 12)) / 12
            }
            return before + after
        }
        let served: [Double] = Array(repeating: 198.0, count: quiet)
            + (0..<busy).map { second -> Double in 198.0 + 300.6 * Double(min(second, 6)) / 6 }
        let offered: [Double] = Array(repeating: 200.0, count: quiet) + Array(repeating: 600.0, count: busy)
        let tiers: [TierLatencyView] = [
            TierLatencyView(tier: .balancer, p99Ms: 0.9), TierLatencyView(tier: .service, p99Ms: 41.7),
            TierLatencyView(tier: .cache, p99Ms: nil), TierLatencyView(tier: .store, p99Ms: 182.4),
        ]
        return LatencyView(
            p50Ms: 18.4, p99Ms: 164.0, p999Ms: 412.5, tiers: tiers,
            throughputPerSecond: 498.6, offeredPerSecond: 600.0, shed: 206, rejected: 249,
            p50History: ramp(4.2, 18.4), p99History: ramp(12.8, 164.0), p999History: ramp(21.5, 412.5),
            throughputHistory: served, offeredHistory: offered)
    }

    /// `defaultCluster` with `stores` store nodes (and their load), for a process list that must scroll.
    static func manyStores(_ count: Int) -> ClusterSnapshot {
        var s = defaultCluster()
        s.stores = (1...count).map { StoreView(id: .store($0), state: .up, replicas: 3, leaders: 1) }
        let storeLoad: [ProcessLoadView] = (1...count).map { n -> ProcessLoadView in
            let utilisation = Double((n * 37) % 100) / 100
            return load(.store(n), workers: 2, utilisation, p99: 8.0 + Double(n % 7), handled: 30.0)
        }
        s.load = s.load.filter { $0.id.tier != .store } + storeLoad
        return s
    }

    /// The event log's lines for the default cluster: the boot line and the first elections.
    static func bootEvents() -> [ClusterEvent] {
        let boot = ClusterEvent(sequence: 1, time: .zero, kind: .node,
                                text: "cluster up: 5 stores, 3 services, 3 caches, 24 partitions x3")
        let elections = (0..<partitions).map { p in
            ClusterEvent(sequence: 2 + p, time: .ms(3), kind: .leader, text: "p\(p): n\(p % stores + 1) is leader, term 1")
        }
        return [boot] + elections
    }

    /// What the cluster logs when n2 is killed at 10 s (and, when `reelected`, the elections after it).
    static func killEvents(reelected: Bool) -> [ClusterEvent] {
        let orphaned = (0..<partitions).filter { $0 % stores == 1 }
        var events = [ClusterEvent(sequence: 100, time: .seconds(10), kind: .node, text: "n2 killed")]
        for p in orphaned {
            events.append(ClusterEvent(sequence: 101 + p, time: .seconds(10), kind: .leader,
                                       text: "p\(p): leader n2 went down; no leader"))
        }
        guard reelected else { return events }
        for p in orphaned {
            events.append(ClusterEvent(sequence: 200 + p, time: .ms(10_240 + Int64(p) * 10), kind: .leader,
                                       text: "p\(p): \(reelectedLeader(p)) is leader, term 2"))
        }
        return events
    }
}
