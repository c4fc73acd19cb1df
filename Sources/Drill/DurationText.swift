import ClusterSim

/// Reads drill durations: a non-negative decimal number and a unit, `ms`, `s` or `m` (`500ms`, `2s`, `1.5s`, `60m`).
public enum DurationText {
    /// The longest duration a drill may name.
    static let max = SimTime.seconds(24 * 60 * 60)
    private static let units: [(suffix: String, us: Int64)] = [("ms", 1_000), ("s", 1_000_000), ("m", 60_000_000)]

    /// The span `token` names, rounded to the microsecond.
    static func parse(_ token: Token) throws(CommandError) -> SimTime {
        let text = token.text
        let number = String(text.prefix(while: { $0.isASCIIDigit || $0 == "." }))
        let unit = String(text.dropFirst(number.count))
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !number.isEmpty, number != ".", parts.count <= 2, !parts[1...].contains(where: { $0.contains(".") }) else {
            throw CommandError("bad duration \(text): expected a number and a unit, e.g. 500ms, 2s, 1.5m", column: token.column)
        }
        guard !unit.isEmpty else {
            throw CommandError("bad duration \(text): add a unit, ms, s or m (e.g. \(text)s)", column: token.column)
        }
        guard let scale = units.first(where: { $0.suffix == unit })?.us else {
            throw CommandError("bad duration \(text): the unit must be ms, s or m", column: token.column)
        }
        let whole = String(parts[0]), fraction = parts.count == 2 ? String(parts[1].prefix(9)) : ""
        guard whole.count <= 9, let wholeValue = Int64(whole.isEmpty ? "0" : whole) else {
            throw CommandError("bad duration \(text): at most 24 hours", column: token.column)
        }
        var us = wholeValue * scale
        if !fraction.isEmpty, let fractionValue = Int64(fraction) {
            var denominator: Int64 = 1
            for _ in fraction { denominator *= 10 }
            // Fractions of a microsecond round half up.
            us += (fractionValue * scale + denominator / 2) / denominator
        }
        guard us <= max.us else {
            throw CommandError("bad duration \(text): at most 24 hours", column: token.column)
        }
        return SimTime(us: us)
    }

    /// A span as a person reads it: `24h`, `1h 30m`, `2m 0.5s`, `250ms`.
    public static func describe(_ span: SimTime) -> String {
        let totalMs = span.us / 1_000
        guard totalMs >= 1_000 else { return "\(totalMs)ms" }
        let hours = totalMs / 3_600_000, minutes = totalMs / 60_000 % 60, ms = totalMs % 60_000
        var parts: [String] = []
        if hours > 0 { parts.append("\(hours)h") }
        if minutes > 0 || (hours > 0 && ms > 0) { parts.append("\(minutes)m") }
        if ms > 0 { parts.append(ms % 1_000 == 0 ? "\(ms / 1_000)s" : "\(ValueText.format(Double(ms) / 1_000))s") }
        return parts.joined(separator: " ")
    }
}
