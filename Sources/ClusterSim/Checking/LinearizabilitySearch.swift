/// The depth-first search of Wing & Gong with Lowe's memoisation, over one partition's operations.
///
/// Calls and returns become entries of a doubly linked list ordered by time (calls first on
/// ties; unknown outcomes return after everything). The search walks the list: at a call it
/// tries to linearize that operation now, lifting its call and return out of the list; at a
/// return it is stuck (that operation had to be placed before it returned) and backtracks. A
/// cache of (set of linearized operations, model state) pairs already explored keeps it from
/// exploring the same configuration twice, which is what makes real histories fast.
///
/// The search is resumable: `advance(maxSteps:)` runs a slice and keeps its place, so a caller
/// can interleave many partitions and stop at the first one that fails, as Porcupine does by
/// running partitions in parallel, but deterministically. The cache is counted in estimated
/// bytes, and a step that would cache more than the slice allows stops it with `.memoryFull`
/// instead, so the caller decides what gives.
struct LinearizabilitySearch<Model: LinearizabilityModel> {
    typealias Operation = LinearizabilityOperation<Model.Input, Model.Output>

    /// Where a search stands after a slice.
    enum Status {
        /// Not finished; call `advance` again.
        case running
        /// Not finished, and the next step needs to cache a configuration that does not fit in the
        /// memory it was allowed; `advance` with a larger allowance carries on from the same place.
        /// Once `abandon` is called it is the search's final status.
        case memoryFull
        /// Every operation was placed; `finalStates` holds the end state of each distinct
        /// complete linearization found (just the first unless all were asked for).
        case linearizable(finalStates: [Model.State])
        /// No complete linearization exists; the longest prefix reached and who blocked it
        /// (operation ids as given to `init`).
        case violation(prefix: [Int], state: Model.State, blocked: Int)
    }

    /// The set of linearized operations together with the model state they led to.
    private struct Configuration: Hashable {
        var linearized: [UInt64]
        var state: Model.State
    }

    private let model: Model
    private let inputs: [Model.Input]
    private let outputs: [Model.Output?]
    private let operationIDs: [Int]
    /// `entryBytes` of this search's configurations before the state's heap bytes.
    private let entryBaseBytes: Int
    private let allFinalStates: Bool
    private var list: EntryList
    private var linearized: [UInt64]
    private var cache = Set<Configuration>()
    private var calls: [(op: Int, before: Model.State)] = []
    private var state: Model.State
    private var entry: Int
    private var finals: [Model.State] = []
    private var bestPrefix: [Int] = []
    private var bestState: Model.State
    private var bestBlocked = -1
    private(set) var status = Status.running

    /// Search steps spent so far.
    private(set) var steps = 0
    /// Estimated bytes the memo cache holds now (zero once the search has finished and let it go).
    private(set) var cacheBytes = 0
    /// The most `cacheBytes` has been; the cache only grows until the search finishes.
    private(set) var peakCacheBytes = 0

    /// A search of `operations` from `initial`; `operationIDs` are the numbers reports use.
    /// With `allFinalStates` it keeps going after a success and collects every end state.
    init(model: Model, operations: [Operation], operationIDs: [Int], from initial: Model.State, allFinalStates: Bool) {
        precondition(operations.count == operationIDs.count)
        self.model = model
        self.inputs = operations.map(\.input)
        self.outputs = operations.map(\.output)
        self.operationIDs = operationIDs
        self.allFinalStates = allFinalStates
        self.list = EntryList(operations: operations)
        self.linearized = [UInt64](repeating: 0, count: (operations.count + 63) / 64)
        self.entryBaseBytes = Self.entryBytes(words: linearized.count, stateHeapBytes: 0)
        self.state = initial
        self.bestState = initial
        self.entry = list.first
        if operations.isEmpty { status = .linearizable(finalStates: [initial]) }
    }

    /// Estimated bytes one cached configuration of `words` bit-set words costs: about three slots
    /// of the set's table (it stays at most 3/4 full and doubles when it grows, keeping the old
    /// table until the copy is done), the bit set's heap block with malloc's rounding, and the
    /// state's own heap bytes as the model counts them.
    static func entryBytes(words: Int, stateHeapBytes: Int) -> Int {
        let slot = MemoryLayout<Configuration>.stride
        let bitSetBlock = (32 + 8 * words + 8 + 15) / 16 * 16
        return 3 * slot + bitSetBlock + stateHeapBytes
    }

    /// Runs at most `maxSteps` more steps, caching at most `maxCacheBytes` in all, and returns
    /// where the search stands.
    mutating func advance(maxSteps: Int, maxCacheBytes: Int = Int.max) -> Status {
        guard case .running = status else { return status }
        var budget = maxSteps
        while true {
            if list.isEmpty {
                finals.append(state)
                if !allFinalStates { return finish(.linearizable(finalStates: finals)) }
            } else {
                if budget <= 0 { return status }
                let op = list.operation(of: entry)
                if list.isCall(entry) {
                    switch tryLinearize(op, maxCacheBytes: maxCacheBytes) {
                    case .noRoom: return .memoryFull
                    case .placed: entry = list.first
                    case .rejected: entry = list.next(of: entry)
                    }
                    budget -= 1
                    steps += 1
                    continue
                }
                budget -= 1
                steps += 1
                // A return entry: its operation had to be placed by now and was not.
                if calls.count > bestPrefix.count || bestBlocked < 0 {
                    bestPrefix = calls.map { operationIDs[$0.op] }
                    bestState = state
                    bestBlocked = operationIDs[op]
                }
            }
            guard let top = calls.popLast() else {
                return finish(finals.isEmpty
                    ? .violation(prefix: bestPrefix, state: bestState, blocked: bestBlocked)
                    : .linearizable(finalStates: finals))
            }
            linearized[top.op >> 6] &= ~(1 << UInt64(top.op & 63))
            state = top.before
            list.unlift(top.op)
            entry = list.next(of: list.callEntry(of: top.op))
        }
    }

    private enum Attempt { case placed, rejected, noRoom }

    /// Tries to linearize `op` next: placed when the model accepts it and the configuration is new
    /// (and fits in `maxCacheBytes`), rejected when the model refuses it or it was explored before.
    private mutating func tryLinearize(_ op: Int, maxCacheBytes: Int) -> Attempt {
        guard let next = model.step(state, inputs[op], outputs[op]) else { return .rejected }
        linearized[op >> 6] |= 1 << UInt64(op & 63)
        let configuration = Configuration(linearized: linearized, state: next)
        let cost = entryBaseBytes + model.estimatedHeapBytes(of: next)
        if cacheBytes + cost > maxCacheBytes, !cache.contains(configuration) {
            linearized[op >> 6] &= ~(1 << UInt64(op & 63))
            return .noRoom
        }
        guard cache.insert(configuration).inserted else {
            linearized[op >> 6] &= ~(1 << UInt64(op & 63))
            return .rejected
        }
        cacheBytes += cost
        peakCacheBytes = max(peakCacheBytes, cacheBytes)
        calls.append((op, state))
        state = next
        list.lift(op)
        return .placed
    }

    /// Whether the search has neither finished nor been told to stop.
    var isRunning: Bool {
        if case .running = status { return true }
        return false
    }

    /// Gives the search up for good: its cache is freed and it is never advanced again.
    mutating func abandon() {
        precondition(isRunning, "only a running search can be given up")
        status = .memoryFull
        cache = []
        cacheBytes = 0
    }

    /// Records the final status and lets the cache go: a finished search never looks at it again.
    private mutating func finish(_ final: Status) -> Status {
        status = final
        cache = []
        cacheBytes = 0
        return final
    }
}
