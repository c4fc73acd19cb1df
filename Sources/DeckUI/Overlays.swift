/// The boxes drawn over the dashboard: the `?` help generated from the key table, and the drill summary.
enum Overlays {
    static func help(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        buffer.fill(rect)
        let inner = buffer.drawBox(rect, title: "Keys · ? or Esc closes", style: theme.focusBorder, titleStyle: theme.focusTitle)
        guard !inner.isEmpty else { return }
        let keyWidth = (DeckKeys.table.map { CellBuffer.columns(of: $0.keyText) }.max() ?? 0) + 2
        var y = inner.y
        for binding in DeckKeys.table where y < inner.maxY - 4 {
            buffer.put(x: inner.x + 1, y: y, binding.keyText, style: theme.key)
            buffer.put(x: inner.x + 1 + keyWidth, y: y, binding.help, style: theme.text,
                       maxWidth: inner.width - keyWidth - 2, ellipsis: true)
            y += 1
        }
        y += 1
        guard y < inner.maxY else { return }
        var x = inner.x + 1
        x += buffer.put(x: x, y: y, "Placement: ", style: theme.dim)
        for (glyph, text, style) in [(PlacementPane.leaderGlyph, "leader", theme.leader),
                                     (PlacementPane.followerGlyph, "follower", theme.follower),
                                     (PlacementPane.learnerGlyph, "learner catching up", theme.learner),
                                     (PlacementPane.noneGlyph, "no replica", theme.dim)] {
            buffer[x: x, y: y] = Cell(glyph, style: style)
            x += 2 + buffer.put(x: x + 2, y: y, text, style: theme.text) + 3
        }
        let notes: [[(String, Style)]] = [
            [("Colours: ", theme.dim), ("red", theme.bad), (" fault, down, no leader  ", theme.text), ("yellow", theme.warn),
             (" ejected, lagging, leader just changed  ", theme.text), ("green", theme.good), (" healthy", theme.text)],
            [("Leaders and Replication lag list partitions: x, r, i and p act on the selected partition's leader.",
              theme.text)],
        ]
        for note in notes {
            y += 1
            guard y < inner.maxY else { return }
            var nx = inner.x + 1
            for (text, style) in note { nx += buffer.put(x: nx, y: y, text, style: style, clip: inner) }
        }
    }

    static func summary(_ summary: DrillSummary, model: DeckModel, in screen: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        let rect = Rect(x: screen.x + (screen.width - 44) / 2, y: screen.y + (screen.height - 7) / 2, width: 44, height: 7)
        buffer.fill(rect)
        let ok = summary.failed == 0
        let inner = buffer.drawBox(rect, title: "Drill finished", style: ok ? theme.good : theme.bad,
                                   titleStyle: (ok ? theme.good : theme.bad).adding(.bold))
        guard inner.height >= 3 else { return }
        let verdict = ok ? "PASS" : "FAIL"
        buffer.put(x: inner.x + 2, y: inner.y + 1, verdict, style: (ok ? theme.good : theme.bad).adding([.bold, .reverse]))
        buffer.put(x: inner.x + 8, y: inner.y + 1, "\(summary.passed) passed, \(summary.failed) failed", style: theme.heading)
        buffer.put(x: inner.x + 2, y: inner.y + 3, "q quits (the dashboard stays as it is)", style: theme.dim)
    }
}
