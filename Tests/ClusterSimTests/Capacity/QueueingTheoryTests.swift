import Testing
@testable import ClusterSim

/// The capacity model against queueing theory: one service instance with c workers and exponential CPU
/// time, fed the clients' Poisson arrivals (every other tier costs nothing), has the mean time in system
/// that the M/M/c formula (Erlang C) predicts, within 10 %.
struct QueueingTheoryTests {
    /// Mean time in an M/M/c system: service time plus the expected wait, C(c, a) · S / (c - a).
    static func erlangCMeanTimeInSystemUs(workers c: Int, serviceUs s: Double, utilisation rho: Double) -> Double {
        let a = rho * Double(c)
        var term = 1.0
        var sum = 0.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let last = term * a / Double(c) / (1 - rho)
        let probabilityOfWaiting = last / (sum + last)
        return s + probabilityOfWaiting * s / (Double(c) - a)
    }

    @Test func erlangCMatchesTheTextbook() {
        // M/M/1 at rho 0.5: W = S / (1 - rho); M/M/2 at rho 0.8: C = 0.7111, W = S (1 + C / 0.4).
        #expect(abs(Self.erlangCMeanTimeInSystemUs(workers: 1, serviceUs: 1, utilisation: 0.5) - 2) < 1e-9)
        #expect(abs(Self.erlangCMeanTimeInSystemUs(workers: 2, serviceUs: 1, utilisation: 0.8) - 2.7778) < 1e-3)
    }

    @Test(arguments: [(2, 0.5), (2, 0.8)])
    func meanTimeInSystemMatchesErlangC(workers: Int, utilisation: Double) {
        let serviceUs: Int64 = 2_000
        var config = ClusterConfig()
        config.seed = 5
        config.services = 1
        config.serviceWorkers = workers
        config.serviceCpuUsPerRequest = serviceUs
        config.balancerCpuUsPerRequest = 0
        config.cacheCpuUsPerRequest = 0
        config.storeCpuUsPerRequest = 0
        config.storeCpuUsPerAppend = 0
        config.workload.readFraction = 1
        config.workload.ratePerSecond = utilisation * Double(workers) * 1e6 / Double(serviceUs)
        let cluster = Cluster(config: config)
        cluster.run(for: .seconds(2))
        let before = cluster.pools[.service(1)].meter
        cluster.run(for: .seconds(30))
        let after = cluster.pools[.service(1)].meter
        let handled = after.handledTotal - before.handledTotal
        let measured = Double(after.sojournUsTotal - before.sojournUsTotal) / Double(handled)
        let theory = Self.erlangCMeanTimeInSystemUs(workers: workers, serviceUs: Double(serviceUs), utilisation: utilisation)
        #expect(handled > Int(config.workload.ratePerSecond * 25), "only \(handled) requests handled")
        #expect(abs(measured / theory - 1) < 0.10, "mean time in system \(measured) µs, M/M/\(workers) says \(theory) µs")
    }
}
