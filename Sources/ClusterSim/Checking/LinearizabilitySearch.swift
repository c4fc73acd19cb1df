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
/// running partitions in parallel, but deterministically.
struct LinearizabilitySearch<Model: LinearizabilityModel> {
    typealias Operation = LinearizabilityOperation<Model.Input, Model.Output>

    /// Where a search stands after a slice.
    enum Status {
        /// Not finished; call `advance` again.
        case running
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
    private let operations: [Operation]
    private let operationIDs: [Int]
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

    /// A search of `operations` from `initial`; `operationIDs` are the numbers reports use.
    /// With `allFinalStates` it keeps going after a success and collects every end state.
    init(model: Model, operations: [Operation], operationIDs: [Int], from initial: Model.State, allFinalStates: Bool) {
        precondition(operations.count == operationIDs.count)
        self.model = model
        self.operations = operations
        self.operationIDs = operationIDs
        self.allFinalStates = allFinalStates
        self.list = EntryList(operations: operations)
        self.linearized = [UInt64](repeating: 0, count: (operations.count + 63) / 64)
        self.state = initial
        self.bestState = initial
        self.entry = list.first
        if operations.isEmpty { status = .linearizable(finalStates: [initial]) }
    }

    /// Runs at most `maxSteps` more steps and returns where the search stands.
    mutating func advance(maxSteps: Int) -> Status {
        guard case .running = status else { return status }
        var budget = maxSteps
        while true {
            if list.isEmpty {
                finals.append(state)
                if !allFinalStates {
                    status = .linearizable(finalStates: finals)
                    return status
                }
            } else {
                if budget <= 0 { return status }
                budget -= 1
                steps += 1
                let op = list.operation(of: entry)
                if list.isCall(entry) {
                    if let next = model.step(state, operations[op].input, operations[op].output) {
                        linearized[op >> 6] |= 1 << UInt64(op & 63)
                        if cache.insert(Configuration(linearized: linearized, state: next)).inserted {
                            calls.append((op, state))
                            state = next
                            list.lift(op)
                            entry = list.first
                            continue
                        }
                        linearized[op >> 6] &= ~(1 << UInt64(op & 63))
                    }
                    entry = list.next(of: entry)
                    continue
                }
                // A return entry: its operation had to be placed by now and was not.
                if calls.count > bestPrefix.count || bestBlocked < 0 {
                    bestPrefix = calls.map { operationIDs[$0.op] }
                    bestState = state
                    bestBlocked = operationIDs[op]
                }
            }
            guard let top = calls.popLast() else {
                status = finals.isEmpty
                    ? .violation(prefix: bestPrefix, state: bestState, blocked: bestBlocked)
                    : .linearizable(finalStates: finals)
                return status
            }
            linearized[top.op >> 6] &= ~(1 << UInt64(top.op & 63))
            state = top.before
            list.unlift(top.op)
            entry = list.next(of: list.callEntry(of: top.op))
        }
    }
}
