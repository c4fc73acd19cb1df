import ClusterSim

/// A drill host over the bare simulated cluster, with no dashboard: commands and metrics go to the
/// cluster; keystrokes are counted but have nothing to act on.
public final class ClusterHost: DrillHost {
    public let cluster: Cluster
    public private(set) var keysPressed: [KeyInput] = []
    private let maxKeysRemembered = 10_000

    public init(cluster: Cluster) { self.cluster = cluster }

    public var now: SimTime { cluster.now }
    public func apply(_ command: ClusterCommand) -> String? { cluster.apply(command) }
    public func press(_ key: KeyInput) {
        if keysPressed.count < maxKeysRemembered { keysPressed.append(key) }
    }
    public func value(of metric: Metric) -> Double { cluster.value(of: metric) }
    public func caption(_ text: String, line: Int) {}
    public func expectation(_ result: ExpectationResult) {}
}
