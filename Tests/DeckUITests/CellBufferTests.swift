import Testing
import DeckUI

/// The cell buffer is what every screen test compares, so its clipping, box drawing and text rules
/// must be exact: a wrong cell here becomes a wrong cell on every user's screen.
struct CellBufferTests {
    @Test func putWritesStyledCellsAndClipsAtTheRightEdge() {
        var buffer = CellBuffer(width: 6, height: 2)
        let written = buffer.put(x: 3, y: 1, "abcdef", style: Style(.red, [.bold]))
        #expect(written == 3)
        #expect(buffer.lines() == ["", "   abc"])
        #expect(buffer[x: 3, y: 1] == Cell("a", style: Style(.red, [.bold])))
        #expect(buffer[x: 2, y: 1].style == .plain)
    }

    @Test func putStartingLeftOfTheBufferShowsOnlyTheVisibleTail() {
        var buffer = CellBuffer(width: 4, height: 1)
        #expect(buffer.put(x: -2, y: 0, "xyz1") == 2)
        #expect(buffer.lines() == ["z1"])
        #expect(buffer.put(x: 0, y: 5, "off") == 0)
        #expect(buffer.put(x: 0, y: -1, "off") == 0)
    }

    @Test func maxWidthCutsTextAndEllipsisMarksTheCut() {
        var buffer = CellBuffer(width: 12, height: 3)
        buffer.put(x: 0, y: 0, "leader-elected", maxWidth: 6)
        buffer.put(x: 0, y: 1, "leader-elected", maxWidth: 6, ellipsis: true)
        buffer.put(x: 0, y: 2, "fits", maxWidth: 6, ellipsis: true)
        #expect(buffer.lines() == ["leader", "leade…", "fits"])
    }

    @Test func clipRectLimitsColumnsAndRows() {
        var buffer = CellBuffer(width: 10, height: 3)
        let clip = Rect(x: 2, y: 1, width: 3, height: 1)
        #expect(buffer.put(x: 0, y: 1, "0123456789", clip: clip) == 3)
        #expect(buffer.put(x: 0, y: 0, "outside", clip: clip) == 0)
        #expect(buffer.lines() == ["", "  234", ""])
    }

    /// One cell per column is what keeps the grid aligned on screen, so anything else is neutralised.
    @Test func textThatIsNotOneColumnWideCannotShiftTheGrid() {
        var buffer = CellBuffer(width: 8, height: 1)
        // e + combining acute (dropped), tab (control), CJK (wide), emoji (wide), then box and block.
        buffer.put(x: 0, y: 0, "e\u{301}\t漢🙂─█")
        #expect(buffer.lines() == ["e???─█"])
        #expect(Cell("漢").scalar == Cell.replacement)
        #expect(Cell.columns(of: "\u{301}") == 0)
        #expect(Cell.columns(of: "▄") == 1)
        #expect(CellBuffer.columns(of: "e\u{301}x") == 2)
    }

    @Test func subscriptOutsideTheGridReadsBlankAndIgnoresWrites() {
        var buffer = CellBuffer(width: 2, height: 2)
        buffer[x: 5, y: 0] = Cell("x")
        buffer[x: -1, y: 1] = Cell("x")
        #expect(buffer[x: 9, y: 9] == .blank)
        #expect(buffer == CellBuffer(width: 2, height: 2))
    }

    @Test func fillIsClippedToTheBuffer() {
        var buffer = CellBuffer(width: 5, height: 3)
        buffer.fill(Rect(x: 3, y: 1, width: 10, height: 10), "▇", style: Style(.green))
        #expect(buffer.lines() == ["", "   ▇▇", "   ▇▇"])
        #expect(buffer[x: 4, y: 2].style == Style(.green))
    }

    @Test func setStyleKeepsCharacters() {
        var buffer = CellBuffer(lines: ["abc"])
        buffer.setStyle(Style(.default, [.reverse]), in: Rect(x: 1, y: 0, width: 5, height: 1))
        #expect(buffer.lines() == ["abc"])
        #expect(buffer[x: 0, y: 0].style == .plain)
        #expect(buffer[x: 2, y: 0] == Cell("c", style: Style(.default, [.reverse])))
    }

