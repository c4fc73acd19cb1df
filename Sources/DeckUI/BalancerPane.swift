import ClusterSim

/// Pane "Balancer": per service instance its health as the balancer sees it, its utilisation (from the
/// load snapshot, so a hot instance shows on the first screen), requests per second as a bar, share of
/// traffic over the last 10 s and requests in flight; the algorithm is in the title.
///
/// Narrow panes drop the bar first, then the in-flight column.
enum BalancerPane {
    /// `s12 ejected ` then the utilisation, right-aligned in four columns, and a gap.
    static let utilisationX = 12
    static let barX = 17
    static let barMinWidth = 4
    static let wideNumbers: [(header: String, width: Int)] = [("req/s", 7), ("share", 7), ("infl", 5)]
    static let narrowNumbers: [(header: String, width: Int)] = [("req/s", 6), ("share", 6)]

    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let snapshot = model.snapshot
        let inner = PaneFrame.draw(.balancer, title: "Balancer · \(snapshot.balancer.algorithm.rawValue)", in: rect,
                                   model: model, buffer: &buffer)
        guard inner.height >= 2, inner.width >= 24 else { return }
        let theme = model.theme
        let servers = snapshot.balancer.servers
        let (numbers, barWidth) = columns(width: inner.width)
        let numbersX = inner.maxX - numbers.reduce(0) { $0 + $1.width }
        for (dx, text) in [(0, "id"), (4, "health"), (utilisationX, "util")] {
            buffer.put(x: inner.x + dx, y: inner.y, text, style: theme.dim)
        }
        buffer.put(x: numbersX, y: inner.y, numbers.map { Format.pad($0.header, $0.width, right: true) }.joined(),
                   style: theme.dim)
        let scale = max(1, servers.map(\.requestsPerSecond).max() ?? 0)
        let rows = min(servers.count, inner.height - 1)
        let selected = model.selection(in: .balancer)
        let first = max(0, min(selected - rows + 1, servers.count - rows))
        for row in 0..<max(0, rows) {
            let server = servers[first + row]
            let y = inner.y + 1 + row
            let (word, style) = health(server, theme: theme)
            buffer.put(x: inner.x, y: y, server.id.description, style: server.health == .healthy ? theme.text : style)
            buffer.put(x: inner.x + 4, y: y, word, style: style)
            let utilisation = snapshot.load(of: server.id)?.utilisation
            buffer.put(x: inner.x + utilisationX, y: y, Format.pad(Utilisation.text(utilisation), 4, right: true),
                       style: Utilisation.style(utilisation, theme: theme))
            Gauges.bar(&buffer, x: inner.x + barX, y: y, width: barWidth, value: server.requestsPerSecond, maximum: scale,
                       style: server.health == .healthy ? theme.accent : theme.dim)
            let values = [Format.fixed(server.requestsPerSecond, decimals: 1), Format.percent(server.share),
                          String(server.inFlight)]
            buffer.put(x: numbersX, y: y, zip(values, numbers).map { Format.pad($0, $1.width, right: true) }.joined(),
                       style: theme.text)
            if first + row == selected {
                PaneFrame.highlight(Rect(x: inner.x, y: y, width: inner.width, height: 1), pane: .balancer,
                                    model: model, buffer: &buffer)
            }
        }
    }

    /// The number columns and the bar's width that fit `width`: every column and a bar when there is room,
    /// else the narrow columns and whatever bar is left.
    static func columns(width: Int) -> (numbers: [(header: String, width: Int)], barWidth: Int) {
        let wide = width - barX - wideNumbers.reduce(0) { $0 + $1.width } - 1
        if wide >= barMinWidth { return (wideNumbers, wide) }
        let narrow = width - barX - narrowNumbers.reduce(0) { $0 + $1.width } - 1
        return (narrowNumbers, narrow >= barMinWidth ? narrow : 0)
    }

    /// `up` in green, `down` in red, `ejected` in yellow; a process that is down says so even while the
    /// balancer still counts it healthy (its checks have not failed enough yet).
    static func health(_ server: ServerView, theme: Theme) -> (String, Style) {
        switch server.health {
        case .healthy: return server.state == .up ? ("up", theme.good) : ("up?", theme.warn)
        case .down: return ("down", theme.alarm)
        case .ejected: return ("ejected", theme.warn)
        }
    }
}
