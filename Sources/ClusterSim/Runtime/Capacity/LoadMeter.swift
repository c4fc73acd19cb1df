import Histogram

/// Measurements of one process's CPU: busy time, inputs handled, and the time each spent there (queue
/// plus CPU) in an HdrHistogram, kept per virtual second over the last ten seconds.
struct LoadMeter {
    static let seconds = RateWindow.seconds
    /// Microseconds to one hour; two significant digits (1 % resolution) keep each histogram small.
    static func newHistogram() -> Histogram<UInt32> {
        Histogram(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .two)
    }

    /// An empty histogram to start each second from: assigning it shares its storage until the first
    /// record, far cheaper than clearing one (the library's `reset` is not specialised across modules).
    static let empty = LoadMeter.newHistogram()

    private var busyUs = [Int64](repeating: 0, count: LoadMeter.seconds)
    private var sojourns: [Histogram<UInt32>] = (0..<LoadMeter.seconds).map { _ in LoadMeter.newHistogram() }
    private var handled = RateWindow()
    private var current = 0
    private var filledSeconds = 0
    /// Since start, for means over a whole run (the queueing-theory check reads them).
    private(set) var handledTotal = 0
    private(set) var sojournUsTotal: Int64 = 0

    /// A worker was busy for `us` (attributed to the second the work started in).
    mutating func addBusy(us: Int64) { busyUs[current] += us }

    /// An input left the process after `sojournUs` in it.
    mutating func handled(sojournUs: Int64) {
        _ = sojourns[current].record(UInt64(max(1, sojournUs)))
        handled.add()
        handledTotal += 1
        sojournUsTotal += sojournUs
    }

    /// Once a virtual second: the oldest second is forgotten.
    mutating func rotate() {
        current = (current + 1) % LoadMeter.seconds
        busyUs[current] = 0
        sojourns[current] = LoadMeter.empty
        handled.rotate()
        filledSeconds = min(filledSeconds + 1, LoadMeter.seconds - 1)
    }

    /// Busy fraction of `workers` over the completed seconds of the window (the second so far, before one
    /// has completed), capped at 1.
    func utilisation(workers: Int) -> Double {
        let seconds = max(1, filledSeconds)
        var total: Int64 = 0
        for i in busyUs.indices where filledSeconds == 0 || i != current { total += busyUs[i] }
        return min(1, Double(total) / (Double(seconds) * 1_000_000 * Double(max(1, workers))))
    }

    var handledPerSecond: Double { handled.perSecond }

    /// Adds the window's sojourn histograms (the current second included) into `into`.
    func addSojourns(into merged: inout Histogram<UInt32>) {
        for h in sojourns where h.totalCount > 0 { merged.add(h) }
    }
}
