/// A three-row block font for the cache pane's large hit-ratio figure (digits, point and percent sign).
enum BigFigure {
    static let glyphs: [Character: [String]] = [
        "0": ["█▀█", "█ █", "▀▀▀"], "1": ["▀█ ", " █ ", "▀▀▀"], "2": ["▀▀█", "█▀▀", "▀▀▀"],
        "3": ["▀▀█", " ▀█", "▀▀▀"], "4": ["█ █", "▀▀█", "  ▀"], "5": ["█▀▀", "▀▀█", "▀▀▀"],
        "6": ["█▀▀", "█▀█", "▀▀▀"], "7": ["▀▀█", "  █", "  ▀"], "8": ["█▀█", "█▀█", "▀▀▀"],
        "9": ["█▀█", "▀▀█", "▀▀▀"], ".": [" ", " ", "▀"], "%": ["▀ █", " █ ", "█ ▄"], "-": ["   ", "▀▀▀", "   "],
    ]

    /// Columns `text` takes when drawn (glyphs are separated by one blank column).
    static func width(of text: String) -> Int {
        text.reduce(0) { $0 + (glyphs[$1]?[0].unicodeScalars.count ?? 0) + 1 } - 1
    }

    /// Draws `text` with its top-left corner at (x, y); returns the width used.
    @discardableResult
    static func draw(_ text: String, x: Int, y: Int, style: Style, buffer: inout CellBuffer) -> Int {
        var column = x
        for character in text {
            guard let rows = glyphs[character] else { continue }
            for (dy, row) in rows.enumerated() {
                var cx = column
                for scalar in row.unicodeScalars {
                    if scalar != " " { buffer[x: cx, y: y + dy] = Cell(scalar, style: style) }
                    cx += 1
                }
            }
            column += rows[0].unicodeScalars.count + 1
        }
        return max(0, column - x - 1)
    }
}
