/// Where each partition's row goes when a pane has fewer rows than partitions: down a column, then the
/// next column to the right, like `ls` output.
struct PartitionFlow {
    let origin: (x: Int, y: Int)
    /// Header rows at the top of every column (0 when there is no room for one).
    let headerRows: Int
    let rowsPerColumn: Int
    let columns: Int
    let columnWidth: Int

    /// Fits `count` rows into `area`, keeping a header when every row still fits in columns at least
    /// `widest` wide, else dropping it to gain a row.
    init(count: Int, in area: Rect, headerRows wantedHeader: Int, widest: Int) {
        func layout(header: Int) -> (rows: Int, columns: Int, width: Int) {
            let rows = max(1, area.height - header)
            let columns = max(1, (count + rows - 1) / rows)
            return (rows, columns, area.width / columns)
        }
        var header = wantedHeader
        var fit = layout(header: header)
        if header > 0 && fit.width < widest {
            header = 0
            fit = layout(header: 0)
        }
        origin = (area.x, area.y)
        headerRows = area.height > header ? header : 0
        rowsPerColumn = fit.rows
        columns = fit.columns
        columnWidth = max(1, fit.width)
    }

    /// The one-row rectangle for item `i`, or nil when it falls outside the pane.
    func cell(_ i: Int) -> Rect? {
        let column = i / rowsPerColumn
        guard column < columns, columnWidth > 0 else { return nil }
        return Rect(x: origin.x + column * columnWidth, y: origin.y + headerRows + i % rowsPerColumn,
                    width: columnWidth - 1, height: 1)
    }
}