    @Test func boxWithTitleAndDividerMatchesGolden() {
        var buffer = CellBuffer(width: 14, height: 5)
        let inner = buffer.drawBox(Rect(x: 0, y: 0, width: 12, height: 5), title: "Nodes",
                                   style: Style(.gray), titleStyle: Style(.cyan, [.bold]))
        buffer.drawDivider(y: 2, in: Rect(x: 0, y: 0, width: 12, height: 5))
        buffer.put(x: inner.x, y: inner.y, "n1 leader", clip: inner)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 3))
        let expected = [
            "┌ Nodes ───┐",
            "│n1 leader │",
            "├──────────┤",
            "│          │",
            "└──────────┘",
        ]
        #expect(buffer.textDiff(expected: expected) == nil, "\(buffer.textDiff(expected: expected) ?? "")")
        #expect(buffer[x: 2, y: 0].style == Style(.cyan, [.bold]))
        #expect(buffer[x: 0, y: 0].style == Style(.gray))
    }

    @Test func longTitleIsCutInsideTheCornersAndTinyBoxesDrawNothing() {
        var buffer = CellBuffer(width: 10, height: 4)
        buffer.drawBox(Rect(x: 0, y: 0, width: 10, height: 3), title: "Replication log")
        let nothing = buffer.drawBox(Rect(x: 0, y: 3, width: 1, height: 1), title: "x")
        #expect(buffer.lines() == ["┌ Replic…┐", "│        │", "└────────┘", ""])
        #expect(nothing.isEmpty)
    }

    @Test func textDiffReportsEachDifferingRow() {
        let buffer = CellBuffer(lines: ["same", "left"])
        #expect(buffer.textDiff(expected: ["same  ", "left"]) == nil)
        let report = buffer.textDiff(expected: ["same", "right", "extra"])
        #expect(report == """
            rows: expected 3, actual 2
            row 1:
              expected: "right"
              actual:   "left"
            row 2:
              expected: "extra"
              actual:   "<missing>"
            """)
    }

    @Test func changedCellCountSeesStyleChangesAndSizeMismatch() {
        let a = CellBuffer(lines: ["abcd"])
        var b = a
        b.put(x: 1, y: 0, "B")
        b.setStyle(Style(.red), in: Rect(x: 3, y: 0, width: 1, height: 1))
        #expect(b.changedCellCount(from: a) == 2)
        #expect(CellBuffer(width: 3, height: 1).changedCellCount(from: a) == nil)
    }

    @Test func rectInsetAndIntersectionNeverGoNegative() {
        let r = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(r.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(r.inset(by: 3).isEmpty)
        #expect(r.inset(left: 4) == Rect(x: 6, y: 3, width: 6, height: 4))
        #expect(r.intersection(Rect(x: 10, y: 0, width: 10, height: 5)) == Rect(x: 10, y: 3, width: 2, height: 2))
        #expect(r.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
    }

    @Test func splitGivesFixedPartsFirstThenSharesTheRestByWeight() {
        let area = Rect(x: 1, y: 0, width: 100, height: 30)
        let columns = area.splitColumns([.fixed(20), .fill(), .fill(weight: 2)], spacing: 1)
        // 100 - 2 gaps - 20 fixed = 78 left: 26 and 52.
        #expect(columns.map(\.x) == [1, 22, 49])
        #expect(columns.map(\.width) == [20, 26, 52])
        #expect(columns.allSatisfy { $0.height == 30 && $0.y == 0 })
        let rows = area.splitRows([.fill(), .fill(), .fixed(1)])
        // 29 shared by two equal fills: the remainder cell goes to the first.
        #expect(rows.map(\.height) == [15, 14, 1])
        #expect(rows.map(\.y) == [0, 15, 29])
    }

    @Test func splitWithoutEnoughSpaceStaysInsideTheRect() {
        let area = Rect(x: 0, y: 0, width: 10, height: 1)
        let parts = area.splitColumns([.fixed(6), .fixed(6), .fill()], spacing: 1)
        #expect(parts.map(\.width) == [6, 2, 0])
        #expect(parts.allSatisfy { $0.intersection(area) == $0 })
    }

    /// A full-size frame has exactly width x height cells, so a flat copy to the screen is safe.
    @Test func fullSizeBufferIsFlatAndRowMajor() {
        var buffer = CellBuffer(width: 160, height: 48)
        buffer.put(x: 159, y: 47, "Z")
        #expect(buffer.cells.count == 160 * 48)
        #expect(buffer.cells[47 * 160 + 159].scalar == "Z")
        #expect(buffer.lines()[47].count == 160)
    }
}
