import ClusterSim
import Drill

/// Plays a drill against the dashboard's own state machine: commands and keys go through the same
/// paths the operator's keys use, captions and expectations land in the caption bar and event log.
///
/// Headless play and the terminal both drive this host, so a drill behaves the same in both.
public final class DeckDrillHost: DrillHost {
    public var model: DeckModel
    /// Called right after each caption and expectation is shown, at that exact virtual moment.
    public var onReport: ((DeckDrillHost) -> Void)?

    public init(model: DeckModel) { self.model = model }

    /// A dashboard model over a new cluster, with the `:` line parsing the drill command language.
    public static func makeModel(config: ClusterConfig, columns: Int = 160, rows: Int = 48, monochrome: Bool = false) -> DeckModel {
        DeckModel(cluster: Cluster(config: config), parseCommand: DeckDrillHost.parseCommand,
                  columns: columns, rows: rows, monochrome: monochrome)
    }

    /// Parses a `:` line against the cluster's current size, so `kill n6` works once `add store` ran.
    public static func parseCommand(_ line: String, _ now: ClusterSnapshot) throws -> ClusterCommand {
        let topology = Topology(stores: now.stores.count, services: now.balancer.servers.count, caches: now.cache.nodes.count)
        return try CommandParser.parse(line, topology: topology)
    }

    public var now: SimTime { model.cluster.now }

    public func apply(_ command: ClusterCommand) -> String? {
        let refusal = model.cluster.apply(command)
        model.collect()
        return refusal
    }

    public func press(_ key: KeyInput) {
        model.collect()
        model.press(key)
    }

    public func value(of metric: Metric) -> Double { model.cluster.value(of: metric) }

    public func caption(_ text: String, line: Int) {
        model.showCaption(text)
        onReport?(self)
    }

    public func expectation(_ result: ExpectationResult) {
        model.recordExpectation("\(result.at) \(result.expectation) (\(ValueText.format(result.actual)))", passed: result.passed)
        onReport?(self)
    }

    /// Runs the cluster to `time` (a drill's wait). The caller refreshes the model when it next draws.
    public func advance(to time: SimTime) {
        guard time > model.cluster.now else { return }
        model.cluster.run(until: time)
    }
}
