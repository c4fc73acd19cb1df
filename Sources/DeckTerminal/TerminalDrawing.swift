import CNCurses
import DeckUI

extension Terminal {
    /// Copies `buffer` to the screen (top-left aligned, clipped to the screen) and refreshes once.
    /// Only cells that differ from the previous frame are handed to curses, which in turn sends only
    /// what changed on screen. Returns how many cells were handed to curses.
    @discardableResult
    public func draw(_ buffer: CellBuffer) -> Int {
        guard isActive, let window = cd_stdscr() else { return 0 }
        let screenSize = size()
        let columns = min(buffer.width, screenSize.columns)
        let rows = min(buffer.height, screenSize.rows)
        var previous = shown
        if previous?.width != buffer.width || previous?.height != buffer.height || shownScreenSize != screenSize {
            previous = nil
            // Cells the buffer does not cover would keep stale content.
            if buffer.width < screenSize.columns || buffer.height < screenSize.rows { werase(window) }
        }
        if scratchScalars.count < columns {
            scratchScalars = Array(repeating: 0, count: columns)
            scratchStyles = Array(repeating: 0, count: columns)
        }
        var sent = 0
        buffer.cells.withUnsafeBufferPointer { now in
            if let previous {
                previous.cells.withUnsafeBufferPointer { before in
                    sent = copyCells(now, before: before, width: buffer.width, columns: columns, rows: rows)
                }
            } else {
                sent = copyCells(now, before: nil, width: buffer.width, columns: columns, rows: rows)
            }
        }
        wrefresh(window)
        shown = buffer
        shownScreenSize = screenSize
        return sent
    }

    /// Sends runs of changed cells row by row; unchanged gaps of up to 4 cells are sent along with
    /// their neighbours because one longer call is cheaper than two short ones.
    private func copyCells(_ now: UnsafeBufferPointer<Cell>, before: UnsafeBufferPointer<Cell>?,
                           width: Int, columns: Int, rows: Int) -> Int {
        var sent = 0
        for y in 0..<rows {
            let row = y * width
            var x = 0
            while x < columns {
                if let before, now[row + x] == before[row + x] {
                    x += 1
                    continue
                }
                var end = x + 1
                if let before {
                    var lastChanged = x
                    while end < columns && end - lastChanged <= 4 {
                        if now[row + end] != before[row + end] { lastChanged = end }
                        end += 1
                    }
                    end = lastChanged + 1
                } else {
                    end = columns
                }
                sendRun(now, from: row + x, count: end - x, y: y, x: x)
                sent += end - x
                x = end
            }
        }
        return sent
    }

    private func sendRun(_ cells: UnsafeBufferPointer<Cell>, from start: Int, count: Int, y: Int, x: Int) {
        let ascii = asciiOnly
        scratchScalars.withUnsafeMutableBufferPointer { scalars in
            scratchStyles.withUnsafeMutableBufferPointer { styles in
                for i in 0..<count {
                    let cell = cells[start + i]
                    let value = cell.scalar.value
                    scalars[i] = ascii && value >= 0x80 ? Terminal.asciiLookalike(value) : value
                    styles[i] = UInt16(Palette.index(of: cell.style))
                }
                palette.attributes.withUnsafeBufferPointer { attributes in
                    palette.pairs.withUnsafeBufferPointer { pairs in
                        _ = cd_put_cells(Int32(y), Int32(x), scalars.baseAddress, styles.baseAddress, Int32(count),
                                         attributes.baseAddress, pairs.baseAddress)
                    }
                }
            }
        }
    }

    /// An ASCII stand-in for a non-ASCII code point, for terminals without a UTF-8 locale.
    static func asciiLookalike(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x2500, 0x2501, 0x2504, 0x2508, 0x254C: return 0x2D  // ─ → -
        case 0x2502, 0x2503, 0x2506, 0x250A, 0x254E: return 0x7C  // │ → |
        case 0x250C...0x254B: return 0x2B                          // corners and joints → +
        case 0x2580...0x259F: return 0x23                          // blocks → #
        case 0x2026: return 0x2E                                   // … → .
        default: return 0x3F                                       // ?
        }
    }
}
