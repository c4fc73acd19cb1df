import ClusterSim

/// The Load screen's own UI state: the row order, the selected process, and the first row shown.
///
/// The selection is kept by process id, so it stays on the same process when the order changes or the
/// numbers reshuffle a busiest-first list.
public struct LoadScreenState: Sendable, Equatable {
    public internal(set) var order = LoadOrder.byID
    /// Nil until a row is picked: the first row.
    public internal(set) var selected: NodeID?
    /// Index of the first row shown when not every row fits.
    var top = 0

    /// Where the selected process is in `rows` (0 when it is not there).
    func selectedIndex(in rows: [LoadRow]) -> Int {
        selected.flatMap { id in rows.firstIndex { $0.id == id } } ?? 0
    }

    /// Moves the selection by `delta` rows (clamped) and scrolls just enough to keep it among `visible` rows.
    mutating func move(by delta: Int, rows: [LoadRow], visible: Int) {
        guard !rows.isEmpty else { return }
        let index = max(0, min(rows.count - 1, selectedIndex(in: rows) + delta))
        selected = rows[index].id
        top = firstRow(selected: index, count: rows.count, visible: visible)
    }

    /// The first row to show: `top`, moved the least that keeps `selected` in view, never past the end.
    func firstRow(selected: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        let first = min(max(top, selected - visible + 1), selected)
        return max(0, min(first, count - visible))
    }
}
