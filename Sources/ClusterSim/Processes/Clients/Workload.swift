/// The open-loop client workload: when the next operation arrives, which key it touches, read or write.
struct Workload {
    var config: WorkloadConfig
    var random: SimRandom
    /// Cumulative probabilities of key ranks under Zipf; key = rank.
    private var cdf: [Double] = []

    init(config: WorkloadConfig, random: SimRandom) {
        self.config = config
        self.random = random
        rebuild()
    }

    mutating func update(_ change: WorkloadChange) {
        if let r = change.ratePerSecond { config.ratePerSecond = r }
        if let r = change.readFraction { config.readFraction = r }
        if let k = change.keys { config.keys = k }
        if let n = change.retries { config.retries = n }
        if let z = change.zipfExponent { config.zipfExponent = z }
        guard change.keys != nil || change.zipfExponent != nil else { return }
        rebuild()
    }

    private mutating func rebuild() {
        var weights = [Double](repeating: 0, count: config.keys)
        var total = 0.0
        for rank in 0..<config.keys {
            let w = 1.0 / Workload.power(Double(rank + 1), config.zipfExponent)
            weights[rank] = w
            total += w
        }
        var running = 0.0
        cdf = weights.map { w in
            running += w / total
            return running
        }
        cdf[cdf.count - 1] = 1.0
    }

    /// x^s for x >= 1, through exp/log written here so results do not depend on a platform's pow.
    static func power(_ x: Double, _ s: Double) -> Double {
        if s == 0 { return 1 }
        return Workload.exp(s * Workload.log(x))
    }

    static func log(_ x: Double) -> Double {
        // ln(x) = 2 atanh((x-1)/(x+1)), after scaling x into [1, 2) by powers of two.
        var m = x
        var k = 0
        while m >= 2 { m /= 2; k += 1 }
        while m < 1 { m *= 2; k -= 1 }
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        var term = t
        var sum = 0.0
        var n = 1.0
        while abs(term / n) > 1e-17 {
            sum += term / n
            term *= t2
            n += 2
        }
        return 2 * sum + Double(k) * 0.693_147_180_559_945_3
    }

    static func exp(_ x: Double) -> Double {
        // e^x = (e^(x/2^k))^(2^k) with a Taylor series for the small part.
        var k = 0
        var y = x
        while abs(y) > 0.5 { y /= 2; k += 1 }
        var term = 1.0
        var sum = 1.0
        var n = 1.0
        while abs(term) > 1e-17 {
            term *= y / n
            sum += term
            n += 1
        }
        for _ in 0..<k { sum *= sum }
        return sum
    }

    /// The longest gap between two operations: a day of virtual time.
    static let gapUsMax: Int64 = 86_400_000_000

    /// Virtual microseconds until the next operation (exponential inter-arrival: a Poisson process).
    mutating func nextGapUs() -> Int64 {
        guard config.ratePerSecond > 0 else { return 1_000_000 }
        let u = max(random.unit(), 1e-12)
        let gapUs = -Workload.log(u) / config.ratePerSecond * 1_000_000
        // A rate below ClusterLimits' minimum cannot be configured; the clamp keeps the conversion safe anyway.
        return max(1, Int64(min(gapUs, Double(Workload.gapUsMax))))
    }

    mutating func nextKey() -> Int {
        let u = random.unit()
        var lo = 0, hi = cdf.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func nextIsRead() -> Bool {
        random.chance(config.readFraction)
    }

    /// The partition that owns a key: a fixed hash, decided once for the cluster's life.
    static func partition(ofKey key: Int, partitions: Int) -> Int {
        var x = UInt64(truncatingIfNeeded: key) &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return Int(x % UInt64(partitions))
    }
}
