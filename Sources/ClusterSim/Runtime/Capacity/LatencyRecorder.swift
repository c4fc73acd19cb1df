import Histogram

/// End-to-end latency of successful client operations in HdrHistogram, per virtual second over the last
/// ten seconds, with offered load and throughput, and a minute of per-second samples for sparklines.
struct LatencyRecorder {
    static let historySeconds = 60

    private var seconds: [Histogram<UInt32>] = (0..<LoadMeter.seconds).map { _ in LoadMeter.newHistogram() }
    private var current = 0
    private var offeredWindow = RateWindow()
    private var servedWindow = RateWindow()
    private(set) var p50Series = SampleRing<Double?>(capacity: LatencyRecorder.historySeconds)
    private(set) var p99Series = SampleRing<Double?>(capacity: LatencyRecorder.historySeconds)
    private(set) var p999Series = SampleRing<Double?>(capacity: LatencyRecorder.historySeconds)
    private(set) var throughputSeries = SampleRing<Double>(capacity: LatencyRecorder.historySeconds)
    private(set) var offeredSeries = SampleRing<Double>(capacity: LatencyRecorder.historySeconds)

    mutating func offered() { offeredWindow.add() }

    mutating func served(latencyUs: Int64) {
        _ = seconds[current].record(UInt64(max(1, latencyUs)))
        servedWindow.add()
    }

    /// Once a virtual second: sample the second that ended, then forget the oldest.
    mutating func rotate() {
        let ended = seconds[current]
        p50Series.append(LatencyRecorder.ms(ended, 50))
        p99Series.append(LatencyRecorder.ms(ended, 99))
        p999Series.append(LatencyRecorder.ms(ended, 99.9))
        throughputSeries.append(Double(ended.totalCount))
        offeredSeries.append(Double(offeredWindow.currentCount))
        current = (current + 1) % LoadMeter.seconds
        seconds[current] = LoadMeter.empty
        offeredWindow.rotate()
        servedWindow.rotate()
    }

    /// The last ten seconds (the current one included) in one histogram.
    func window() -> Histogram<UInt32> {
        var merged = LoadMeter.newHistogram()
        for h in seconds where h.totalCount > 0 { merged.add(h) }
        return merged
    }

    var offeredPerSecond: Double { offeredWindow.perSecond }
    var throughputPerSecond: Double { servedWindow.perSecond }

    /// The value at `percentile` in milliseconds, nil for an empty histogram.
    static func ms(_ h: Histogram<UInt32>, _ percentile: Double) -> Double? {
        h.totalCount == 0 ? nil : Double(h.valueAtPercentile(percentile)) / 1_000
    }
}
