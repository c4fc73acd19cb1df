import PropertyBased

/// One edit a fuzz case makes to a valid input, the way a careless or hostile user would.
///
/// Cases start from real files (the demo drills, the Porcupine histories) and apply a few of these, so
/// most of what the parser sees is almost right: the near misses are where parsers break.
public struct TextMutation: Sendable, CustomStringConvertible {
    public enum Kind: Int, Sendable, CaseIterable {
        case insert, delete, replaceWord, duplicateLine, swapLines, truncate, insertLine
    }

    public var kind: Kind
    /// Where the edit happens, taken modulo the text's length (or line count).
    public var position: Int
    /// How much a delete removes, or which other line a swap takes.
    public var span: Int
    public var payload: String

    /// Text that has broken, or could break, a line-oriented parser.
    public static let payloads: [String] = [
        "\u{1B}]0;PWNED\u{07}", "\u{1B}[2J", "\u{07}", "\u{00}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{FFFD}", "é", "🙂",
        "\"", "\\", "#", "|", "=", ":", ",", "{", "}", "[", "]", " ", "\t", "\r", "\n", "\r\n",
        "-1", "0", "1e309", "-1e309", "0x10", "nan", "inf", "-0", ".", "..", "1.2.3", "00000000000000000001",
        "18446744073709551615", "18446744073709551616", "9223372036854775808", "1" + String(repeating: "0", count: 309),
        String(repeating: "9", count: 70), String(repeating: "k", count: 5_000), "0.00000000000001", "100001",
        "wait 24h", "wait 1440m", "within 24h", "expect", "kill n99", "kill s0", "add store", "partition n1 |",
        "workload rate=", "rate=0.00000000001", "caption \"", "title \"", "seed -1", "cluster replicas=9",
        ":invoke", ":ok", ":fail", ":info", ":process", ":type", ":f", ":key", ":value", "nil", "jepsen.util -",
        ":get", ":put", ":append", ":read", ":write", ":cas",
    ]

    /// Mutations with every kind, anywhere, carrying any payload.
    public static let generator = zip(
        Gen.int(in: 0...(Kind.allCases.count - 1)), Gen.int(in: 0...1_000_000), Gen.int(in: 0...200),
        Gen<String?>.element(of: payloads)
    ).map { kind, position, span, payload in
        TextMutation(kind: Kind(rawValue: kind)!, position: position, span: span, payload: payload ?? "")
    }

    public init(kind: Kind, position: Int, span: Int, payload: String) {
        self.kind = kind
        self.position = position
        self.span = span
        self.payload = payload
    }

    public var description: String { "\(kind)@\(position)+\(span) \(payload.debugDescription.prefix(40))" }

    /// `text` with this edit applied.
    public func apply(to text: String) -> String {
        var chars = Array(text)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch kind {
        case .insert:
            chars.insert(contentsOf: payload, at: chars.isEmpty ? 0 : position % (chars.count + 1))
            return String(chars)
        case .delete:
            guard !chars.isEmpty else { return text }
            let start = position % chars.count
            chars.removeSubrange(start..<min(chars.count, start + 1 + span % 40))
            return String(chars)
        case .replaceWord:
            return replacingWord(in: lines)
        case .duplicateLine:
            let i = position % lines.count
            lines.insert(lines[i], at: i)
        case .swapLines:
            lines.swapAt(position % lines.count, span % lines.count)
        case .truncate:
            return String(chars.prefix(chars.isEmpty ? 0 : position % chars.count))
        case .insertLine:
            lines.insert(payload, at: position % (lines.count + 1))
        }
        return lines.joined(separator: "\n")
    }

    private func replacingWord(in lines: [String]) -> String {
        var lines = lines
        let i = position % lines.count
        var words = lines[i].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        words[span % words.count] = payload
        lines[i] = words.joined(separator: " ")
        return lines.joined(separator: "\n")
    }

    /// Every mutation of `list` applied in order.
    public static func apply(_ list: [TextMutation], to text: String) -> String {
        list.reduce(text) { $1.apply(to: $0) }
    }
}

/// Checks that a message shown to the user is safe to print to a terminal: no raw control character.
public enum PrintableCheck {
    /// The first control character in `text` (newlines between lines allowed when `multiline`), if any.
    public static func firstControl(in text: String, multiline: Bool = false) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            if multiline && scalar == "\n" { return false }
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }
}
