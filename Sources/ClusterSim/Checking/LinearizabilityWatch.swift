/// The live linearizability check of the store's client history: every put, and every get the store
/// answered, recorded per key and re-checked for the keys touched since the last check.
///
/// Reads answered by the cache are dropped from this history (recorded as `:fail`): a side cache is not
/// linearizable by design, and the cluster counts its stale answers separately as `stale-reads`.
struct LinearizabilityWatch {
    /// 1,024 keys x 64 operations per key bounds the live history at a few MB however long the run.
    private var recorder = KVHistoryRecorder(limits: .init(maxKeys: 1_024, maxOperationsPerKey: 64))
    private var tickets: [Int: KVHistoryRecorder.Ticket] = [:]
    private var dirtyKeys: Set<Int> = []
    /// Keys whose last check ran out of budget or whose window overflowed.
    private(set) var undecidedKeys: Set<Int> = []
    private(set) var violation: String?
    private(set) var checks = 0
    /// Steps one periodic check may spend over all touched keys.
    static let stepBudgetPerCheck = 200_000
    /// Receives each history event as an EDN line, in time order (`--history`).
    var sink: ((String) -> Void)?

    var isViolated: Bool { violation != nil }
    /// Operations on keys beyond the tracked ones (not checked live; `--history` plus check-history covers them).
    var untrackedOperations: Int { recorder.untrackedOperationCount }

    mutating func invoked(opID: Int, op: ClientOp, at time: SimTime) {
        let ticket: KVHistoryRecorder.Ticket
        switch op {
        case .get(let key): ticket = recorder.invokeGet(process: opID, key: key, at: time)
        case .put(let key, let value): ticket = recorder.invokePut(process: opID, key: key, value: value, at: time)
        }
        tickets[opID] = ticket
        sink?(ticket.event.ednLine)
    }

    mutating func completed(opID: Int, result: OpResult, at time: SimTime) {
        guard let ticket = tickets.removeValue(forKey: opID) else { return }
        let event: KVHistoryEvent
        switch result {
        case .ok(let value, let fromCache):
            if ticket.putValue != nil {
                event = recorder.returnPut(ticket, at: time)
            } else if fromCache {
                event = recorder.fail(ticket)
            } else {
                event = recorder.returnGet(ticket, value: value, at: time)
            }
        case .failed:
            event = recorder.fail(ticket)
        case .unknown:
            event = recorder.timeOut(ticket)
        }
        dirtyKeys.insert(ticket.key)
        sink?(event.ednLine)
    }

    /// One line for the status bar and JSON: the operation that cannot be placed and the state it met.
    /// (The full report comes from `check-history` on the exported history.)
    static func summary(key: Int, report: [String]) -> String {
        let trimmed = report.map { $0.trimmingCharactersInSetOfSpaces() }
        let blocked = trimmed.first { $0.hasPrefix("process ") } ?? trimmed.first ?? "?"
        let state = trimmed.first { $0.hasPrefix("state after") }
            .map { "; value then: " + ($0.split(separator: ":", maxSplits: 1).last.map { String($0).trimmingCharactersInSetOfSpaces() } ?? "?") } ?? ""
        return "key \(key): \(blocked) cannot be linearized\(state)"
    }

    /// Checks the keys touched since the last check (in key order, within the step budget).
    mutating func check() {
        guard violation == nil, !dirtyKeys.isEmpty else { return }
        checks += 1
        var budget = LinearizabilityWatch.stepBudgetPerCheck
        for key in dirtyKeys.sorted() {
            let perKey = max(1_000, budget / max(1, dirtyKeys.count))
            switch recorder.check(key: key, budget: perKey) {
            case .linearizable:
                undecidedKeys.remove(key)
            case .notLinearizable(let report):
                violation = LinearizabilityWatch.summary(key: key, report: report)
                dirtyKeys.removeAll()
                return
            case .unknown:
                undecidedKeys.insert(key)
            }
            budget -= perKey
        }
        dirtyKeys.removeAll()
    }

    /// Checks again, with up to `stepsPerKey` steps each, the keys an earlier check left undecided: the end
    /// of a run can afford what a periodic check cannot. A key whose window overflowed stays undecided.
    mutating func recheckUndecided(stepsPerKey: Int) {
        guard violation == nil else { return }
        for key in undecidedKeys.sorted() {
            switch recorder.check(key: key, budget: stepsPerKey) {
            case .linearizable:
                undecidedKeys.remove(key)
            case .notLinearizable(let report):
                violation = LinearizabilityWatch.summary(key: key, report: report)
                return
            case .unknown:
                continue
            }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces (ClusterSim does not import Foundation).
    func trimmingCharactersInSetOfSpaces() -> String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
