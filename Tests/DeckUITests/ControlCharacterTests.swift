import Testing
import DeckUI

/// Text from drills, `:` commands and the event log can hold ESC, BEL and other controls that a terminal
/// would obey (retitle the window, clear the screen, start a CSI sequence). The cell buffer is the last
/// step before curses, so no cell may ever hold one, whichever way it was written, and an operator must
/// still see that something was there: each control becomes one `Cell.replacement` in its own column.
struct ControlCharacterTests {
    /// Every C0 control, DEL and every C1 control (U+0080...U+009F; U+009B is a one-character CSI).
    static let controls: [Unicode.Scalar] = (0x00...0x1F).map { Unicode.Scalar(UInt8($0)) } + [Unicode.Scalar(0x7F)]
        + (0x80...0x9F).map { Unicode.Scalar(UInt8($0)) }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// The controls found in any cell of `buffer`, as hex, for a readable failure.
    static func controlsIn(_ buffer: CellBuffer) -> [String] {
        buffer.cells.map(\.scalar).filter(isControl).map { String($0.value, radix: 16) }
    }

    @Test(arguments: ControlCharacterTests.controls)
    func everyWritingPathShowsAControlAsAReplacement(_ control: Unicode.Scalar) {
        let text = "a" + String(control) + "b"
        var buffer = CellBuffer(width: 12, height: 8)
        buffer.put(x: 0, y: 0, text)
        buffer.put(x: 0, y: 1, text, maxWidth: 3)
        buffer.put(x: 0, y: 2, text + "cdefghijklmn", maxWidth: 6, ellipsis: true)
        buffer.put(x: 0, y: 3, text, clip: Rect(x: 0, y: 3, width: 12, height: 1))
        buffer.fill(Rect(x: 0, y: 4, width: 3, height: 1), control)
        buffer[x: 0, y: 5] = Cell(control)
        buffer.drawBox(Rect(x: 0, y: 6, width: 12, height: 2), title: text)
        let fromLines = CellBuffer(lines: [text])

        #expect(ControlCharacterTests.controlsIn(buffer).isEmpty,
                "U+\(String(control.value, radix: 16)) reached a cell")
        #expect(ControlCharacterTests.controlsIn(fromLines).isEmpty)
        // Visible, and in exactly one column: what follows stays where it belongs.
        #expect(Array(buffer.lines().prefix(6)) == ["a?b", "a?b", "a?bcd…", "a?b", "???", "?"])
        #expect(buffer.line(6) == "┌ a?b ─────┐")
        #expect(fromLines.lines() == ["a?b"])
        #expect(CellBuffer.columns(of: text) == 3)
    }

    /// The sequences a hostile caption would carry: each control shows as a mark, the printable rest as text.
    @Test func terminalSequencesShowAsMarksAndText() {
        var buffer = CellBuffer(width: 40, height: 1)
        buffer.put(x: 0, y: 0, "\u{1B}]2;pwned\u{07} \u{1B}[2J \u{9B}31m \u{1B}P+q\u{1B}\\")
        #expect(buffer.lines() == ["?]2;pwned? ?[2J ?31m ?P+q?\\"])
        #expect(ControlCharacterTests.controlsIn(buffer).isEmpty)
    }

    /// Bidirectional overrides are format characters: dropped, so they cannot reorder the text that follows.
    @Test func bidirectionalOverridesNeverReachACell() {
        var buffer = CellBuffer(width: 12, height: 1)
        buffer.put(x: 0, y: 0, "ab\u{202E}cd\u{2066}ef\u{202C}")
        #expect(buffer.lines() == ["abcdef"])
        let overrides = Array(0x202A...0x202E) + Array(0x2066...0x2069)
        #expect(!buffer.cells.contains { overrides.contains(Int($0.scalar.value)) })
    }
}
