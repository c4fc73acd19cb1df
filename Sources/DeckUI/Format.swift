import ClusterSim

/// Short number and duration texts shared by the panes, so every pane spells a value the same way.
enum Format {
    /// `0.8s`, `12s`, `4m05s`, `2h03m`: compact virtual durations for "since" columns.
    static func duration(_ span: SimTime) -> String {
        let ms = max(0, span.ms)
        if ms < 10_000 { return "\(ms / 1_000).\(ms % 1_000 / 100)s" }
        let s = ms / 1_000
        if s < 60 { return "\(s)s" }
        if s < 3_600 { return "\(s / 60)m" + pad2(s % 60) + "s" }
        return "\(s / 3_600)h" + pad2(s % 3_600 / 60) + "m"
    }

    /// At most four columns: `0.8s`, `42s`, `12m`, `3h`.
    static func shortDuration(_ span: SimTime) -> String {
        let ms = max(0, span.ms)
        if ms < 10_000 { return "\(ms / 1_000).\(ms % 1_000 / 100)s" }
        let s = ms / 1_000
        if s < 100 { return "\(s)s" }
        if s < 6_000 { return "\(s / 60)m" }
        return "\(s / 3_600)h"
    }

    /// At most three columns: `7`, `999`, `12k`, `3M`.
    static func tinyCount(_ n: Int) -> String {
        if n < 1_000 { return String(n) }
        if n < 100_000 { return "\(n / 1_000)k" }
        return "\(min(99, n / 1_000_000))M"
    }

    /// `12.345s` at the start of an event-log line: the time the simulation printed.
    static func clock(_ t: SimTime) -> String { t.description }

    /// `1:02:03.4` or `02:03.4`: the status bar's virtual clock.
    static func statusClock(_ t: SimTime) -> String {
        let tenths = t.us / 100_000
        let s = tenths / 10
        let text = pad2(s / 60 % 60) + ":" + pad2(s % 60) + ".\(tenths % 10)"
        return s >= 3_600 ? "\(s / 3_600):" + text : text
    }

    /// `87.2%` from a fraction.
    static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        fixed(fraction * 100, decimals: decimals) + "%"
    }

    /// A decimal with a fixed number of digits after the point, rounded half away from zero.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let unit = Int64(scale)
        let frac = String(scaled % unit)
        return sign + String(scaled / unit) + "." + String(repeating: "0", count: decimals - frac.count) + frac
    }

    /// `1234`, `12.3k`, `4.5M`: counters that must fit a narrow column.
    static func count(_ n: Int) -> String {
        if n < 10_000 { return String(n) }
        if n < 1_000_000 { return fixed(Double(n) / 1_000, decimals: n < 100_000 ? 1 : 0) + "k" }
        return fixed(Double(n) / 1_000_000, decimals: 1) + "M"
    }

    /// What a value that was not measured (nil) shows as: never 0, which would be a measurement.
    static let missing = "—"

    /// `4.1`, `180.0`, `1234`: milliseconds in at most 7 columns, or a dash when nil.
    static func ms(_ value: Double?) -> String {
        guard let value else { return missing }
        return value < 1_000 ? fixed(value, decimals: 1) : fixed(value, decimals: 0)
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns, aligned left or right.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let n = text.unicodeScalars.count
        if n >= width { return String(String.UnicodeScalarView(text.unicodeScalars.prefix(width))) }
        let fill = String(repeating: " ", count: width - n)
        return right ? fill + text : text + fill
    }

    private static func pad2(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
