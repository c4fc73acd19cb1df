/// Pane "Event log": the newest lines of the dashboard's log, newest last, each with its virtual time.
enum EventLogPane {
    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let theme = model.theme
        buffer.fill(rect)
        let inner = buffer.drawBox(rect, title: "Event log", style: theme.border, titleStyle: theme.title)
        guard !inner.isEmpty else { return }
        let lines = model.log.last(inner.height)
        var y = inner.maxY - lines.count
        for line in lines {
            let stamp = Format.pad(Format.clock(line.time), 9, right: true)
            buffer.put(x: inner.x, y: y, stamp, style: theme.dim)
            buffer.put(x: inner.x + 10, y: y, line.text, style: style(line.style, theme: theme),
                       maxWidth: inner.width - 10, ellipsis: true)
            y += 1
        }
    }

    static func style(_ style: LogLineStyle, theme: Theme) -> Style {
        switch style {
        case .info, .node, .rebalance: return theme.text
        case .leader: return theme.accent
        case .fault, .failure: return theme.bad
        case .check: return theme.alarm
        case .health: return theme.warn
        case .command, .caption: return theme.heading
        case .success: return theme.good
        }
    }
}
