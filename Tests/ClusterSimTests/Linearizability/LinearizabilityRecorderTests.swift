import Testing
@testable import ClusterSim

/// The live recorder: per-key checks on the cluster's own gets and puts, bounded windows, export.
struct LinearizabilityRecorderTests {
    @Test func staleReadInLiveHistoryIsCaughtOnItsKey() {
        var r = KVHistoryRecorder()
        let put = r.invokePut(process: 0, key: 5, value: 42, at: .ms(0))
        r.returnPut(put, at: .ms(10))
        let other = r.invokePut(process: 1, key: 6, value: 1, at: .ms(12))
        r.returnPut(other, at: .ms(13))
        let get = r.invokeGet(process: 1, key: 5, at: .ms(20))
        r.returnGet(get, value: nil, at: .ms(30))
        #expect(r.check(key: 6, budget: nil) == .linearizable)
        guard case .notLinearizable(let report) = r.check(key: 5, budget: nil) else {
            Issue.record("expected a violation on key 5")
            return
        }
        #expect(report[1].contains("key \"5\""))
        #expect(report[2].contains("0.020s-0.030s"))
        let all = r.check(budget: nil)
        #expect(all.verdict == .notLinearizable)
        #expect(all.firstViolation?.key == 5)
    }

    @Test func timedOutPutMayLandLaterAndFailedPutNever() {
        var r = KVHistoryRecorder()
        let lost = r.invokePut(process: 0, key: 1, value: 9, at: .ms(0))
        r.timeOut(lost)
        let failed = r.invokePut(process: 1, key: 1, value: 8, at: .ms(1))
        r.fail(failed)
        let g1 = r.invokeGet(process: 2, key: 1, at: .ms(5))
        r.returnGet(g1, value: nil, at: .ms(6))
        let g2 = r.invokeGet(process: 2, key: 1, at: .ms(50))
        r.returnGet(g2, value: 9, at: .ms(60))
        #expect(r.check(key: 1, budget: nil) == .linearizable)
        let g3 = r.invokeGet(process: 2, key: 1, at: .ms(70))
        r.returnGet(g3, value: 8, at: .ms(80))
        guard case .notLinearizable = r.check(key: 1, budget: nil) else {
            Issue.record("a failed put must never be seen")
            return
        }
    }

    @Test func longHistoriesFoldIntoBoundedWindowsAndStayCorrect() {
        // 1,000 rounds of two concurrent puts and a later read, with an 8-operation window: the
        // verdict stays linearizable, then one stale read at the very end is still caught.
        var r = KVHistoryRecorder(limits: .init(maxKeys: 4, maxOperationsPerKey: 8))
        var t: Int64 = 0
        for round in 0..<1_000 {
            let a = r.invokePut(process: 0, key: 0, value: 2 * round, at: SimTime(us: t))
            let b = r.invokePut(process: 1, key: 0, value: 2 * round + 1, at: SimTime(us: t + 1))
            r.returnPut(a, at: SimTime(us: t + 3))
            r.returnPut(b, at: SimTime(us: t + 4))
            let g = r.invokeGet(process: 2, key: 0, at: SimTime(us: t + 5))
            r.returnGet(g, value: 2 * round + (round % 2), at: SimTime(us: t + 6))
            t += 10
        }
        #expect(r.check(key: 0, budget: nil) == .linearizable)
        let stale = r.invokeGet(process: 3, key: 0, at: SimTime(us: t + 5))
        r.returnGet(stale, value: 0, at: SimTime(us: t + 6))
        guard case .notLinearizable = r.check(key: 0, budget: nil) else {
            Issue.record("the stale read after folding was missed")
            return
        }
    }

    @Test func violationInsideAFoldedStretchIsKept() {
        var r = KVHistoryRecorder(limits: .init(maxKeys: 4, maxOperationsPerKey: 4))
        let p = r.invokePut(process: 0, key: 3, value: 1, at: .ms(0))
        r.returnPut(p, at: .ms(1))
        let g = r.invokeGet(process: 0, key: 3, at: .ms(2))
        r.returnGet(g, value: 2, at: .ms(3))
        for i in 0..<10 {
            let q = r.invokeGet(process: 1, key: 3, at: .ms(Int64(10 + 2 * i)))
            r.returnGet(q, value: 2, at: .ms(Int64(11 + 2 * i)))
        }
        guard case .notLinearizable(let report) = r.check(key: 3, budget: nil) else {
            Issue.record("the folded violation was lost")
            return
        }
        #expect(report[2].contains(":get \"3\" -> \"2\""))
    }

    @Test func windowThatCannotFoldBecomesUnknownNotWrong() {
        // A read still unanswered keeps the window open (its answer is still to come); the key then
        // cannot be decided.
        var r = KVHistoryRecorder(limits: .init(maxKeys: 4, maxOperationsPerKey: 4))
        _ = r.invokeGet(process: 0, key: 1, at: .ms(0))
        for i in 0..<6 {
            let put = r.invokePut(process: 1, key: 1, value: i, at: .ms(Int64(10 + 2 * i)))
            r.returnPut(put, at: .ms(Int64(11 + 2 * i)))
        }
        guard case .unknown(let reason) = r.check(key: 1, budget: nil) else {
            Issue.record("an overflowing window must check as unknown")
            return
        }
        #expect(reason.contains("full"))
        #expect(r.check(budget: nil).undecidedKeys == [1])
    }

