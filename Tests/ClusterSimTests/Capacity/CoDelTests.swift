import Testing
@testable import ClusterSim

/// Controlled-delay shedding: a burst absorbed by a queue that emptied recently is served, a queue that
/// has stood for a whole interval sheds what waited past the target, and an empty queue resets it.
struct CoDelTests {
    let codel = CoDel(targetUs: 5_000, intervalUs: 100_000, nowUs: 0)

    @Test func aRecentlyEmptyQueueServesAnythingYoungerThanTheInterval() {
        #expect(!codel.isOverloaded(nowUs: 50_000))
        #expect(!codel.shouldShed(sojournUs: 40_000, nowUs: 50_000))
        #expect(!codel.shouldShed(sojournUs: 100_000, nowUs: 100_000))
        #expect(codel.shouldShed(sojournUs: 100_001, nowUs: 100_000))
    }

    @Test func aStandingQueueShedsWhatWaitedPastTheTarget() {
        #expect(codel.isOverloaded(nowUs: 100_001))
        #expect(!codel.shouldShed(sojournUs: 5_000, nowUs: 150_000))
        #expect(codel.shouldShed(sojournUs: 5_001, nowUs: 150_000))
    }

    @Test func emptyingTheQueueEndsTheOverload() {
        var c = codel
        #expect(c.isOverloaded(nowUs: 300_000))
        c.noteEmpty(nowUs: 300_000)
        #expect(!c.isOverloaded(nowUs: 350_000))
        #expect(!c.shouldShed(sojournUs: 20_000, nowUs: 350_000))
        #expect(c.shouldShed(sojournUs: 20_000, nowUs: 400_001))
    }
}
