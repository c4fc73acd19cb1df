import Testing
@testable import ClusterSim

/// Random faults over many seeds: kills, restarts, partitions, isolations, loss and heals, then recovery.
/// Each seed must keep every invariant and get a leader for every partition within 5 s of the last repair.
struct SeedSweepTests {
    @Test(arguments: 0..<4)
    func raftModeKeepsEveryInvariantOn200Seeds(block: Int) {
        // Four blocks of 50 seeds so the runner can spread them over cores.
        var elections = 0
        for seed in UInt64(block * 50 + 1)...UInt64(block * 50 + 50) {
            let outcome = ChaosRun(seed: seed).run()
            elections += outcome.leaderElections
            #expect(outcome.problems.isEmpty, "\(outcome) (replay: ChaosRun(seed: \(seed)).run())")
        }
        // The faults must actually force re-elections, or the sweep proves nothing.
        #expect(elections > 50 * 6 * 2, "only \(elections) leaderships in 50 seeds")
    }
}
