import ClusterSim

/// One `expect` line: a metric compared with a number, checked once or until it holds within a span of time.
public struct Expectation: Sendable, Equatable, CustomStringConvertible {
    public var metric: Metric
    public var comparison: Comparison
    public var value: Double
    /// How long the condition may take to hold; nil checks it once.
    public var within: SimTime?

    public init(metric: Metric, comparison: Comparison, value: Double, within: SimTime? = nil) {
        self.metric = metric
        self.comparison = comparison
        self.value = value
        self.within = within
    }

    /// Whether `actual` satisfies the expectation.
    public func holds(for actual: Double) -> Bool { comparison.holds(actual, value) }

    /// `leaderless == 0`, `share s2 > 0.2`: the condition as the transcript prints it.
    public var description: String { "\(metric) \(comparison.rawValue) \(ValueText.format(value))" }
}

/// The operators an `expect` line may use.
public enum Comparison: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Equality tolerates a difference of one part in 10^9, so `hit-ratio == 0.5` survives floating-point sums.
    public func holds(_ actual: Double, _ expected: Double) -> Bool {
        let same = abs(actual - expected) <= 1e-9 * max(1, abs(expected))
        switch self {
        case .equal: return same
        case .notEqual: return !same
        case .less: return actual < expected && !same
        case .lessOrEqual: return actual < expected || same
        case .greater: return actual > expected && !same
        case .greaterOrEqual: return actual > expected || same
        }
    }
}

/// The outcome of one expectation, for the dashboard's log and the transcript.
public struct ExpectationResult: Sendable, Equatable {
    public var expectation: Expectation
    /// The drill line the expectation came from.
    public var line: Int
    public var passed: Bool
    /// The metric's value when the result was decided.
    public var actual: Double
    /// When the result was decided: the passing check, or the deadline.
    public var at: SimTime

    public init(expectation: Expectation, line: Int, passed: Bool, actual: Double, at: SimTime) {
        self.expectation = expectation
        self.line = line
        self.passed = passed
        self.actual = actual
        self.at = at
    }

    /// `PASS 5.000s leaderless == 0 (0)` or `FAIL 7.000s lost-writes == 0 (3)`.
    public var transcriptLine: String {
        "\(passed ? "PASS" : "FAIL") \(at) \(expectation) (\(ValueText.format(actual)))"
    }
}
