/// Strict decimal number reading for the drill language: digits with an optional sign and fraction, nothing else.
///
/// `Double(String)` also accepts `inf`, `nan`, `1e5` and hexadecimal, none of which a trainer means.
enum NumberText {
    /// `12`, `-3`, `0.25`, `.5`; nil for anything else.
    static func decimal(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !body.isEmpty, body != ".", parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return Double(text.first == "." ? "0" + text : text)
    }

    /// `12`, `-3`; nil for fractions, junk or values that do not fit.
    static func integer(_ text: String) -> Int? {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }
}

/// The digit test the drill language uses: `0` to `9` only, not other scripts' digits.
extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
