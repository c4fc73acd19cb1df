import Drill

/// What a key does in the dashboard; the key table maps keys to these, and `update` carries them out.
public enum DeckAction: Sendable, Equatable {
    case focusNext, focusPrevious
    case selectPrevious, selectNext
    /// A page of rows up or down (the Load screen's visible rows; ten rows in an overview pane).
    case pagePrevious, pageNext
    case addNode, killSelected, restartSelected, isolateSelected, splitStores
    case heal, rebalance, cycleAlgorithm
    case togglePause, faster, slower
    case toggleHelp, openCommandLine
    case quit, interrupt
    case showScreen(DeckScreen)
    /// The Load screen's order: by id, or busiest first.
    case toggleLoadOrder
}

/// One row of the key table: the keys, the footer's short label, the help screen's sentence, the action.
public struct KeyBinding: Sendable, Equatable {
    public var keys: [KeyInput]
    /// A word or two for the footer.
    public var label: String
    /// One sentence for the `?` help screen.
    public var help: String
    /// One action per key, in the order of `keys`; a single action applies to every key.
    public var actions: [DeckAction]
    /// The screens where the keys act (and the footer shows them); empty: every screen.
    public var screens: [DeckScreen]

    public init(keys: [KeyInput], label: String, help: String, actions: [DeckAction], screens: [DeckScreen] = []) {
        precondition(actions.count == 1 || actions.count == keys.count, "one action, or one per key")
        self.keys = keys; self.label = label; self.help = help; self.actions = actions; self.screens = screens
    }

    public init(keys: [KeyInput], label: String, help: String, action: DeckAction, screens: [DeckScreen] = []) {
        self.init(keys: keys, label: label, help: help, actions: [action], screens: screens)
    }

    /// Whether the keys act on `screen`.
    public func applies(on screen: DeckScreen) -> Bool { screens.isEmpty || screens.contains(screen) }

    /// The action `key` triggers in this row, or nil when the row does not bind it.
    public func action(for key: KeyInput) -> DeckAction? {
        guard let i = keys.firstIndex(of: key) else { return nil }
        return actions.count == 1 ? actions[0] : actions[i]
    }

    /// How the keys are written in the footer and help: `Tab`, `↑/k`, `+/-`.
    public var keyText: String { keys.map(DeckKeys.name).joined(separator: "/") }
}

/// The dashboard's one key table: the footer hints, the help screen and drill `key` checks all read it.
public enum DeckKeys {
    /// In footer order: the most useful first, since the footer drops what does not fit.
    public static let table: [KeyBinding] = [
        screens,
        KeyBinding(keys: [.tab, .backTab], label: "pane", help: "focus the next / previous pane (Overview)",
                   actions: [.focusNext, .focusPrevious], screens: [.overview]),
        KeyBinding(keys: [.up, .down, .char("k"), .char("j")], label: "select",
                   help: "select the row above / below (a node or a partition, as the pane lists; Load: a process)",
                   actions: [.selectPrevious, .selectNext, .selectPrevious, .selectNext]),
        KeyBinding(keys: [.char("u")], label: "sort", help: "sort the processes by utilisation, busiest first, or by id (Load)",
                   action: .toggleLoadOrder, screens: [.load]),
        KeyBinding(keys: [.char("x")], label: "kill",
                   help: "kill the selected node (in Leaders and Replication lag: the partition's leader)",
                   action: .killSelected),
        KeyBinding(keys: [.char("r")], label: "restart", help: "restart the selected node", action: .restartSelected),
        KeyBinding(keys: [.char("i")], label: "isolate", help: "cut every network link of the selected node",
                   action: .isolateSelected),
        KeyBinding(keys: [.char("p")], label: "split",
                   help: "partition the store nodes: the selected one on the minority side", action: .splitStores),
        KeyBinding(keys: [.char("h")], label: "heal", help: "heal every network fault (isolation, partition, loss, latency)",
                   action: .heal),
        KeyBinding(keys: [.char("a")], label: "add",
                   help: "add a node of the focused pane's tier (Load: the selected process's tier)", action: .addNode),
        KeyBinding(keys: [.char("b")], label: "rebalance", help: "run a rebalancing pass over the store nodes",
                   action: .rebalance),
        KeyBinding(keys: [.char("l")], label: "lb algo", help: "switch the balancer to its next algorithm",
                   action: .cycleAlgorithm),
        KeyBinding(keys: [.char(" ")], label: "pause", help: "pause or resume virtual time", action: .togglePause),
        KeyBinding(keys: [.char("+"), .char("-")], label: "speed", help: "run virtual time faster / slower",
                   actions: [.faster, .slower]),
        KeyBinding(keys: [.pageUp, .pageDown], label: "page", help: "move the selection a page up / down",
                   actions: [.pagePrevious, .pageNext]),
        KeyBinding(keys: [.char(":")], label: "command", help: "type a drill command (Enter runs, Esc cancels)",
                   action: .openCommandLine),
        KeyBinding(keys: [.char("?")], label: "help", help: "open or close this help", action: .toggleHelp),
        KeyBinding(keys: [.char("q")], label: "quit", help: "quit (exit code 0)", action: .quit),
        KeyBinding(keys: [.ctrlC], label: "quit", help: "quit at once (exit code 130)", action: .interrupt),
    ]

    /// The number keys that switch screens, one per screen; the footer draws them as the list of screens.
    public static let screens = KeyBinding(
        keys: DeckScreen.allCases.map(\.key), label: "screens",
        help: "show a screen: " + DeckScreen.allCases.map { "\($0.rawValue) \($0.title)" }.joined(separator: ", "),
        actions: DeckScreen.allCases.map { .showScreen($0) })

    /// The action bound to `key` on `screen` (on any screen when nil), if any.
    public static func action(for key: KeyInput, on screen: DeckScreen? = nil) -> DeckAction? {
        for binding in table where screen.map(binding.applies) ?? true {
            if let action = binding.action(for: key) { return action }
        }
        return nil
    }

    /// Whether the dashboard does something with `key` on some screen: what a drill's `key` line may name.
    public static func isBound(_ key: KeyInput) -> Bool { action(for: key) != nil }

    /// How a key is written on screen.
    public static func name(_ key: KeyInput) -> String {
        switch key {
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .ctrlC: return "^C"
        case .char(" "): return "Space"
        default: return key.description
        }
    }
}
