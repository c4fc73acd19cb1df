import ClusterSim

/// What a drill plays against: the simulated cluster with its dashboard, or a test's fake.
public protocol DrillHost: AnyObject {
    /// The current virtual time; only the caller of `DrillPlayer.poll` moves it.
    var now: SimTime { get }
    /// Carries out a command; nil when done, else why it was refused (`n2 is already down`).
    func apply(_ command: ClusterCommand) -> String?
    /// Delivers a keystroke to the dashboard.
    func press(_ key: KeyInput)
    /// The metric's current value.
    func value(of metric: Metric) -> Double
    /// Shows a caption from drill line `line`.
    func caption(_ text: String, line: Int)
    /// Reports a decided expectation, so the dashboard can log PASS or FAIL.
    func expectation(_ result: ExpectationResult)
}
