import Testing
@testable import Drill

/// Values print as integers when whole and with at most three decimals otherwise; comparisons tolerate rounding.
struct ValueTextTests {
    static let cases: [(Double, String)] = [
        (3, "3"), (0, "0"), (0.873, "0.873"), (0.5, "0.5"), (0.25, "0.25"), (2.0004, "2"), (1.9996, "2"),
        (-1.25, "-1.25"), (-0.0004, "0"), (1_000_000, "1000000"), (12.0625, "12.063"), (.nan, "nan"), (.infinity, "inf"),
    ]

    // The transcript's value format, including rounding at the third decimal.
    @Test(arguments: cases)
    func formats(value: Double, text: String) {
        #expect(ValueText.format(value) == text)
    }

    static let comparisons: [(Double, Comparison, Double, Bool)] = [
        (0.1 + 0.2, .equal, 0.3, true), (0.1 + 0.2, .notEqual, 0.3, false), (0.1 + 0.2, .greater, 0.3, false),
        (0.1 + 0.2, .lessOrEqual, 0.3, true), (1, .less, 2, true), (2, .less, 2, false), (2, .lessOrEqual, 2, true),
        (3, .greater, 2, true), (2, .greaterOrEqual, 2, true), (1, .greaterOrEqual, 2, false), (1, .equal, 2, false),
        (.nan, .equal, 0, false), (.nan, .greaterOrEqual, 0, false),
    ]

    // Each operator means what it says, and equality survives floating-point sums.
    @Test(arguments: comparisons)
    func compares(actual: Double, comparison: Comparison, expected: Double, holds: Bool) {
        #expect(comparison.holds(actual, expected) == holds)
    }
}
