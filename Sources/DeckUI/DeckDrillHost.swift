import ClusterSim
import Drill

/// Plays a drill against the dashboard's own state machine: every step (command, key, wait, caption,
/// expectation) is a message to `update`, exactly as the operator's keys are.
///
/// Headless play and the terminal both drive this host, so a drill behaves the same in both.
public final class DeckDrillHost: DrillHost {
    public var model: DeckModel
    /// Called right after each caption and expectation is shown, at that exact virtual moment.
    public var onReport: ((DeckDrillHost) -> Void)?

    public init(model: DeckModel) { self.model = model }

    /// A dashboard model over `source` (the live cluster), with the `:` line parsing the drill command language.
    public static func makeModel(source: any DeckSource, columns: Int = 160, rows: Int = 48,
                                 monochrome: Bool = false) -> DeckModel {
        DeckModel(source: source, parseCommand: DeckDrillHost.parseCommand, columns: columns, rows: rows,
                  monochrome: monochrome)
    }

    /// Parses a `:` line against the cluster's current size, so `kill n6` works once `add store` ran.
    public static func parseCommand(_ line: String, _ now: ClusterSnapshot) throws -> ClusterCommand {
        let topology = Topology(stores: now.stores.count, services: now.balancer.servers.count, caches: now.cache.nodes.count)
        return try CommandParser.parse(line, topology: topology)
    }

    public var now: SimTime { model.source.now }

    public func apply(_ command: ClusterCommand) -> String? {
        for effect in update(&model, .command(command)) {
            if case .refused(let reason) = effect { return reason }
        }
        return nil
    }

    public func press(_ key: KeyInput) { update(&model, .key(key)) }

    public func value(of metric: Metric) -> Double { model.source.value(of: metric) }

    public func caption(_ text: String, line: Int) {
        update(&model, .caption(text))
        onReport?(self)
    }

    public func expectation(_ result: ExpectationResult) {
        update(&model, .expectation(text: "\(result.at) \(result.expectation) (\(ValueText.format(result.actual)))",
                                    passed: result.passed))
        onReport?(self)
    }

    /// Runs virtual time to `time` (a drill's wait) through `update`, which collects the new state.
    public func advance(to time: SimTime) {
        guard time > now else { return }
        update(&model, .advance(time - now))
    }

    /// Shows the end-of-drill overlay.
    public func finish(passed: Int, failed: Int) { update(&model, .summary(passed: passed, failed: failed)) }
}
