import ClusterSim
import DeckUI

/// A fixed cluster state for screen tests: the dashboard draws exactly the snapshot given, so golden
/// screens do not change when the simulation's numbers do.
///
/// Time moves only the snapshot's clock; commands are recorded (and refused with `refusal` when set), never
/// carried out, so a test can check which command a key sent without a cluster behind it.
final class FixtureSource: DeckSource {
    var state: ClusterSnapshot
    var events: [ClusterEvent]
    /// Every command the dashboard sent, in order.
    private(set) var commands: [ClusterCommand] = []
    /// What `apply` answers; nil accepts every command (without changing anything).
    var refusal: String?
    /// What `value(of:)` answers, by metric; 0 for the rest.
    var metrics: [(Metric, Double)] = []

    init(_ snapshot: ClusterSnapshot, events: [ClusterEvent] = []) {
        state = snapshot
        self.events = events
    }

    var now: SimTime { state.now }
    func snapshot() -> ClusterSnapshot { state }
    func events(after sequence: Int) -> [ClusterEvent] { events.filter { $0.sequence > sequence } }
    func run(for span: SimTime) { state.now += span }

    func apply(_ command: ClusterCommand) -> String? {
        commands.append(command)
        return refusal
    }

    func value(of metric: Metric) -> Double { metrics.first { $0.0 == metric }?.1 ?? 0 }
}
