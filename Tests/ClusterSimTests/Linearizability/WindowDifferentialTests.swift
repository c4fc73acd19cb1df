import Testing
@testable import ClusterSim

/// The live recorder's folding windows against the whole-history checker, on random histories of one
/// register with concurrent clients, writes that time out (and land late, or never), failed writes and
/// some stale reads: wherever the windowed check decides, it must agree with the full search.
struct WindowDifferentialTests {
    typealias Op = LinearizabilityOperation<KVModel.Input, KVModel.Output>

    /// One generated call, in the generator's time units (distinct for every event).
    struct Call {
        enum Kind { case put(Int), get }
        enum Fate { case ok, timedOut(applied: Bool), failed }
        var client: Int
        var kind: Kind
        var fate: Fate
        var callUs: Int64
        var effectUs: Int64
        var returnUs: Int64
        var seen: Int?
    }

    /// Three clients issuing calls one after another; every write a fresh value.
    static func calls(seed: UInt64) -> [Call] {
        var random = SimRandom(seed: seed).stream("history")
        var calls: [Call] = []
        var nextValue = 1
        for client in 0..<3 {
            var t = Int64(random.below(4))
            while t < 120 {
                let isPut = random.chance(0.5)
                let roll = random.below(100)
                let fate: Call.Fate = !isPut || roll >= 20 ? .ok : roll < 15 ? .timedOut(applied: random.chance(0.6)) : .failed
                let effect = t + 1 + Int64(random.below(isPut && roll < 15 ? 20 : 5))
                let ret = isPut && roll < 15 ? t + 8 : effect + 1 + Int64(random.below(5))
                let kind: Call.Kind = isPut ? .put(nextValue) : .get
                if isPut { nextValue += 1 }
                calls.append(Call(client: client, kind: kind, fate: fate, callUs: 100 * t + Int64(client),
                                  effectUs: 100 * effect + 30 + Int64(client), returnUs: 100 * ret + 60 + Int64(client)))
                t = ret + 1 + Int64(random.below(random.chance(0.3) ? 30 : 3))
            }
        }
        return calls
    }

    /// Runs the register: each read sees the value at its effect time, sometimes the one before (stale).
    static func execute(_ calls: inout [Call], seed: UInt64) {
        var random = SimRandom(seed: seed).stream("stale")
        var value: Int?
        var previous: Int?
        for i in calls.indices.sorted(by: { calls[$0].effectUs < calls[$1].effectUs }) {
            switch (calls[i].kind, calls[i].fate) {
            case (.put(let v), .ok), (.put(let v), .timedOut(applied: true)):
                previous = value
                value = v
            case (.get, _):
                calls[i].seen = random.chance(0.04) ? previous : value
            default:
                break
            }
        }
    }

    /// The recorder's verdict with a small window, fed the calls' events in time order.
    static func windowed(_ calls: [Call], window: Int) -> KVHistoryRecorder.KeyVerdict {
        var r = KVHistoryRecorder(limits: .init(maxKeys: 1, maxOperationsPerKey: window))
        var tickets: [Int: KVHistoryRecorder.Ticket] = [:]
        let events = calls.indices.flatMap { [($0, true, calls[$0].callUs), ($0, false, calls[$0].returnUs)] }
            .sorted { $0.2 < $1.2 }
        for (i, isCall, time) in events {
            let c = calls[i]
            if isCall {
                switch c.kind {
                case .put(let v): tickets[i] = r.invokePut(process: c.client, key: 0, value: v, at: SimTime(us: time))
                case .get: tickets[i] = r.invokeGet(process: c.client, key: 0, at: SimTime(us: time))
                }
                continue
            }
            let ticket = tickets[i]!
            switch (c.kind, c.fate) {
            case (.put, .ok): r.returnPut(ticket, at: SimTime(us: time))
            case (.put, .timedOut): r.timeOut(ticket)
            case (.put, .failed): r.fail(ticket)
            case (.get, _): r.returnGet(ticket, value: c.seen, at: SimTime(us: time))
            }
        }
        return r.check(key: 0, budget: 2_000_000)
    }

    /// The whole history, checked at once.
    static func whole(_ calls: [Call]) -> LinearizabilityVerdict {
        let ops: [Op] = calls.compactMap { c in
            switch (c.kind, c.fate) {
            case (.put(let v), .ok):
                return Op(clientID: c.client, input: .init(.put, key: "0", value: String(v)), output: .ok,
                          callTime: c.callUs, returnTime: c.returnUs)
            case (.put(let v), .timedOut):
                return Op(clientID: c.client, input: .init(.put, key: "0", value: String(v)), unknownOutcomeCalledAt: c.callUs)
            case (.put, .failed):
                return nil
            case (.get, _):
                return Op(clientID: c.client, input: .init(.get, key: "0"), output: .value(c.seen.map(String.init) ?? ""),
                          callTime: c.callUs, returnTime: c.returnUs)
            }
        }
        return LinearizabilityChecker(model: KVModel()).check(ops).verdict
    }

    @Test(arguments: [6, 10, 16])
    func windowedVerdictsAgreeWithTheWholeHistory(window: Int) {
        var agreed = (linearizable: 0, not: 0)
        var undecided = 0
        for seed in UInt64(1)...300 {
            var calls = Self.calls(seed: seed)
            Self.execute(&calls, seed: seed)
            let expected = Self.whole(calls)
            switch Self.windowed(calls, window: window) {
            case .linearizable:
                #expect(expected == .linearizable, "seed \(seed): the window says linearizable, the whole history \(expected)")
                agreed.linearizable += 1
            case .notLinearizable:
                #expect(expected == .notLinearizable, "seed \(seed): the window found a violation, the whole history is \(expected)")
                agreed.not += 1
            case .unknown:
                undecided += 1
            }
        }
        // Both verdicts must occur often enough for the comparison to mean something; a 16-operation
        // window decides most histories (three clients keep one key busier than the cluster does).
        if window >= 10 { #expect(agreed.linearizable >= 20 && agreed.not >= 20, "window \(window): \(agreed), \(undecided) undecided") }
        if window == 16 { #expect(undecided <= 60, "\(undecided) of 300 undecided") }
    }
}
