/// The cluster-wide rates and series the dashboard and drills read, fed by the processes' facts.
struct Observations {
    var storeReadWindow = RateWindow()
    var cacheHitWindow = RateWindow()
    var cacheLookupWindow = RateWindow()
    var latency = LatencyRecorder()
    private(set) var lagMaxSeries = SampleRing<Int>(capacity: 60)
    private(set) var hitRatioSeries = SampleRing<Double>(capacity: 60)

    /// Cache hits over lookups in the last ten seconds (0 before the first lookup).
    var hitRatio: Double {
        let lookups = cacheLookupWindow.total
        return lookups == 0 ? 0 : Double(cacheHitWindow.total) / Double(lookups)
    }

    /// Once a virtual second: forget the oldest second and sample the series.
    mutating func rotate(lagMax: Int) {
        storeReadWindow.rotate()
        cacheHitWindow.rotate()
        cacheLookupWindow.rotate()
        lagMaxSeries.append(lagMax)
        hitRatioSeries.append(hitRatio)
    }
}
