/// Controlled-delay load shedding: decides which queued requests are too old to be worth serving.
///
/// This is CoDel (Nichols and Jacobson, 2012) as RPC servers adapt it (Maurer, "Fail at Scale", ACM Queue
/// 2015): a queue that has been empty within the last `intervalUs` is a burst being absorbed, so a request
/// may wait up to `intervalUs`; a queue that has stood for a whole interval is overload, so a request that
/// already waited longer than `targetUs` is shed instead of served late. Packet CoDel's drop schedule
/// (one drop per interval, faster by the square root of the count) relies on senders backing off; clients
/// issuing requests at a fixed rate do not, and under it the queue would still fill to its bound.
struct CoDel {
    let targetUs: Int64
    let intervalUs: Int64
    /// The last time the queue was seen empty.
    private var lastEmptyUs: Int64

    init(targetUs: Int64, intervalUs: Int64, nowUs: Int64) {
        precondition(targetUs > 0 && intervalUs >= targetUs, "CoDel needs a positive target within its interval")
        self.targetUs = targetUs
        self.intervalUs = intervalUs
        lastEmptyUs = nowUs
    }

    /// True while the queue has stood for more than an interval: requests older than the target are shed.
    func isOverloaded(nowUs: Int64) -> Bool { nowUs - lastEmptyUs > intervalUs }

    /// The queue is empty at `nowUs`.
    mutating func noteEmpty(nowUs: Int64) { lastEmptyUs = nowUs }

    /// Whether the request leaving the queue now, after waiting `sojournUs`, should be shed.
    func shouldShed(sojournUs: Int64, nowUs: Int64) -> Bool {
        sojournUs > (isOverloaded(nowUs: nowUs) ? targetUs : intervalUs)
    }
}
