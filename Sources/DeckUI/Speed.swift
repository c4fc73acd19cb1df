/// How fast virtual time runs against the wall clock: a fixed ladder from 0.25x to 64x.
public struct Speed: Sendable, Equatable, CustomStringConvertible {
    /// Quarter steps: 1 means 0.25x, 4 means 1x, 256 means 64x.
    public static let ladderQuarters = [1, 2, 4, 8, 16, 32, 64, 128, 256]
    public static let normal = Speed(step: 2)

    /// Index into `ladderQuarters`.
    public private(set) var step: Int

    public init(step: Int) { self.step = min(max(0, step), Speed.ladderQuarters.count - 1) }

    public var quarters: Int { Speed.ladderQuarters[step] }
    public var multiplier: Double { Double(quarters) / 4 }
    public var isFastest: Bool { step == Speed.ladderQuarters.count - 1 }
    public var isSlowest: Bool { step == 0 }

    public func faster() -> Speed { Speed(step: step + 1) }
    public func slower() -> Speed { Speed(step: step - 1) }

    /// Virtual microseconds for `wallMs` wall-clock milliseconds at this speed (exact: no floating point).
    public func virtualUs(forWallMs wallMs: Int) -> Int64 { Int64(max(0, wallMs)) * 1_000 * Int64(quarters) / 4 }

    /// `0.25x`, `1x`, `64x`.
    public var description: String {
        switch quarters {
        case 1: return "0.25x"
        case 2: return "0.5x"
        default: return "\(quarters / 4)x"
        }
    }
}
