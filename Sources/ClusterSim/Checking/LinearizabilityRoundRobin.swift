/// Runs the searches of many partitions in turn, a fixed slice of steps each, within one shared budget.
///
/// Steps are shared: when they run out the check stops where it is. Memory is shared as the sum
/// of the caches of the searches not yet decided. When a search needs room that is not there, the
/// search holding the most (the one that asked, on a tie) is given up as undecided and its cache
/// freed, and the rest carry on: a violation in another partition is still found, and a partition
/// that fits is still decided. Stopping was chosen over evicting cache entries: a search without
/// its cache stays correct but can redo exponential work, and which entries a hashed set gives up
/// first would depend on the per-process hash seed, so the answer could differ between runs.
struct LinearizabilityRoundRobin<Model: LinearizabilityModel> {
    /// Why the rounds ended.
    enum Stop {
        /// Every partition was decided or given up.
        case ranOut
        /// Partition `partition` has no linearization (operation ids as given to its search).
        case violation(partition: Int, prefix: [Int], state: Model.State, blocked: Int)
        /// The step budget ran out first.
        case outOfSteps
    }

    private enum Turn { case continues, decided, gaveUpSelf, stop(Stop) }

    private var searches: [LinearizabilitySearch<Model>]
    private let budget: LinearizabilityBudget
    private let sliceSteps: Int
    /// Partitions neither decided nor given up, in turn order, once `run` has returned.
    private(set) var undecided: [Int]
    private var givenUp: [Bool]
    /// Partitions given up for memory, in the order they were given up.
    private(set) var givenUpOrder: [Int] = []
    private(set) var steps = 0
    private var heldBytes = 0
    /// The most the caches held at once, in estimated bytes.
    private(set) var peakBytes = 0

    init(searches: [LinearizabilitySearch<Model>], budget: LinearizabilityBudget, sliceSteps: Int) {
        precondition(sliceSteps > 0)
        self.searches = searches
        self.budget = budget
        self.sliceSteps = sliceSteps
        self.undecided = Array(searches.indices)
        self.givenUp = Array(repeating: false, count: searches.count)
    }

    /// Runs rounds until every partition is decided or given up, a violation turns up, or the
    /// steps run out.
    mutating func run() -> Stop {
        while !undecided.isEmpty {
            let round = undecided
            var next: [Int] = []
            for (position, i) in round.enumerated() where !givenUp[i] {
                switch turn(i, round: round) {
                case .continues: next.append(i)
                case .decided, .gaveUpSelf: continue
                case .stop(let stop):
                    let from = if case .violation = stop { position + 1 } else { position }
                    undecided = (next + round[from...]).filter { !givenUp[$0] }
                    return stop
                }
            }
            undecided = next.filter { !givenUp[$0] }
        }
        return .ranOut
    }

    /// One slice of partition `i`'s search; `round` lists the partitions that may hold memory.
    private mutating func turn(_ i: Int, round: [Int]) -> Turn {
        let allowance = budget.maxSteps.map { min(sliceSteps, $0 - steps) } ?? sliceSteps
        if allowance <= 0 { return .stop(.outOfSteps) }
        let others = heldBytes - searches[i].cacheBytes
        let room = budget.maxMemoryBytes.map { max(0, $0 - others) } ?? Int.max
        let stepsBefore = searches[i].steps
        let status = searches[i].advance(maxSteps: allowance, maxCacheBytes: room)
        steps += searches[i].steps - stepsBefore
        peakBytes = max(peakBytes, others + searches[i].peakCacheBytes)
        heldBytes = others + searches[i].cacheBytes
        switch status {
        case .running:
            return .continues
        case .linearizable:
            return .decided
        case .violation(let prefix, let state, let blocked):
            return .stop(.violation(partition: i, prefix: prefix, state: state, blocked: blocked))
        case .memoryFull:
            let victim = largestHolder(in: round, asking: i)
            giveUp(victim)
            return victim == i ? .gaveUpSelf : .continues
        }
    }

    /// The undecided partition in `round` whose cache holds the most; `asking` unless another holds
    /// strictly more, so giving it up always frees something or ends the search that needs the room.
    private func largestHolder(in round: [Int], asking: Int) -> Int {
        var best = asking
        for i in round where !givenUp[i] && searches[i].isRunning && searches[i].cacheBytes > searches[best].cacheBytes {
            best = i
        }
        return best
    }

    private mutating func giveUp(_ i: Int) {
        heldBytes -= searches[i].cacheBytes
        searches[i].abandon()
        givenUp[i] = true
        givenUpOrder.append(i)
    }
}
