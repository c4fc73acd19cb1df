import Testing
@testable import ClusterSim

/// Classic register histories (Herlihy & Wing's examples and Jepsen's etcd semantics) with known answers.
struct LinearizabilityRegisterTests {
    typealias Op = LinearizabilityOperation<RegisterModel.Input, RegisterModel.Output>
    let checker = LinearizabilityChecker(model: RegisterModel())

    func done(_ client: Int, _ input: RegisterModel.Input, _ output: RegisterModel.Output, _ call: Int64, _ ret: Int64) -> Op {
        Op(clientID: client, input: input, output: output, callTime: call, returnTime: ret)
    }

    @Test func staleReadAfterCompletedWriteIsNotLinearizable() {
        // The write of 1 finished before the read began, so the read must see 1, not nil.
        let ops = [done(0, .write(1), .ok, 0, 10), done(1, .read, .value(nil), 20, 30)]
        let result = checker.check(ops)
        #expect(result.verdict == .notLinearizable)
        #expect(result.firstViolation?.blockedOperation == 1)
        #expect(result.firstViolation?.linearizedPrefix == [0])
        #expect(result.firstViolation?.stateAfterPrefix == "1")
        #expect(result.firstViolation?.partition == nil)
    }

    @Test func readConcurrentWithWriteMaySeeEitherValue() {
        // The read overlaps the write, so it may be ordered before or after it.
        for seen in [nil, 1] as [Int?] {
            let ops = [done(0, .write(1), .ok, 0, 20), done(1, .read, .value(seen), 5, 15)]
            #expect(checker.check(ops).verdict == .linearizable)
        }
        let impossible = [done(0, .write(1), .ok, 0, 20), done(1, .read, .value(2), 5, 15)]
        #expect(checker.check(impossible).verdict == .notLinearizable)
    }

    @Test func unknownWriteMayTakeEffectLaterOrNever() {
        // An :info write may land long after its call, or never land at all.
        let unknown = Op(clientID: 0, input: .write(7), unknownOutcomeCalledAt: 0)
        let later = [unknown, done(1, .read, .value(nil), 10, 20), done(2, .read, .value(7), 30, 40)]
        #expect(checker.check(later).verdict == .linearizable)
        let never = [unknown, done(1, .read, .value(nil), 10, 20), done(2, .read, .value(nil), 30, 40)]
        #expect(checker.check(never).verdict == .linearizable)
        // But once seen, it cannot be undone.
        let flicker = [unknown, done(1, .read, .value(7), 10, 20), done(2, .read, .value(nil), 30, 40)]
        #expect(checker.check(flicker).verdict == .notLinearizable)
    }

    @Test func casSucceedsOnlyOnTheExpectedValue() {
        // A cas that reports ok on the wrong value is impossible; a failed cas on the right value too.
        let wrongOK = [done(0, .write(1), .ok, 0, 10), done(1, .cas(from: 2, to: 3), .ok, 20, 30)]
        #expect(checker.check(wrongOK).verdict == .notLinearizable)
        let rightOK = [done(0, .write(1), .ok, 0, 10), done(1, .cas(from: 1, to: 3), .ok, 20, 30),
                       done(2, .read, .value(3), 40, 50)]
        #expect(checker.check(rightOK).verdict == .linearizable)
        let wrongFail = [done(0, .write(1), .ok, 0, 10), done(1, .cas(from: 1, to: 3), .casFailed, 20, 30)]
        #expect(checker.check(wrongFail).verdict == .notLinearizable)
        let rightFail = [done(0, .write(1), .ok, 0, 10), done(1, .cas(from: 2, to: 3), .casFailed, 20, 30),
                         done(2, .read, .value(1), 40, 50)]
        #expect(checker.check(rightFail).verdict == .linearizable)
    }

    @Test func unknownCasAppliesOnlyWhereItMatches() {
        // A timed-out cas either found its value (and changed it) or changed nothing.
        let cas = Op(clientID: 1, input: .cas(from: 1, to: 5), unknownOutcomeCalledAt: 15)
        let applied = [done(0, .write(1), .ok, 0, 10), cas, done(2, .read, .value(5), 20, 30)]
        #expect(checker.check(applied).verdict == .linearizable)
        let wrongBase = [done(0, .write(2), .ok, 0, 10), cas, done(2, .read, .value(5), 20, 30)]
        #expect(checker.check(wrongBase).verdict == .notLinearizable)
    }

    @Test func operationsReturningAtTheSameTimeTheOtherIsCalledOverlap() {
        // Equal times put calls first, so a read called when the write returns may still precede it.
        let ops = [done(0, .write(1), .ok, 0, 10), done(1, .read, .value(nil), 10, 20)]
        #expect(checker.check(ops).verdict == .linearizable)
    }

    @Test func emptyHistoryIsLinearizableAndReportedEmpty() {
        let result = checker.check([])
        #expect(result.verdict == .linearizable)
        #expect(result.isEmpty)
        let lines = LinearizabilityReport.lines(for: result, operations: [Op](), model: RegisterModel()) { _, _ in "" }
        #expect(lines == ["linearizable", "empty history: no operations to check"])
    }

    @Test func exhaustedBudgetGivesUnknown() throws {
        // A hard real history with a tiny budget cannot be decided; with no budget it can.
        let parsed = try JepsenHistoryFormat.parse(PorcupineFixtures.text("jepsen/etcd_002.log"))
        let bounded = checker.check(parsed.operations, budget: .init(maxSteps: 1_000, maxMemoryBytes: nil))
        #expect(bounded.verdict == .unknown)
        #expect(bounded.steps == 1_000)
        #expect(bounded.unfinishedPartitionCount == 1)
        #expect(checker.check(parsed.operations).verdict == .linearizable)
    }

    @Test func budgetIsNotSpentWhenAViolationComesFirst() throws {
        // A violation found within the budget is reported as such, not as unknown.
        let parsed = try JepsenHistoryFormat.parse(PorcupineFixtures.text("jepsen/etcd_000.log"))
        let result = checker.check(parsed.operations, budget: .init(maxSteps: 10_000, maxMemoryBytes: nil))
        #expect(result.verdict == .notLinearizable)
        #expect(result.steps < 10_000)
    }
}
