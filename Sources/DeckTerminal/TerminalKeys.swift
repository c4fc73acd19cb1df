import CNCurses
import DeckUI
import Drill

extension Terminal {
    /// Waits up to `timeoutMs` (0: do not wait, negative: wait forever) for a key and decodes it.
    ///
    /// Returns nil when no key arrived in time, or only keys the dashboard does not use (function keys,
    /// mouse reports, control characters): those are skipped, so a caller may see nil before its timeout.
    /// `.resize` means the screen changed size; the next `draw` repaints everything.
    public func readKey(timeoutMs: Int) -> KeyInput? {
        guard isActive, let window = cd_stdscr() else { return nil }
        var wait = timeoutMs
        for _ in 0..<64 {
            setInputTimeout(wait)
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR { return nil }
            if let key = Terminal.decodeKey(status: status, code: UInt32(code)) {
                if key == .resize { invalidate() }
                return key
            }
            wait = 0
        }
        return nil
    }

    /// Maps one `wget_wch` result to a key: `status` is `KEY_CODE_YES` for a curses key code, else `code`
    /// is a character. Enter arrives as \r in raw mode (also accepted: \n, KEY_ENTER); Backspace as 127,
    /// 8 or KEY_BACKSPACE; Ctrl-C as 3 because raw mode turns off the SIGINT it would otherwise send.
    static func decodeKey(status: Int32, code: UInt32) -> KeyInput? {
        if status == KEY_CODE_YES {
            switch Int32(truncatingIfNeeded: code) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_BTAB: return .backTab
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_RESIZE: return .resize
            default: return nil
            }
        }
        switch code {
        case 3: return .ctrlC
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        default:
            guard let scalar = Unicode.Scalar(code), Cell.columns(of: scalar) == 1 else { return nil }
            return .char(Character(scalar))
        }
    }
}
