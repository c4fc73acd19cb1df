import Histogram

/// The failover times of many trials in an HdrHistogram, with the counts a reader of Figure 16 needs:
/// how many trials completed, how many needed more than one election round, and the failed seeds.
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
    /// Trials that did not complete, in the order they ran.
    public private(set) var failed: [FailoverTrial] = []
    /// The completed trial with the longest downtime (the first such, on a tie).
    public private(set) var slowest: FailoverTrial?

    public init() {}

    public mutating func add(_ trial: FailoverTrial) {
        trials += 1
        guard let us = trial.downtimeUs, trial.problem == nil else {
            failed.append(trial)
            return
        }
        _ = downtimes.record(UInt64(max(1, us)))
        if trial.rounds > 1 { multiRound += 1 }
        if trialsByRounds.count <= trial.rounds { trialsByRounds += Array(repeating: 0, count: trial.rounds + 1 - trialsByRounds.count) }
        trialsByRounds[trial.rounds] += 1
        if us > (slowest?.downtimeUs ?? -1) { slowest = trial }
    }

    public var completed: Int { trials - failed.count }

    /// The downtime at `percentile` in milliseconds (to the histogram's precision), nil with no trial.
    public func ms(atPercentile percentile: Double) -> Double? {
        completed == 0 ? nil : Double(downtimes.valueAtPercentile(percentile)) / 1_000
    }

    /// The exact shortest and longest downtimes in milliseconds, nil with no trial.
    public var minMs: Double? { completed == 0 ? nil : Double(downtimes.min) / 1_000 }
    public var maxMs: Double? { completed == 0 ? nil : Double(downtimes.maxRecorded) / 1_000 }
}
