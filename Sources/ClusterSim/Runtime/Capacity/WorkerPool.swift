import DequeModule
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU of one process, as the runtime schedules it: a fixed number of workers, two bounded FIFOs of
/// inputs waiting for a worker (replication traffic first, then requests, as Raft stores schedule them),
/// the `slow` and `pause` faults, load shedding of requests, and the measurements.
///
/// The process itself never sees this: an input reaches the process when its CPU time is over, and the
/// effects it hands back are carried out then.
struct WorkerPool {
    /// An input waiting for a worker, with when it arrived.
    struct Waiting {
        var message: Message
        var arrivedUs: Int64
        /// The mean CPU cost it was admitted with.
        var meanUs: Int64
    }

    /// What happens to an input that needs CPU.
    enum Admission: Equatable {
        /// A worker took it: it is handled `costUs` from now.
        case started(costUs: Int64)
        case queued
        /// The queue is full.
        case rejected
    }

    let workers: Int
    let queueLimit: Int
    private var random: SimRandom
    private(set) var busy = 0
    /// Requests waiting for a worker.
    private var waiting = Deque<Waiting>()
    /// Other inputs that cost CPU (Raft appends and snapshots) waiting for a worker; served first.
    private var replication = Deque<Waiting>()
    /// Every CPU and disk cost is multiplied by this.
    private(set) var slowFactor = 1.0
    /// Frozen until then (virtual time); nil when running.
    private(set) var pausedUntilUs: Int64?
    /// Inputs that arrived during the current pause (they wait in the network buffer until it ends).
    private var heldWhilePaused = 0
    /// Bumped by a crash, so work started before it is dropped when it completes.
    private(set) var epoch: Int32 = 0
    private var codel: CoDel?
    private(set) var meter = LoadMeter()
    private(set) var shed = 0
    private(set) var rejected = 0

    init(workers: Int, queueLimit: Int, random: SimRandom) {
        precondition(workers >= 1 && queueLimit >= 0, "a process needs a worker and a queue bound")
        self.workers = workers
        self.queueLimit = queueLimit
        self.random = random
    }

    var queueLength: Int { waiting.count + replication.count + heldWhilePaused }
    var isPaused: Bool { pausedUntilUs != nil }
    var hasReplicationWaiting: Bool { !replication.isEmpty }

    /// A CPU or disk cost with mean `meanUs`: exponential, times the slow factor, at least 1 µs.
    mutating func drawCostUs(meanUs: Int64) -> Int64 {
        let u = 1 - random.unit()
        let draw = -Double(meanUs) * log(u) * slowFactor
        return max(1, Int64(min(draw, Double(meanUs) * slowFactor * 50)))
    }

    /// An input needing `meanUs` of CPU arrived; `isRequest` says which queue it waits in.
    mutating func arrive(_ m: Message, meanUs: Int64, isRequest: Bool, nowUs: Int64) -> Admission {
        assert(!isPaused, "inputs for a paused process wait in the network")
        if busy < workers && waiting.isEmpty && replication.isEmpty {
            codel?.noteEmpty(nowUs: nowUs)
            return .started(costUs: start(meanUs: meanUs))
        }
        guard (isRequest ? waiting.count : replication.count) < queueLimit else {
            rejected += 1
            return .rejected
        }
        let w = Waiting(message: m, arrivedUs: nowUs, meanUs: meanUs)
        if isRequest { waiting.append(w) } else { replication.append(w) }
        return .queued
    }

    /// Takes a worker and charges it a cost drawn around `meanUs`.
    private mutating func start(meanUs: Int64) -> Int64 {
        precondition(busy < workers, "no worker free")
        busy += 1
        let cost = drawCostUs(meanUs: meanUs)
        meter.addBusy(us: cost)
        return cost
    }

    /// A worker finished the input that arrived at `arrivedUs`.
    mutating func finish(arrivedUs: Int64, nowUs: Int64) {
        precondition(busy > 0, "a worker finished that was not busy")
        busy -= 1
        meter.handled(sojournUs: nowUs - arrivedUs)
    }

    /// The next queued input a free worker should take now, or nil. Requests the shedder drops on the way
    /// are appended to `shedInputs` (the caller answers them "overloaded").
    mutating func next(nowUs: Int64, shedInputs: inout [Message]) -> Waiting? {
        guard !isPaused, busy < workers else { return nil }
        if let first = replication.popFirst() { return first }
        defer { if waiting.isEmpty { codel?.noteEmpty(nowUs: nowUs) } }
        while let first = waiting.popFirst() {
            if let codel, codel.shouldShed(sojournUs: nowUs - first.arrivedUs, nowUs: nowUs) {
                shed += 1
                meter.handled(sojournUs: nowUs - first.arrivedUs)
                shedInputs.append(first.message)
                continue
            }
            return first
        }
        return nil
    }

    /// Starts a worker on an input taken with `next`; returns its CPU time.
    mutating func begin(_ w: Waiting) -> Int64 { start(meanUs: w.meanUs) }

    mutating func setShedding(_ on: Bool, targetUs: Int64, intervalUs: Int64, nowUs: Int64) {
        guard on != (codel != nil) else { return }
        codel = on ? CoDel(targetUs: targetUs, intervalUs: intervalUs, nowUs: nowUs) : nil
    }

    mutating func setSlow(_ factor: Double) {
        precondition(factor > 0 && factor.isFinite, "a slow factor is positive")
        slowFactor = factor
    }

    mutating func pause(untilUs: Int64) { pausedUntilUs = max(untilUs, pausedUntilUs ?? untilUs) }

    /// An input arrived while paused and will be redelivered when the pause ends.
    mutating func holdWhilePaused() { heldWhilePaused += 1 }

    mutating func resume() {
        pausedUntilUs = nil
        heldWhilePaused = 0
    }

    /// Crash or restart: work in progress and queued inputs are gone; slow and pause are cleared.
    mutating func reset() {
        epoch &+= 1
        busy = 0
        waiting.removeAll()
        replication.removeAll()
        slowFactor = 1
        pausedUntilUs = nil
        heldWhilePaused = 0
    }

    mutating func rotate() { meter.rotate() }
}
