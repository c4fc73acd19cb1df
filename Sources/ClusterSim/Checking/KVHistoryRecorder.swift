/// Records the live cluster's client gets and puts per key and checks them, in bounded memory.
///
/// Keys and values are integers; a put sets the value and a get returns it or nil. Each call
/// is recorded with `invokeGet`/`invokePut` at its virtual time and ended with `returnGet`,
/// `returnPut`, `fail` (definitely not applied) or `timeOut` (outcome unknown). Keys are
/// independent, so each key keeps its own window of operations and can be checked on its own.
///
/// Memory bound: at most `limits.maxKeys` keys are tracked (operations on further keys are
/// counted in `untrackedOperationCount` and not checked); each key holds at most
/// `limits.maxOperationsPerKey` operations plus at most that many + 1 carried start values.
/// When a key's window fills, the recorder folds its oldest stretch into a set of possible
/// values: it cuts where no operation spans the cut (everything before has returned, nothing
/// after had been called), and computes every value that stretch can end with. A key whose
/// window is full with no such cut (say, a put whose outcome stays unknown) stops being
/// recorded and checks as `unknown`. A check's search is bounded by the step budget it is given
/// (each step stores at most one cache entry), so checking memory is bounded by that budget.
public struct KVHistoryRecorder: Sendable {
    /// The knobs that bound memory and work.
    public struct Limits: Sendable, Equatable {
        public var maxKeys: Int
        public var maxOperationsPerKey: Int
        /// Steps allowed when folding a full window; exceeding them makes the key `unknown`.
        public var compactionStepBudget: Int

        public init(maxKeys: Int = 1_024, maxOperationsPerKey: Int = 256, compactionStepBudget: Int = 200_000) {
            precondition(maxKeys > 0 && maxOperationsPerKey > 1 && compactionStepBudget > 0)
            self.maxKeys = maxKeys
            self.maxOperationsPerKey = maxOperationsPerKey
            self.compactionStepBudget = compactionStepBudget
        }
    }

    /// Names one recorded call so its end can be recorded; also carries the event for export.
    public struct Ticket: Hashable, Sendable {
        public let key: Int
        public let process: Int
        /// The value a put writes; nil for a get.
        public let putValue: Int?
        let serial: Int
        var isGet: Bool { putValue == nil }
        /// The `:invoke` line this call exports as.
        public var event: KVHistoryEvent { exported(.invoke) }

        func exported(_ type: HistoryEventType, got: Int? = nil) -> KVHistoryEvent {
            let value = isGet ? got.map(String.init) : putValue.map(String.init)
            return KVHistoryEvent(process: process, type: type, function: isGet ? .get : .put, key: String(key),
                                  value: isGet && type != .ok ? nil : value)
        }
    }

    /// What a check found for one key.
    public enum KeyVerdict: Sendable, Equatable {
        case linearizable
        /// The key's history is not linearizable; `report` explains the first violation.
        case notLinearizable(report: [String])
        /// Not decided: the budget ran out, or the key's window overflowed (`reason` says which).
        case unknown(reason: String)
    }

    public let limits: Limits
    private var logs: [Int: KVKeyWindow] = [:]
    private var nextSerial = 0
    /// Operations on keys beyond `limits.maxKeys`, which were not recorded.
    public private(set) var untrackedOperationCount = 0

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// The keys being tracked, in increasing order.
    public var keys: [Int] { logs.keys.sorted() }

    /// Records a get called by `process` at `time`.
    public mutating func invokeGet(process: Int, key: Int, at time: SimTime) -> Ticket {
        invoke(process: process, key: key, input: KVModel.Input(.get, key: String(key)), putValue: nil, at: time)
    }

    /// Records a put of `value` called by `process` at `time`.
    public mutating func invokePut(process: Int, key: Int, value: Int, at time: SimTime) -> Ticket {
        invoke(process: process, key: key, input: KVModel.Input(.put, key: String(key), value: String(value)),
               putValue: value, at: time)
    }

    /// Records that a get returned `value` (nil: the key had no value) at `time`.
    @discardableResult
    public mutating func returnGet(_ ticket: Ticket, value: Int?, at time: SimTime) -> KVHistoryEvent {
        precondition(ticket.isGet, "returnGet needs a get's ticket")
        logs[ticket.key]?.complete(serial: ticket.serial, output: .value(value.map(String.init) ?? ""), at: time.us,
                                   limits: limits)
        return ticket.exported(.ok, got: value)
    }

    /// Records that a put was acknowledged at `time`.
    @discardableResult
    public mutating func returnPut(_ ticket: Ticket, at time: SimTime) -> KVHistoryEvent {
        precondition(!ticket.isGet, "returnPut needs a put's ticket")
        logs[ticket.key]?.complete(serial: ticket.serial, output: .ok, at: time.us, limits: limits)
        return ticket.exported(.ok)
    }

    /// Records that the call definitely did not take effect; it is forgotten.
    @discardableResult
    public mutating func fail(_ ticket: Ticket) -> KVHistoryEvent {
        logs[ticket.key]?.remove(serial: ticket.serial)
        return ticket.exported(.fail)
    }

    /// Records that the client gave up without knowing the outcome. A get is forgotten (it
    /// constrains nothing); a put may still take effect at any later time.
    @discardableResult
    public mutating func timeOut(_ ticket: Ticket) -> KVHistoryEvent {
        if ticket.isGet {
            logs[ticket.key]?.remove(serial: ticket.serial)
        } else {
            logs[ticket.key]?.markTimedOut(serial: ticket.serial)
        }
        return ticket.exported(.info)
    }

    /// Checks one key's recorded history within `budget` steps (nil: unlimited).
    public func check(key: Int, budget: Int?) -> KeyVerdict {
        checkCounting(key: key, budget: budget).verdict
    }

    /// Checks every tracked key in increasing key order, sharing `budget` steps among them.
    public func check(budget: Int?) -> (verdict: LinearizabilityVerdict, firstViolation: (key: Int, report: [String])?,
                                        undecidedKeys: [Int]) {
        var spent = 0
        var undecided: [Int] = []
        for key in keys {
            let (verdict, steps) = checkCounting(key: key, budget: budget.map { max(0, $0 - spent) })
            spent += steps
            switch verdict {
            case .linearizable: continue
            case .notLinearizable(let report): return (.notLinearizable, (key, report), undecided)
            case .unknown: undecided.append(key)
            }
        }
        return (undecided.isEmpty ? .linearizable : .unknown, nil, undecided)
    }

    private func checkCounting(key: Int, budget: Int?) -> (verdict: KeyVerdict, steps: Int) {
        guard let log = logs[key] else { return (.linearizable, 0) }
        return log.check(budget: budget)
    }

    private mutating func invoke(process: Int, key: Int, input: KVModel.Input, putValue: Int?, at time: SimTime) -> Ticket {
        let serial = nextSerial
        nextSerial += 1
        let ticket = Ticket(key: key, process: process, putValue: putValue, serial: serial)
        if logs[key] == nil {
            guard logs.count < limits.maxKeys else {
                untrackedOperationCount += 1
                return ticket
            }
            logs[key] = KVKeyWindow()
        }
        logs[key]!.invoke(serial: serial, process: process, input: input, at: time.us, limits: limits)
        return ticket
    }
}
