/// One keystroke, as the terminal decodes it and as drill `key` lines name it.
public enum KeyInput: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case tab
    case backTab
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case enter
    case escape
    case backspace
    case ctrlC
    /// The terminal changed size (curses reports it as a key).
    case resize

    /// The names a drill may use for keys that are not a single printable character.
    public static let namedKeys: [(name: String, key: KeyInput)] = [
        ("tab", .tab), ("shift-tab", .backTab), ("up", .up), ("down", .down), ("left", .left),
        ("right", .right), ("pgup", .pageUp), ("pgdn", .pageDown), ("enter", .enter), ("esc", .escape), ("space", .char(" ")),
        ("backspace", .backspace), ("ctrl-c", .ctrlC),
    ]

    /// Parses a drill key name: one printable ASCII character, or one of `namedKeys`.
    public init?(drillName: String) {
        if let named = KeyInput.namedKeys.first(where: { $0.name == drillName }) {
            self = named.key
            return
        }
        guard drillName.count == 1, let c = drillName.first, let a = c.asciiValue, a > 32, a < 127 else {
            return nil
        }
        self = .char(c)
    }

    /// The name a drill uses for this key, and the help screen shows.
    public var description: String {
        if let named = KeyInput.namedKeys.first(where: { $0.key == self }) { return named.name }
        switch self {
        case .char(let c): return String(c)
        case .resize: return "resize"
        default: return "?"
        }
    }
}