    @Test func keysBeyondTheLimitAreCountedNotStored() {
        var r = KVHistoryRecorder(limits: .init(maxKeys: 2, maxOperationsPerKey: 4))
        for key in [7, 3, 9, 3] { _ = r.invokeGet(process: 0, key: key, at: .zero) }
        #expect(r.keys == [3, 7])
        #expect(r.untrackedOperationCount == 1)
    }

    @Test func budgetBoundsALiveCheck() {
        var r = KVHistoryRecorder()
        // Twelve writes in flight, each seen by a read: the search must order them, which 50 steps
        // cannot finish.
        for p in 0..<12 { _ = r.invokePut(process: p, key: 0, value: p, at: .ms(0)) }
        for p in 0..<12 {
            let g = r.invokeGet(process: 20 + p, key: 0, at: .ms(1))
            r.returnGet(g, value: (p * 5) % 12, at: .ms(2))
        }
        let g = r.invokeGet(process: 99, key: 0, at: .ms(3))
        r.returnGet(g, value: 1_000, at: .ms(4))
        #expect(r.check(key: 0, budget: 50) == .unknown(reason: "step budget ran out"))
    }

    @Test func exportedEventsParseBackIntoTheSameOperations() throws {
        var r = KVHistoryRecorder()
        var events: [KVHistoryEvent] = []
        let put = r.invokePut(process: 0, key: 2, value: 7, at: .ms(0))
        events.append(put.event)
        let get = r.invokeGet(process: 1, key: 2, at: .ms(1))
        events.append(get.event)
        events.append(r.returnPut(put, at: .ms(2)))
        events.append(r.returnGet(get, value: nil, at: .ms(3)))
        let lost = r.invokePut(process: 2, key: 2, value: 8, at: .ms(4))
        events.append(lost.event)
        events.append(r.timeOut(lost))
        #expect(events[0].ednLine == #"{:process 0, :type :invoke, :f :put, :key "2", :value "7"}"#)
        #expect(events[3].ednLine == #"{:process 1, :type :ok, :f :get, :key "2", :value nil}"#)
        let text = KVHistoryFormat.write(events)
        #expect(try KVHistoryFormat.parseEvents(text).map(\.event) == events)
        let check = try HistoryFileCheck(text: text)
        #expect(check.result.verdict == .linearizable)
        #expect(check.result.operationCount == 3)
    }

    /// Sequential rounds on key 0 from `start`: put a fresh value, read it back. Returns the next time.
    static func rounds(_ r: inout KVHistoryRecorder, _ n: Int, from start: Int64, firstValue: Int) -> Int64 {
        var t = start
        for i in 0..<n {
            let put = r.invokePut(process: 1, key: 0, value: firstValue + i, at: SimTime(us: t))
            r.returnPut(put, at: SimTime(us: t + 1))
            let get = r.invokeGet(process: 2, key: 0, at: SimTime(us: t + 2))
            r.returnGet(get, value: firstValue + i, at: SimTime(us: t + 3))
            t += 10
        }
        return t
    }

    // A write that timed out may take effect at any later time or never: it no longer holds an
    // 8-operation window open until it overflows, and the key is still decided.
    @Test func timedOutPutsDoNotHoldTheWindowOpen() {
        var r = KVHistoryRecorder(limits: .init(maxKeys: 4, maxOperationsPerKey: 8))
        for i in 0..<3 {
            let lost = r.invokePut(process: 0, key: 0, value: 900 + i, at: SimTime(us: Int64(i)))
            r.timeOut(lost)
        }
        _ = Self.rounds(&r, 200, from: 10, firstValue: 0)
        #expect(r.check(key: 0, budget: 100_000) == .linearizable)
    }

    // Carried over many folds, the timed-out write can still land late, but only once.
    @Test func aCarriedPutLandsLateButOnlyOnce() {
        var r = KVHistoryRecorder(limits: .init(maxKeys: 4, maxOperationsPerKey: 8))
        let lost = r.invokePut(process: 0, key: 0, value: 999, at: .ms(0))
        r.timeOut(lost)
        var t = Self.rounds(&r, 100, from: 10, firstValue: 0)
        let late = r.invokeGet(process: 3, key: 0, at: SimTime(us: t))
        r.returnGet(late, value: 999, at: SimTime(us: t + 1))
        #expect(r.check(key: 0, budget: 100_000) == .linearizable)
        t = Self.rounds(&r, 20, from: t + 10, firstValue: 500)
        let again = r.invokeGet(process: 3, key: 0, at: SimTime(us: t))
        r.returnGet(again, value: 999, at: SimTime(us: t + 1))
        guard case .notLinearizable = r.check(key: 0, budget: 100_000) else {
            Issue.record("a write cannot take effect twice")
            return
        }
    }

    // A timed-out write that a read saw took effect there: it is folded with that stretch, and a read
    // of its value after later writes is a violation.
    @Test func anObservedTimedOutPutIsFoldedWhereItWasSeen() {
        var r = KVHistoryRecorder(limits: .init(maxKeys: 4, maxOperationsPerKey: 8))
        let lost = r.invokePut(process: 0, key: 0, value: 777, at: .ms(0))
        r.timeOut(lost)
        let seen = r.invokeGet(process: 3, key: 0, at: .ms(1))
        r.returnGet(seen, value: 777, at: .ms(2))
        let t = Self.rounds(&r, 50, from: 3_000, firstValue: 0)
        let stale = r.invokeGet(process: 3, key: 0, at: SimTime(us: t))
        r.returnGet(stale, value: 777, at: SimTime(us: t + 1))
        guard case .notLinearizable = r.check(key: 0, budget: 100_000) else {
            Issue.record("777 was overwritten long ago")
            return
        }
    }
}
