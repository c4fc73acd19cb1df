import ArgumentParser
import ClusterSim
import Foundation

/// `clusterdeck bench`: measures how fast the simulation runs. Meant for release builds.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure simulation speed: virtual seconds per wall second on a cluster (use a release build).",
        discussion: "Example: swift build -c release && .build/release/clusterdeck bench --virtual-seconds 120"
    )

    @OptionGroup var cluster: ClusterOptions

    @Option(parsing: .unconditional, help: "Virtual seconds to simulate per repetition (1-86400).",
            transform: { Int64(try NumberArgument.integer($0)) })
    var virtualSeconds: Int64 = 60

    @Option(parsing: .unconditional, help: "Repetitions (a fresh cluster each time; 1-100); the median is reported.",
            transform: NumberArgument.integer)
    var repeats = 3

    func validate() throws {
        guard virtualSeconds >= 1 && virtualSeconds <= 86_400 else { throw ValidationError("--virtual-seconds must be 1-86400") }
        guard repeats >= 1 && repeats <= 100 else { throw ValidationError("--repeats must be 1-100") }
    }

    func run() throws {
        let config = cluster.config()
        var speeds: [Double] = []
        for r in 1...repeats {
            let started = DispatchTime.now().uptimeNanoseconds
            let sim = Cluster(config: config)
            sim.run(for: .seconds(virtualSeconds))
            let wallNs = DispatchTime.now().uptimeNanoseconds - started
            let speed = Double(virtualSeconds) / (Double(wallNs) / 1e9)
            speeds.append(speed)
            print("run \(r): \(virtualSeconds) virtual s in \(String(format: "%.3f", Double(wallNs) / 1e9)) wall s = \(String(format: "%.1f", speed))x, "
                  + "\(sim.eventsProcessed) events (\(String(format: "%.0f", Double(sim.eventsProcessed) / (Double(wallNs) / 1e9))) events/s), ops ok \(sim.snapshot().clients.ok)")
        }
        speeds.sort()
        print("median sim_speed \(String(format: "%.1f", speeds[speeds.count / 2]))x over \(repeats) runs "
              + "(\(config.stores) stores, \(config.partitions) partitions x\(config.replicas), \(Int(config.workload.ratePerSecond)) ops/s)")
    }
}
