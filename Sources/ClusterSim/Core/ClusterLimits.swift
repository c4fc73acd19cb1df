/// The bounds every input that shapes a cluster is checked against, in one place: flags, drill headers,
/// drill commands and the dashboard's `:` line all read them from here.
public enum ClusterLimits {
    /// The most processes one tier (stores, services, caches) may hold; `add` stops there.
    public static let processesPerTierMax = 32
    /// The most partitions of the key space.
    public static let partitionsMax = 256
    /// The slowest client workload: one operation every 1,000 s of virtual time on average.
    public static let ratePerSecondMin = 0.001
    /// The fastest client workload, operations per second of virtual time.
    public static let ratePerSecondMax = 100_000.0
    /// The most distinct keys the workload draws from.
    public static let keysMax = 10_000_000
    /// The steepest Zipf exponent of key popularity.
    public static let zipfExponentMax = 10.0

    /// `rate` as the range message words it: "from 0.001 to 100000".
    public static let rateRangeText = "from 0.001 to 100000"
}
