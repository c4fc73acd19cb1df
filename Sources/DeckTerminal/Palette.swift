import CNCurses
import DeckUI

/// The curses attributes and colour pair for every `Style`, computed once at start so drawing a cell is
/// two table look-ups (index: `Palette.index(of:)`).
struct Palette {
    /// Attribute bits per style index.
    private(set) var attributes: [attr_t]
    /// Colour pair per style index (0: the terminal's default colours).
    private(set) var pairs: [Int16]

    static let count = Color.allCases.count * TextAttributes.combinationCount

    static func index(of style: Style) -> Int {
        Int(style.foreground.rawValue) * TextAttributes.combinationCount + Int(style.attributes.rawValue & 0x0F)
    }

    /// Builds the tables. With `useColor` false every colour maps to the default pair, and gray becomes
    /// dim text so de-emphasised text still looks de-emphasised. Must run after `newterm`.
    init(useColor: Bool) {
        attributes = Array(repeating: 0, count: Palette.count)
        pairs = Array(repeating: 0, count: Palette.count)
        var colorExtra = Array(repeating: attr_t(0), count: Color.allCases.count)
        var colorPair = Array(repeating: Int16(0), count: Color.allCases.count)
        if useColor {
            let defaultBackground: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
            for color in Color.allCases where color != .default {
                let (foreground, extra) = Palette.cursesColor(color)
                let pair = Int16(color.rawValue)
                if init_pair(pair, foreground, defaultBackground) == OK { colorPair[Int(color.rawValue)] = pair }
                colorExtra[Int(color.rawValue)] = extra
            }
        } else {
            colorExtra[Int(Color.gray.rawValue)] = cd_attr_dim()
        }
        for color in Color.allCases {
            for bits in 0..<TextAttributes.combinationCount {
                let style = Style(color, TextAttributes(rawValue: UInt8(bits)))
                let i = Palette.index(of: style)
                attributes[i] = Palette.cursesAttributes(style.attributes) | colorExtra[Int(color.rawValue)]
                pairs[i] = colorPair[Int(color.rawValue)]
            }
        }
    }

    /// The curses colour number for a palette colour, plus attributes needed to approximate it.
    private static func cursesColor(_ color: Color) -> (Int16, attr_t) {
        switch color {
        case .default: return (-1, 0)
        case .red: return (Int16(COLOR_RED), 0)
        case .green: return (Int16(COLOR_GREEN), 0)
        case .yellow: return (Int16(COLOR_YELLOW), 0)
        case .blue: return (Int16(COLOR_BLUE), 0)
        case .magenta: return (Int16(COLOR_MAGENTA), 0)
        case .cyan: return (Int16(COLOR_CYAN), 0)
        case .white: return (Int16(COLOR_WHITE), 0)
        // Bright black where the terminal has 16 colours; dim white on 8-colour terminals.
        case .gray: return cd_colors() >= 16 ? (8, 0) : (Int16(COLOR_WHITE), cd_attr_dim())
        }
    }

    private static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result: attr_t = 0
        if attributes.contains(.bold) { result |= cd_attr_bold() }
        if attributes.contains(.reverse) { result |= cd_attr_reverse() }
        if attributes.contains(.dim) { result |= cd_attr_dim() }
        if attributes.contains(.underline) { result |= cd_attr_underline() }
        return result
    }
}
