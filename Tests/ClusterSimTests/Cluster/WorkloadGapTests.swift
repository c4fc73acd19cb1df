import Testing
@testable import ClusterSim

/// The arrival process stays safe at the edges of its configuration.
struct WorkloadGapTests {
    // A rate of 1e-14 made the gap 1e20 µs, which trapped converting to Int64; the gap is now capped at a day.
    @Test func aVanishingRateWaitsADayInsteadOfTrapping() {
        var config = WorkloadConfig()
        config.ratePerSecond = 1e-14
        var workload = Workload(config: config, random: SimRandom(seed: 3))
        for _ in 0..<100 { #expect(workload.nextGapUs() == Workload.gapUsMax) }
        config.ratePerSecond = ClusterLimits.ratePerSecondMin
        workload = Workload(config: config, random: SimRandom(seed: 3))
        let gaps = (0..<1_000).map { _ in workload.nextGapUs() }
        // Mean gap of an exponential at 0.001/s is 1,000 s; a thousand draws land well within 20 %.
        let meanSeconds = Double(gaps.reduce(0, +)) / Double(gaps.count) / 1e6
        #expect(meanSeconds > 800 && meanSeconds < 1_200, "\(meanSeconds)")
    }
}
