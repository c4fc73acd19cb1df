import Testing
@testable import ClusterSim

/// One process's CPU: workers take inputs until busy, the queue holds the rest up to its bound and then
/// rejects, replication goes before requests, `slow` scales every cost, and a crash starts it over.
struct WorkerPoolTests {
    static func request(_ n: Int) -> Message {
        Message(from: .balancer, to: .service(1), payload: .healthPing(sequence: n))
    }

    static func sequence(_ w: WorkerPool.Waiting?) -> Int? {
        guard let w, case .healthPing(let n) = w.message.payload else { return nil }
        return n
    }

    @Test func busyWorkersQueueThenReject() {
        var pool = WorkerPool(workers: 2, queueLimit: 2, random: SimRandom(seed: 1))
        let admissions = (0..<5).map { pool.arrive(Self.request($0), meanUs: 1_000, isRequest: true, nowUs: 0) }
        #expect(admissions.prefix(2).allSatisfy { if case .started = $0 { true } else { false } })
        #expect(Array(admissions.suffix(3)) == [.queued, .queued, .rejected])
        #expect(pool.queueLength == 2 && pool.rejected == 1 && pool.busy == 2)
        var shed: [Message] = []
        #expect(pool.next(nowUs: 10, shedInputs: &shed) == nil, "no worker is free")
        pool.finish(arrivedUs: 0, nowUs: 500)
        #expect(Self.sequence(pool.next(nowUs: 500, shedInputs: &shed)) == 2, "first in, first out")
    }

    @Test func replicationIsServedBeforeRequests() {
        var pool = WorkerPool(workers: 1, queueLimit: 10, random: SimRandom(seed: 2))
        _ = pool.arrive(Self.request(0), meanUs: 1_000, isRequest: true, nowUs: 0)
        _ = pool.arrive(Self.request(1), meanUs: 1_000, isRequest: true, nowUs: 1)
        _ = pool.arrive(Self.request(2), meanUs: 1_000, isRequest: false, nowUs: 2)
        pool.finish(arrivedUs: 0, nowUs: 100)
        var shed: [Message] = []
        #expect(Self.sequence(pool.next(nowUs: 100, shedInputs: &shed)) == 2)
    }

    @Test func sheddingDropsStaleRequestsOnceTheQueueHasStood() {
        var pool = WorkerPool(workers: 1, queueLimit: 100, random: SimRandom(seed: 3))
        pool.setShedding(true, targetUs: 5_000, intervalUs: 100_000, nowUs: 0)
        _ = pool.arrive(Self.request(0), meanUs: 1_000, isRequest: true, nowUs: 0)
        for n in 1...3 { _ = pool.arrive(Self.request(n), meanUs: 1_000, isRequest: true, nowUs: Int64(n)) }
        _ = pool.arrive(Self.request(4), meanUs: 1_000, isRequest: true, nowUs: 198_000)
        pool.finish(arrivedUs: 0, nowUs: 200_000)
        var shed: [Message] = []
        // The queue has not been empty for 200 ms: the three that waited ~200 ms go, the fresh one is served.
        #expect(Self.sequence(pool.next(nowUs: 200_000, shedInputs: &shed)) == 4)
        #expect(shed.count == 3 && pool.shed == 3)
    }

    @Test func slowMultipliesTheMeanCost() {
        var pool = WorkerPool(workers: 1, queueLimit: 0, random: SimRandom(seed: 4))
        let n = 20_000
        let normal = (0..<n).reduce(0.0) { sum, _ in sum + Double(pool.drawCostUs(meanUs: 1_000)) } / Double(n)
        pool.setSlow(20)
        let slow = (0..<n).reduce(0.0) { sum, _ in sum + Double(pool.drawCostUs(meanUs: 1_000)) } / Double(n)
        #expect(abs(normal - 1_000) < 50, "mean cost \(normal) µs")
        #expect(abs(slow / normal - 20) < 1.5, "slowed by \(slow / normal)")
    }

    @Test func aCrashStartsTheCpuOver() {
        var pool = WorkerPool(workers: 1, queueLimit: 4, random: SimRandom(seed: 5))
        _ = pool.arrive(Self.request(0), meanUs: 1_000, isRequest: true, nowUs: 0)
        _ = pool.arrive(Self.request(1), meanUs: 1_000, isRequest: true, nowUs: 0)
        pool.setSlow(5)
        pool.pause(untilUs: 1_000_000)
        let epoch = pool.epoch
        pool.reset()
        #expect(pool.busy == 0 && pool.queueLength == 0 && pool.slowFactor == 1 && !pool.isPaused)
        #expect(pool.epoch != epoch, "work started before the crash is recognised when it completes")
    }
}
