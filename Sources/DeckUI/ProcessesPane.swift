import ClusterSim

/// Pane "Processes" (Load screen): a row per process of every tier with its utilisation as a bar, its
/// workers, its queue against its limit, the p99 time an input spent in it, inputs handled per second,
/// work shed and rejected, and marks for a slowed or paused process.
///
/// Sorted by id or busiest first (`u`); when the rows do not fit, the list scrolls to keep the selected
/// process in view and the title says which rows are shown.
enum ProcessesPane {
    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        let rows = model.loadRows
        let visible = max(0, rect.height - 3)
        let selected = model.loadScreen.selectedIndex(in: rows)
        let first = model.loadScreen.firstRow(selected: selected, count: rows.count, visible: visible)
        let shown = max(0, min(visible, rows.count - first))
        var title = "Processes · \(model.loadScreen.order.title)"
        if shown < rows.count { title += " · \(first + 1)–\(first + shown) of \(rows.count)" }
        let inner = PaneFrame.draw(title: title, in: rect, focused: true, theme: theme, buffer: &buffer)
        guard inner.height >= 2 else { return }
        let columns = ProcessColumns(width: inner.width)
        columns.header(x: inner.x, y: inner.y, theme: theme, clip: inner, buffer: &buffer)
        for i in 0..<shown {
            let y = inner.y + 1 + i
            columns.row(rows[first + i], x: inner.x, y: y, theme: theme, clip: inner, buffer: &buffer)
            if first + i == selected {
                PaneFrame.reverse(Rect(x: inner.x, y: y, width: inner.width, height: 1), buffer: &buffer)
            }
        }
    }
}
