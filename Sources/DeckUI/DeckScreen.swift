import Drill

/// The dashboard's screens, switched with their number keys and listed in the footer.
///
/// A new screen is a new case here, a render function in `render`'s switch, and its rectangles in `Layout`;
/// the key table, footer and help pick it up from `allCases`.
public enum DeckScreen: Int, CaseIterable, Sendable {
    /// Placement, leaders, replication lag, balancer, cache and the event log.
    case overview = 1
    /// Every process's load, end-to-end latency, and offered load against throughput.
    case load = 2

    public var title: String {
        switch self {
        case .overview: return "Overview"
        case .load: return "Load"
        }
    }

    /// The number key that shows this screen.
    public var key: KeyInput { .char(Character(String(rawValue))) }

    /// The message line's hint while nothing else is shown there.
    var hint: String {
        switch self {
        case .overview: return "Tab moves between panes, ↑↓ picks a row, x/r/i act on it; 2 shows load; ? lists every key"
        case .load: return "↑↓ picks a process, x/r/i act on it, u sorts by utilisation; 1 overview; ? lists every key"
        }
    }
}
