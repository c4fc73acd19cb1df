/// The border and title every pane draws around its rectangle, highlighted when the pane has focus.
enum PaneFrame {
    /// Draws the frame and returns the inside, where the pane paints its content.
    static func draw(_ pane: Pane, title: String, in rect: Rect, model: DeckModel, buffer: inout CellBuffer) -> Rect {
        let theme = model.theme
        let focused = model.focus == pane
        buffer.fill(rect)
        return buffer.drawBox(rect, title: title, style: focused ? theme.focusBorder : theme.border,
                              titleStyle: focused ? theme.focusTitle : theme.title)
    }

    /// The frame of a pane outside the overview's Tab order (a screen's only list is always focused).
    static func draw(title: String, in rect: Rect, focused: Bool, theme: Theme, buffer: inout CellBuffer) -> Rect {
        buffer.fill(rect)
        return buffer.drawBox(rect, title: title, style: focused ? theme.focusBorder : theme.border,
                              titleStyle: focused ? theme.focusTitle : theme.title)
    }

    /// Reverses one row, whatever has focus.
    static func reverse(_ row: Rect, buffer: inout CellBuffer) {
        for x in row.x..<row.maxX {
            let cell = buffer[x: x, y: row.y]
            buffer[x: x, y: row.y] = Cell(cell.scalar, style: cell.style.adding(.reverse))
        }
    }

    /// Reverses a selected row of the focused pane.
    static func highlight(_ row: Rect, pane: Pane, model: DeckModel, buffer: inout CellBuffer) {
        guard model.focus == pane else { return }
        reverse(row, buffer: &buffer)
    }
}
