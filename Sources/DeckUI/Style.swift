/// A foreground colour from the small palette every colour terminal has; `default` is the terminal's own.
public enum Color: UInt8, CaseIterable, Hashable, Sendable {
    case `default`, red, green, yellow, blue, magenta, cyan, white, gray
}

/// Text attributes a cell can combine; they are shown even when colours are off (`NO_COLOR`).
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let dim = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    /// How many distinct attribute combinations exist (raw values `0..<combinationCount`).
    public static let combinationCount = 16
}

/// How a cell looks: a foreground colour plus attributes, two bytes so a full buffer stays compact.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var attributes: TextAttributes

    public init(_ foreground: Color = .default, _ attributes: TextAttributes = []) {
        self.foreground = foreground
        self.attributes = attributes
    }

    /// The terminal's default colour, no attributes.
    public static let plain = Style()

    /// This style with `extra` attributes added.
    public func adding(_ extra: TextAttributes) -> Style {
        Style(foreground, attributes.union(extra))
    }

    /// This style with another foreground colour.
    public func colored(_ color: Color) -> Style {
        Style(color, attributes)
    }
}

/// One character position of a `CellBuffer`: a single display-width-1 code point and its style.
public struct Cell: Hashable, Sendable {
    public let scalar: Unicode.Scalar
    public let style: Style

    /// A cell showing `scalar`; anything that is not one column wide (controls, combining marks,
    /// wide CJK or emoji) becomes `Cell.replacement` so the grid can never shift on screen.
    public init(_ scalar: Unicode.Scalar, style: Style = .plain) {
        self.scalar = Cell.columns(of: scalar) == 1 ? scalar : Cell.replacement
        self.style = style
    }

    init(checked scalar: Unicode.Scalar, style: Style) {
        self.scalar = scalar
        self.style = style
    }

    /// An empty cell in the default style.
    public static let blank = Cell(checked: " ", style: .plain)
    /// What a code point that is not one column wide is shown as.
    public static let replacement: Unicode.Scalar = "?"

    /// How many terminal columns `scalar` occupies: 0 for combining marks and invisible format
    /// characters, 2 for wide East Asian characters and emoji, -1 for control characters, else 1.
    /// The common cases (ASCII, Latin-1, box drawing, blocks) are decided without a table look-up.
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return -1 }
        if v < 0x300 || (v >= 0x2500 && v < 0x25A0) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        case .control, .lineSeparator, .paragraphSeparator, .surrogate: return -1
        default: break
        }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The East Asian Wide and Fullwidth blocks.
    private static func isWide(_ v: UInt32) -> Bool {
        (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD)
    }
}
