import ArgumentParser
import ClusterSim
import Drill

/// Strict readers for numeric flags, so that flags accept exactly the numbers drills accept.
///
/// ArgumentParser's own conversions take `0x10` and `1e-14` for a Double, and read `--seed -1` as a
/// missing value because `-1` looks like a flag; these read decimal digits only and say what was wrong.
enum NumberArgument {
    /// A whole number from 0 to UInt64.max, digits only.
    static let unsigned: @Sendable (String) throws -> UInt64 = { text in
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = UInt64(text) else {
            throw ValidationError("expected a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    /// A whole number (sign allowed, so the range check can name a negative value).
    static let integer: @Sendable (String) throws -> Int = { text in
        guard let value = NumberText.integer(text) else { throw ValidationError("expected a whole number") }
        return value
    }

    /// A decimal number such as `200`, `0.5` or `.25` within `range`: no exponent, no hexadecimal, nothing infinite.
    static func decimal(_ flag: String, in range: ClosedRange<Double>, rangeText: String) -> @Sendable (String) throws -> Double {
        { text in
            guard let value = NumberText.decimal(text) else {
                throw ValidationError("expected a decimal number such as 200 or 0.5 (\(NumberText.decimalProblem(text)))")
            }
            guard range.contains(value) else { throw ValidationError("out of range: --\(flag) must be \(rangeText)") }
            return value
        }
    }
}
