import CNCurses
import DeckUI

/// Whether curses can take over this process's terminal.
public enum TerminalCheck {
    /// The curses library's version string, proving the link works.
    public static var cursesVersion: String { String(cString: curses_version()) }
}
