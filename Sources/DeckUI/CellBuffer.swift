/// A width x height grid of styled cells that views paint into and the terminal layer copies to the screen.
///
/// Pure Swift and fully clipped: writing outside the grid is ignored, never a crash. Cells live in one
/// flat row-major array so a full 160x48 repaint is a few thousand stores.
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, filledWith cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: cell, count: self.width * self.height)
    }

    /// A buffer holding `lines` in `style`, as wide as the longest line: handy for expected screens.
    public init(lines: [String], style: Style = .plain) {
        let columns = lines.map { line in line.unicodeScalars.filter { Cell.columns(of: $0) != 0 }.count }
        self.init(width: columns.max() ?? 0, height: lines.count)
        for (y, line) in lines.enumerated() { put(x: 0, y: y, line, style: style) }
    }

    /// The whole buffer as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); reads outside the grid give a blank cell and writes there are ignored.
    public subscript(x x: Int, y y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Resets every cell to `cell`.
    public mutating func clear(to cell: Cell = .blank) {
        for i in cells.indices { cells[i] = cell }
    }

    /// Writes `text` from (x, y) to the right edge of the buffer, one cell per column; zero-width
    /// code points are dropped and ones that are not one column wide show as `Cell.replacement`.
    /// Returns how many cells were written.
    @discardableResult
    public mutating func put(x: Int, y: Int, _ text: String, style: Style = .plain) -> Int {
        write(text, x: x, y: y, style: style, clip: bounds)
    }

    /// Like `put(x:y:_:style:)` but uses at most `maxWidth` columns; with `ellipsis`, text that does not
    /// fit ends in "…" so the reader can see it was cut.
    @discardableResult
    public mutating func put(x: Int, y: Int, _ text: String, style: Style = .plain, maxWidth: Int,
                             ellipsis: Bool = false) -> Int {
        guard maxWidth > 0 else { return 0 }
        let clip = Rect(x: x, y: y, width: maxWidth, height: 1)
        guard ellipsis, CellBuffer.columns(of: text) > maxWidth else {
            return write(text, x: x, y: y, style: style, clip: clip)
        }
        let written = write(text, x: x, y: y, style: style,
                            clip: Rect(x: x, y: y, width: maxWidth - 1, height: 1))
        return written + write("…", x: x + maxWidth - 1, y: y, style: style, clip: clip)
    }

    /// Like `put(x:y:_:style:)` but only cells inside `clip` are written.
    @discardableResult
    public mutating func put(x: Int, y: Int, _ text: String, style: Style = .plain, clip: Rect) -> Int {
        write(text, x: x, y: y, style: style, clip: clip)
    }

    /// How many columns `text` takes when put into a buffer.
    public static func columns(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (Cell.columns(of: $1) == 0 ? 0 : 1) }
    }

    /// Sets every cell of `rect` (clipped to the buffer) to `scalar` in `style`.
    public mutating func fill(_ rect: Rect, _ scalar: Unicode.Scalar = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(scalar, style: style)
        for y in area.y..<area.maxY {
            let row = y * width
            for x in area.x..<area.maxX { cells[row + x] = cell }
        }
    }

    /// Changes the style of every cell of `rect` and keeps its character (e.g. to highlight a row).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            let row = y * width
            for x in area.x..<area.maxX { cells[row + x] = Cell(checked: cells[row + x].scalar, style: style) }
        }
    }

    private mutating func write(_ text: String, x: Int, y: Int, style: Style, clip: Rect) -> Int {
        let area = clip.intersection(bounds)
        guard y >= area.y, y < area.maxY, x < area.maxX else { return 0 }
        let row = y * width
        var column = x
        var written = 0
        for scalar in text.unicodeScalars {
            let columns = Cell.columns(of: scalar)
            if columns == 0 { continue }
            if column >= area.maxX { break }
            if column >= area.x {
                cells[row + column] = Cell(checked: columns == 1 ? scalar : Cell.replacement, style: style)
                written += 1
            }
            column += 1
        }
        return written
    }
}

extension CellBuffer {
    /// Draws a horizontal line of "─" from (x, y), `length` cells long.
    public mutating func drawHorizontalLine(x: Int, y: Int, length: Int, style: Style = .plain) {
        fill(Rect(x: x, y: y, width: length, height: 1), "─", style: style)
    }

    /// Draws a vertical line of "│" from (x, y) down, `length` cells long.
    public mutating func drawVerticalLine(x: Int, y: Int, length: Int, style: Style = .plain) {
        fill(Rect(x: x, y: y, width: 1, height: length), "│", style: style)
    }

