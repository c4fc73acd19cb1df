import ClusterSim
@testable import Drill

/// A small stand-in cluster for player tests: its metrics follow its own state and the virtual clock.
///
/// Killing a store leaves 3 partitions leaderless for `electionMs`; killing a node that is down, or
/// restarting one that is up, is refused the way the real cluster refuses it.
final class FakeHost: DrillHost {
    static let electionMs: Int64 = 1_200

    private(set) var now: SimTime
    /// Every call the player made, in order, as `TIME what`.
    private(set) var events: [String] = []
    private(set) var results: [ExpectationResult] = []
    /// The times at which the player read a metric.
    private(set) var reads: [SimTime] = []
    private var down: [NodeID] = []
    private var lastStoreFailure: SimTime?
    var lostWrites = 0.0

    init(now: SimTime = .zero) {
        self.now = now
    }

    func advance(to time: SimTime) {
        precondition(time >= now, "time only moves forward")
        now = time
    }

    func apply(_ command: ClusterCommand) -> String? {
        switch command {
        case .kill(let node):
            if down.contains(node) { return "\(node) is already down" }
            down.append(node)
            if node.tier == .store { lastStoreFailure = now }
        case .restart(let node):
            guard let index = down.firstIndex(of: node) else { return "\(node) is already up" }
            down.remove(at: index)
        default:
            break
        }
        events.append("\(now) apply \(command)")
        return nil
    }

    func press(_ key: KeyInput) {
        events.append("\(now) key \(key)")
    }

    func value(of metric: Metric) -> Double {
        reads.append(now)
        switch metric {
        case .leaderless:
            if let failure = lastStoreFailure, now < failure + .ms(Self.electionMs) { return 3 }
            return 0
        case .up(let node):
            return down.contains(node) ? 0 : 1
        case .lostWrites:
            return lostWrites
        case .hitRatio:
            // The cache warms up linearly over 8 seconds.
            return min(1, now.seconds / 8)
        default:
            return 0
        }
    }

    func caption(_ text: String, line: Int) {
        events.append("\(now) caption line \(line): \(text)")
    }

    func expectation(_ result: ExpectationResult) {
        results.append(result)
    }
}

/// Shorthands for player tests: build from drill text, play the way the headless runner does.
extension DrillPlayer {
    /// A player for drill `text`, which must parse.
    static func make(_ text: String) throws -> DrillPlayer {
        DrillPlayer(script: try DrillParser.parse(text, file: "t.drill"))
    }

    /// Plays to the end the way the headless runner does, moving time straight to each deadline.
    mutating func playHeadless(_ host: FakeHost) -> DrillSummary {
        playToEnd(host: host) { host.advance(to: $0) }
    }
}
