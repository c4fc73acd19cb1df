import Testing
@testable import ClusterSim

/// The default cluster boots, elects a leader for every partition, and serves its workload.
struct ClusterBootTests {
    @Test func defaultClusterElectsLeadersAndServesTraffic() {
        let cluster = Cluster(config: ClusterConfig())
        cluster.run(for: .seconds(5))
        let s = cluster.snapshot()
        #expect(cluster.value(of: .leaderless) == 0)
        // Leaders start spread evenly: 24 partitions over 5 stores is 4 or 5 each.
        #expect(s.stores.allSatisfy { $0.leaders >= 4 && $0.leaders <= 5 }, "\(s.stores)")
        #expect(s.stores.map(\.replicas).reduce(0, +) == 72)
        #expect(s.clients.ok > 800, "ok=\(s.clients.ok) failed=\(s.clients.failed) timedOut=\(s.clients.timedOut)")
        #expect(s.clients.failed + s.clients.timedOut == 0)
        #expect(s.cache.hits > 0 && s.cache.misses > 0)
        #expect(s.balancer.servers.allSatisfy { $0.share > 0.2 })
        #expect(s.checks.electionSafetyViolations == 0 && s.checks.acknowledgedWritesLost == 0)
    }
}