    /// Draws a single-line border around `rect` with an optional title in the top edge
    /// ("┌ title ───┐", cut with "…" when too long) and returns the area inside the border.
    /// Rects narrower or shorter than 2 cells draw nothing and return an empty rect.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, title: String? = nil, style: Style = .plain,
                                 titleStyle: Style? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        drawHorizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, style: style)
        drawHorizontalLine(x: rect.x + 1, y: bottom, length: rect.width - 2, style: style)
        drawVerticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, style: style)
        drawVerticalLine(x: right, y: rect.y + 1, length: rect.height - 2, style: style)
        self[x: rect.x, y: rect.y] = Cell(checked: "┌", style: style)
        self[x: right, y: rect.y] = Cell(checked: "┐", style: style)
        self[x: rect.x, y: bottom] = Cell(checked: "└", style: style)
        self[x: right, y: bottom] = Cell(checked: "┘", style: style)
        if let title, !title.isEmpty, rect.width >= 5 {
            put(x: rect.x + 1, y: rect.y, " \(title) ", style: titleStyle ?? style,
                maxWidth: rect.width - 2, ellipsis: true)
        }
        return rect.inset(by: 1)
    }

    /// Draws "├───┤" across the box `box` at row `y`, joining its left and right borders.
    public mutating func drawDivider(y: Int, in box: Rect, style: Style = .plain) {
        guard box.width >= 2 else { return }
        drawHorizontalLine(x: box.x + 1, y: y, length: box.width - 2, style: style)
        self[x: box.x, y: y] = Cell(checked: "├", style: style)
        self[x: box.maxX - 1, y: y] = Cell(checked: "┤", style: style)
    }
}

extension CellBuffer {
    /// The text of row `y` with trailing spaces removed (styles are not included).
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var scalars = String.UnicodeScalarView()
        let row = cells[(y * width)..<((y + 1) * width)]
        let end = row.lastIndex { $0.scalar != " " }.map { $0 + 1 } ?? row.startIndex
        for cell in row[row.startIndex..<end] { scalars.append(cell.scalar) }
        return String(scalars)
    }

    /// The text of every row, trailing spaces trimmed: what golden-screen tests compare.
    public func lines() -> [String] { (0..<height).map(line) }

    /// Nil when the buffer's text equals `expected` (trailing spaces ignored on both sides), else a
    /// readable report of each differing row, for test failure messages.
    public func textDiff(expected: [String]) -> String? {
        let actual = lines()
        let wanted = expected.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        var report: [String] = []
        if actual.count != wanted.count { report.append("rows: expected \(wanted.count), actual \(actual.count)") }
        for y in 0..<max(actual.count, wanted.count) {
            let a = y < actual.count ? actual[y] : "<missing>"
            let w = y < wanted.count ? wanted[y] : "<missing>"
            if a != w { report.append("row \(y):\n  expected: \"\(w)\"\n  actual:   \"\(a)\"") }
        }
        return report.isEmpty ? nil : report.joined(separator: "\n")
    }

    /// How many cells differ from `other`, or nil when the sizes differ.
    public func changedCellCount(from other: CellBuffer) -> Int? {
        guard width == other.width, height == other.height else { return nil }
        return zip(cells, other.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    }
}

/// A rectangle of cells, the unit all layout arithmetic works in; width and height are never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }

    public func contains(x: Int, y: Int) -> Bool { x >= self.x && x < maxX && y >= self.y && y < maxY }

    /// The overlap of two rects (empty, placed at the clamped origin, when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// This rect shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect { inset(top: amount, left: amount, bottom: amount, right: amount) }

    /// This rect shrunk on each side; shrinking past zero gives an empty rect inside the original.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + min(max(0, left), width), y: y + min(max(0, top), height),
             width: width - left - right, height: height - top - bottom)
    }

    /// How much of a split one part takes.
    public enum Length: Hashable, Sendable {
        /// Exactly this many cells (fewer if the space runs out; fixed parts are served in order).
        case fixed(Int)
        /// A share of what the fixed parts leave, in proportion to `weight`.
        case fill(weight: Int = 1)
    }

    /// Splits into rows stacked top to bottom, one per length, with `spacing` empty rows between them.
    /// Always returns `lengths.count` rects, all inside this one.
    public func splitRows(_ lengths: [Length], spacing: Int = 0) -> [Rect] {
        Rect.distribute(height, lengths, spacing: spacing).map {
            Rect(x: x, y: y + $0.offset, width: width, height: $0.size)
        }
    }

    /// Splits into columns left to right, one per length, with `spacing` empty columns between them.
    /// Always returns `lengths.count` rects, all inside this one.
    public func splitColumns(_ lengths: [Length], spacing: Int = 0) -> [Rect] {
        Rect.distribute(width, lengths, spacing: spacing).map {
            Rect(x: x + $0.offset, y: y, width: $0.size, height: height)
        }
    }

    /// Offsets and sizes along one axis: fixed parts first in order, then fills share the rest by weight,
    /// the remainder going one cell each to the earliest fills.
    private static func distribute(_ total: Int, _ lengths: [Length], spacing: Int) -> [(offset: Int, size: Int)] {
        let gap = max(0, spacing)
        var remaining = max(0, total - gap * max(0, lengths.count - 1))
        var sizes = Array(repeating: 0, count: lengths.count)
        var totalWeight = 0
        for (i, length) in lengths.enumerated() {
            switch length {
            case .fixed(let n):
                sizes[i] = min(max(0, n), remaining)
                remaining -= sizes[i]
            case .fill(let weight):
                totalWeight += max(0, weight)
            }
        }
        if totalWeight > 0 {
            var left = remaining
            for (i, length) in lengths.enumerated() {
                if case .fill(let weight) = length {
                    sizes[i] = remaining * max(0, weight) / totalWeight
                    left -= sizes[i]
                }
            }
            for (i, length) in lengths.enumerated() where left > 0 {
                if case .fill(let weight) = length, weight > 0 {
                    sizes[i] += 1
                    left -= 1
                }
            }
        }
        var offset = 0
        return sizes.map { size in
            let start = min(offset, total)
            offset = start + size + gap
            return (start, min(size, total - start))
        }
    }
}
