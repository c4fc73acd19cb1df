import ClusterSim

/// The words of the drill and command languages, and the typo suggestions their error messages offer.
public enum DrillLanguage {
    /// Starts a comment that runs to the end of the line (outside a quoted string).
    public static let commentMarker: Character = "#"
    /// Separates the groups of a `partition` command.
    public static let groupSeparator = "|"

    /// Directives that describe the drill and its cluster; at most once each, before any action.
    public static let headerDirectives = ["title", "seed", "cluster"]
    /// Directives that are steps of the drill, besides the cluster commands.
    public static let actionDirectives = ["caption", "wait", "key", "expect"]
    /// The first words of the cluster commands, shared by drills and the dashboard's `:` line.
    public static let commandNames = [
        "add", "kill", "restart", "isolate", "partition", "heal", "rebalance", "lb", "latency", "loss",
        "workload", "replication", "slow", "pause", "cut", "shed",
    ]
    /// Every word that may begin a drill line, in the order suggestions prefer them.
    public static let directives = headerDirectives + actionDirectives + commandNames

    /// The candidate most likely meant by a mistyped `word`, or nil when none is close.
    ///
    /// A candidate is close when `word` is a prefix of it (three letters or more) or when they differ by
    /// one edit for short words and two for longer ones; ties go to the earlier candidate.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        if word.count >= 3, let prefixed = candidates.first(where: { $0.hasPrefix(word) }) {
            return prefixed
        }
        let limit = word.count <= 3 ? 1 : 2
        var best: (name: String, distance: Int)?
        // The distance is at least the difference in length, so far-off lengths need no table.
        for candidate in candidates where abs(candidate.count - word.count) <= limit {
            let distance = editDistance(word, candidate)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// `": did you mean X?"` for a close candidate, else the empty string; for the end of a message.
    static func suggestion(for word: String, in candidates: [String]) -> String {
        guard let near = nearest(to: word, in: candidates) else { return "" }
        return ": did you mean \(near)?"
    }

    /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { table[i][0] = i }
        for j in 0...y.count { table[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d = min(d, table[i - 2][j - 2] + 1)
                }
                table[i][j] = d
            }
        }
        return table[x.count][y.count]
    }
}
