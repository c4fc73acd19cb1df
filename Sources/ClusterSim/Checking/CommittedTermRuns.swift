/// The term of every committed index of one partition, stored as runs of equal terms.
///
/// A Raft log's terms never decrease along it, so the committed log is a few long runs: one per
/// leader that got entries committed. Storing `(first index, term)` per run keeps the exact term of
/// every index in memory proportional to elections, not writes. (A buggy cluster can make terms go
/// down; that is just another run.) The prefix no replica can apply again can be forgotten.
struct CommittedTermRuns {
    /// Runs in index order; run `i` covers `runs[i].firstIndex` up to the next run's first index - 1,
    /// the last one up to `lastIndex`. Runs before `head` are forgotten.
    private var runs: [(firstIndex: Int, term: Int)] = []
    private var head = 0
    /// The highest index whose term is known (0: none yet).
    private(set) var lastIndex = 0
    /// Indices at or below this were forgotten: `term(at:)` no longer answers for them.
    private(set) var forgottenThrough = 0

    /// Runs held in memory.
    var runCount: Int { runs.count - head }

    /// Adds the term of index `lastIndex + 1`.
    mutating func append(term: Int) {
        lastIndex += 1
        if head < runs.count, runs[runs.count - 1].term == term { return }
        runs.append((lastIndex, term))
    }

    /// The term committed at `index`, or nil when it is forgotten or not yet known.
    func term(at index: Int) -> Int? {
        guard index > forgottenThrough, index <= lastIndex else { return nil }
        if runs[runs.count - 1].firstIndex <= index { return runs[runs.count - 1].term }
        return runs[run(containing: index)].term
    }

    /// Forgets every index up to `index` (at most `lastIndex`; forgetting never moves back).
    mutating func forget(through index: Int) {
        let target = min(index, lastIndex)
        guard target > forgottenThrough else { return }
        forgottenThrough = target
        // Keep the run holding the first index still remembered (or the last run).
        head = target == lastIndex ? runs.count - 1 : run(containing: target + 1)
        if head > 1_024 && head * 2 > runs.count {
            runs.removeFirst(head)
            head = 0
        }
    }

    /// The position of the run holding `index`, which must be remembered and known.
    private func run(containing index: Int) -> Int {
        var low = head, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].firstIndex <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
