import ArgumentParser
import ClusterSim

/// The cluster-shaping flags shared by the dashboard and `play`.
struct ClusterOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seed for every random choice in the simulation.",
            transform: NumberArgument.unsigned)
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Store nodes (1-32).", transform: NumberArgument.integer)
    var stores: Int?

    @Option(parsing: .unconditional, help: "Service instances behind the balancer (1-32).", transform: NumberArgument.integer)
    var services: Int?

    @Option(parsing: .unconditional, help: "Cache nodes (1-32).", transform: NumberArgument.integer)
    var caches: Int?

    @Option(parsing: .unconditional, help: "Partitions of the key space (1-256).", transform: NumberArgument.integer)
    var partitions: Int?

    @Option(parsing: .unconditional, help: "Replicas per partition (1 to the number of stores).", transform: NumberArgument.integer)
    var replicas: Int?

    @Option(parsing: .unconditional, help: "Client operations per second of virtual time (0.001-100000).",
            transform: NumberArgument.decimal("rate", in: ClusterLimits.ratePerSecondMin...ClusterLimits.ratePerSecondMax,
                                               rangeText: ClusterLimits.rateRangeText))
    var rate: Double?

    func validate() throws {
        func check(_ value: Int?, _ name: String, _ range: ClosedRange<Int>) throws {
            if let value, !range.contains(value) {
                throw ValidationError("--\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            }
        }
        let tier = 1...ClusterLimits.processesPerTierMax
        try check(stores, "stores", tier)
        try check(services, "services", tier)
        try check(caches, "caches", tier)
        try check(partitions, "partitions", 1...ClusterLimits.partitionsMax)
        try check(replicas, "replicas", tier)
        if let replicas, replicas > (stores ?? ClusterConfig().stores) {
            throw ValidationError("--replicas \(replicas) is more than the \(stores ?? ClusterConfig().stores) stores")
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
