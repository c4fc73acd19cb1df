/// The leader seen in each term of one partition, for the election-safety check, in bounded memory.
///
/// A replica only becomes leader in a term above the one it holds, so once every replica of the
/// partition (running or down) holds a term above T, no second leader of T can appear and T's entry
/// can go (`forget(below:)`). A replica created later starts at term 0, but it cannot campaign until
/// the leader's snapshot gives it a membership, and by then it holds the leader's term. On top of
/// that exact bound, at most `termsKept` terms are kept, the newest: the cluster reports a
/// leadership only in a term at or above the newest it has reported, so the oldest are never asked
/// about again.
struct TermLeaders {
    /// The most terms remembered at once.
    static let termsKept = 1_024

    /// (term, leader) in increasing term order.
    private var leaders: [(term: Int, leader: NodeID)] = []
    private var head = 0

    /// Terms remembered now.
    var count: Int { leaders.count - head }

    /// What `record` found.
    enum Outcome: Equatable {
        /// The first leader seen in the term.
        case first
        /// The same leader as before in that term.
        case repeated
        /// Another leader was already seen in that term: election safety is broken.
        case secondLeader(NodeID)
        /// The term is older than every term kept while the book is full: it cannot be judged.
        case beyondWindow
    }

    /// Records that `leader` leads `term`.
    mutating func record(term: Int, leader: NodeID) -> Outcome {
        var position = leaders.count
        while position > head, leaders[position - 1].term >= term {
            if leaders[position - 1].term == term {
                let existing = leaders[position - 1].leader
                return existing == leader ? .repeated : .secondLeader(existing)
            }
            position -= 1
        }
        if position == head && count >= Self.termsKept { return .beyondWindow }
        leaders.insert((term, leader), at: position)
        if count > Self.termsKept { head += 1 }
        compact()
        return .first
    }

    /// Forgets every term below `term`.
    mutating func forget(below term: Int) {
        while head < leaders.count, leaders[head].term < term { head += 1 }
        compact()
    }

    private mutating func compact() {
        if head > 64 && head * 2 > leaders.count {
            leaders.removeFirst(head)
            head = 0
        }
    }
}
