import Testing
@testable import ClusterSim

/// Asynchronous replication acknowledges before replicating, so leader crashes lose acknowledged writes:
/// the same random faults that raft mode survives must make the checker report losses on some seeds.
struct AsyncLossTests {
    @Test func asyncSweepFindsLostWrites() {
        let lossy = (UInt64(1)...40).filter { ChaosRun(seed: $0, mode: .async).run().lostWrites > 0 }
        #expect(lossy.count >= 4, "only seeds \(lossy) of 1...40 lost an acknowledged write under async replication")
    }
}
