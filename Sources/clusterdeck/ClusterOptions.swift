import ArgumentParser
import ClusterSim

/// The cluster-shaping flags shared by the dashboard and `play`.
struct ClusterOptions: ParsableArguments {
    @Option(help: "Seed for every random choice in the simulation.")
    var seed: UInt64?

    @Option(help: "Store nodes (1-32).")
    var stores: Int?

    @Option(help: "Service instances behind the balancer (1-32).")
    var services: Int?

    @Option(help: "Cache nodes (1-32).")
    var caches: Int?

    @Option(help: "Partitions of the key space (1-256).")
    var partitions: Int?

    @Option(help: "Replicas per partition (1 to the number of stores).")
    var replicas: Int?

    @Option(help: "Client operations per second of virtual time.")
    var rate: Double?

    func validate() throws {
        func check(_ value: Int?, _ name: String, _ range: ClosedRange<Int>) throws {
            if let value, !range.contains(value) {
                throw ValidationError("--\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            }
        }
        try check(stores, "stores", 1...32)
        try check(services, "services", 1...32)
        try check(caches, "caches", 1...32)
        try check(partitions, "partitions", 1...256)
        try check(replicas, "replicas", 1...32)
        if let replicas, replicas > (stores ?? ClusterConfig().stores) {
            throw ValidationError("--replicas \(replicas) is more than the \(stores ?? ClusterConfig().stores) stores")
        }
        if let rate, !(rate > 0 && rate <= 100_000) {
            throw ValidationError("--rate must be above 0 and at most 100000, got \(rate)")
        }
    }

    /// Applies the flags given on top of `base` (a drill's own cluster line, or the defaults).
    func config(over base: ClusterConfig = ClusterConfig()) -> ClusterConfig {
        var c = base
        if let seed { c.seed = seed }
        if let stores { c.stores = stores }
        if let services { c.services = services }
        if let caches { c.caches = caches }
        if let partitions { c.partitions = partitions }
        if let replicas { c.replicas = replicas }
        if let rate { c.workload.ratePerSecond = rate }
        return c
    }

    var isEmpty: Bool {
        seed == nil && stores == nil && services == nil && caches == nil && partitions == nil && replicas == nil && rate == nil
    }
}
