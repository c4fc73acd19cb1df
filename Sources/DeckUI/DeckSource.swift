import ClusterSim

/// What the dashboard reads and drives: the live simulated cluster, or a fixed fixture in tests.
///
/// The model collects a snapshot and new events from it after every change and draws only those, so a
/// screen test can hand the dashboard any state without running a simulation.
public protocol DeckSource: AnyObject {
    /// The current virtual time; it moves only through `run(for:)`.
    var now: SimTime { get }
    /// Everything the panes draw, as of `now`.
    func snapshot() -> ClusterSnapshot
    /// Events with a sequence number above `sequence`, oldest first.
    func events(after sequence: Int) -> [ClusterEvent]
    /// Runs virtual time forward by `span`.
    func run(for span: SimTime)
    /// Carries out one command; nil when done, else why it was refused (and then nothing changed).
    func apply(_ command: ClusterCommand) -> String?
    /// A drill metric's current value (what `expect` lines read).
    func value(of metric: Metric) -> Double
}

/// The live dashboard reads the simulated cluster itself.
extension Cluster: DeckSource {}
