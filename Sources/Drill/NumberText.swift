/// Strict decimal number reading for the drill language and the command-line flags: digits with an
/// optional sign and fraction, nothing else.
///
/// `Double(String)` also accepts `inf`, `nan`, `1e5` and hexadecimal (`0x10`), and turns 309 digits into
/// infinity, none of which a trainer means.
public enum NumberText {
    /// `12`, `-3`, `0.25`, `.5`; nil for anything else, and for numbers too large to hold (infinite).
    public static func decimal(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !body.isEmpty, body != ".", parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        guard let value = Double(body.first == "." ? "0" + body : body), value.isFinite else { return nil }
        return text.first == "-" ? -value : value
    }

    /// `12`, `-3`; nil for fractions, junk or values that do not fit.
    public static func integer(_ text: String) -> Int? {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }

    /// Why `text` is not a decimal number, for a message: "too large" for digits beyond any number.
    public static func decimalProblem(_ text: String) -> String {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let digitsOnly = !body.isEmpty && body.allSatisfy { $0.isASCIIDigit || $0 == "." }
        return digitsOnly ? "too large" : "not a decimal number"
    }
}

/// The digit test the drill language uses: `0` to `9` only, not other scripts' digits.
extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
