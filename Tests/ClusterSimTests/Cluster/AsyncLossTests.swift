import Testing
@testable import ClusterSim

/// Asynchronous replication acknowledges before replicating, so leader crashes lose acknowledged writes:
/// the same random faults that raft mode survives must make the checker report losses on some seeds.
struct AsyncLossTests {
    @Test func asyncSweepFindsLostWrites() {
        var lossySeeds: [UInt64] = []
        for seed in UInt64(1)...40 {
            let outcome = SeedSweepTests.run(seed: seed, mode: .async)
            if outcome.problems.contains(where: { $0.contains("acknowledged writes lost") }) { lossySeeds.append(seed) }
        }
        #expect(!lossySeeds.isEmpty, "no seed in 1...40 lost an acknowledged write under async replication")
        print("async: seeds with lost writes: \(lossySeeds)")
    }
}
