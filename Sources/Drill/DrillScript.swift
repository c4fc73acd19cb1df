import ClusterSim

/// A parsed drill, ready to play: its title, the cluster it starts from, and its steps in file order.
public struct DrillScript: Sendable, Equatable {
    public var title: String?
    /// `ClusterConfig()` with the drill's `seed` and `cluster` settings applied.
    public var config: ClusterConfig
    public var steps: [DrillStep]

    public init(title: String?, config: ClusterConfig, steps: [DrillStep]) {
        self.title = title
        self.config = config
        self.steps = steps
    }

    /// The most virtual time the drill can take: every wait plus every expectation's `within`.
    public var virtualLength: SimTime {
        steps.reduce(SimTime.zero) { total, step in
            switch step.action {
            case .wait(let span): return total + span
            case .expect(let expectation): return total + (expectation.within ?? .zero)
            default: return total
            }
        }
    }
}

/// One action of a drill and the line it came from.
public struct DrillStep: Sendable, Equatable {
    /// 1-based line number in the drill file.
    public var line: Int
    public var action: DrillAction

    public init(line: Int, action: DrillAction) {
        self.line = line
        self.action = action
    }
}

/// What one drill step does when the player reaches it.
public enum DrillAction: Sendable, Equatable {
    /// Show a caption to the trainee.
    case caption(String)
    /// Let this much virtual time pass, counted from when the step starts.
    case wait(SimTime)
    /// Apply a cluster command; `text` is the command as written, for error lines.
    case command(ClusterCommand, text: String)
    /// Press a key on the dashboard.
    case key(KeyInput)
    /// Check a metric.
    case expect(Expectation)
}
