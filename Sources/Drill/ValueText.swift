/// How drill output prints a metric value: a whole number as an integer, anything else with at most 3 decimals.
public enum ValueText {
    /// `3`, `0.873`, `0.5`, `-2`; rounded half away from zero at the third decimal.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        guard abs(value) < 1e15 else { return String(value) }
        let thousandths = Int64((value * 1_000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        let whole = magnitude / 1_000
        let fraction = magnitude % 1_000
        if fraction == 0 { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }
}
