/// A point or span of virtual time in microseconds; it moves only when the simulator advances it.
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var us: Int64

    public init(us: Int64) { self.us = us }
    public static func ms(_ ms: Int64) -> SimTime { SimTime(us: ms * 1_000) }
    public static func seconds(_ s: Int64) -> SimTime { SimTime(us: s * 1_000_000) }
    public static let zero = SimTime(us: 0)

    public var ms: Int64 { us / 1_000 }
    public var seconds: Double { Double(us) / 1_000_000 }

    public static func < (a: SimTime, b: SimTime) -> Bool { a.us < b.us }
    public static func + (a: SimTime, b: SimTime) -> SimTime { SimTime(us: a.us + b.us) }
    public static func - (a: SimTime, b: SimTime) -> SimTime { SimTime(us: a.us - b.us) }
    public static func += (a: inout SimTime, b: SimTime) { a.us += b.us }

    /// `12.345s`: seconds with millisecond precision, as drills and the event log print it.
    public var description: String {
        let totalMs = us / 1_000
        let whole = totalMs / 1_000
        let frac = abs(totalMs % 1_000)
        let fracText = String(frac)
        return "\(whole)." + String(repeating: "0", count: 3 - fracText.count) + fracText + "s"
    }
}
