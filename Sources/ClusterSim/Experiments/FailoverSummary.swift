import Histogram

/// The failover times of many trials in an HdrHistogram, with the counts a reader of Figure 16 needs:
/// how many trials completed, how many needed more than one election round, how many took longer than a
/// given time, and the seeds of the failed and slow trials so they can be replayed.
public struct FailoverSummary: Sendable {

    /// Downtimes in microseconds, to one hour, with three significant digits (0.1 % resolution).
    public private(set) var downtimes = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000,
                                                          numberOfSignificantValueDigits: .three)
    public private(set) var trials = 0
    /// Completed trials whose election took more than one round (`FailoverTrial.rounds > 1`).
    public private(set) var multiRound = 0
    /// Completed trials by the rounds their election took: `trialsByRounds[r]` took `r` rounds.
    public private(set) var trialsByRounds: [Int] = []
    /// The most rounds one completed trial took.
    public var roundsMax: Int { trialsByRounds.count - 1 }
    /// Trials that did not complete, and the first of them in the order they ran.
    public private(set) var failedCount = 0
    public private(set) var failed: [FailoverTrial] = []
    /// Completed trials with a downtime above `listOverUs`, and the first of them in the order they ran.
    public let listOverUs: Int64?
    public private(set) var overCount = 0
    public private(set) var over: [FailoverTrial] = []
    /// The completed trial with the longest downtime (the first such, on a tie).
    public private(set) var slowest: FailoverTrial?

    /// A summary that also counts and lists the trials slower than `listOverUs`, when given.
    public init(listOverUs: Int64? = nil) {
        self.listOverUs = listOverUs
    }

    public mutating func add(_ trial: FailoverTrial) {
        trials += 1
        guard let us = trial.downtimeUs, trial.problem == nil else {
            failedCount += 1
            if failed.count < ClusterLimits.failoverTrialsListedMax { failed.append(trial) }
            return
        }
        if let limitUs = listOverUs, us > limitUs {
            overCount += 1
            if over.count < ClusterLimits.failoverTrialsListedMax { over.append(trial) }
        }
        _ = downtimes.record(UInt64(max(1, us)))
        if trial.rounds > 1 { multiRound += 1 }
        if trialsByRounds.count <= trial.rounds { trialsByRounds += Array(repeating: 0, count: trial.rounds + 1 - trialsByRounds.count) }
        trialsByRounds[trial.rounds] += 1
        if us > (slowest?.downtimeUs ?? -1) { slowest = trial }
    }

    public var completed: Int { trials - failedCount }

    /// The downtime at `percentile` in milliseconds (to the histogram's precision), nil with no trial.
    public func ms(atPercentile percentile: Double) -> Double? {
        completed == 0 ? nil : Double(downtimes.valueAtPercentile(percentile)) / 1_000
    }

    /// The exact shortest and longest downtimes in milliseconds, nil with no trial.
    public var minMs: Double? { completed == 0 ? nil : Double(downtimes.min) / 1_000 }
    public var maxMs: Double? { completed == 0 ? nil : Double(downtimes.maxRecorded) / 1_000 }
}
