import ClusterSim

/// Pane "Balancer": per service instance its health as the balancer sees it, requests per second as a
/// bar, share of traffic over the last 10 s and requests in flight; the algorithm is in the title.
enum BalancerPane {
    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let snapshot = model.snapshot
        let inner = PaneFrame.draw(.balancer, title: "Balancer · \(snapshot.balancer.algorithm.rawValue)", in: rect,
                                   model: model, buffer: &buffer)
        guard inner.height >= 2, inner.width >= 24 else { return }
        let theme = model.theme
        let servers = snapshot.balancer.servers
        // id, health, bar, req/s, share, in flight: the bar takes what the numbers leave.
        let numbersWidth = 7 + 7 + 5
        let barX = inner.x + 12
        let barWidth = max(0, inner.width - 12 - numbersWidth - 1)
        let rpsX = barX + barWidth + 1
        for (dx, text) in [(0, "id"), (4, "health")] { buffer.put(x: inner.x + dx, y: inner.y, text, style: theme.dim) }
        buffer.put(x: rpsX, y: inner.y, Format.pad("req/s", 7, right: true) + Format.pad("share", 7, right: true)
                   + Format.pad("infl", 5, right: true), style: theme.dim)
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
            Gauges.bar(&buffer, x: barX, y: y, width: barWidth, value: server.requestsPerSecond, maximum: scale,
                       style: server.health == .healthy ? theme.accent : theme.dim)
            buffer.put(x: rpsX, y: y, Format.pad(Format.fixed(server.requestsPerSecond, decimals: 1), 7, right: true)
                       + Format.pad(Format.percent(server.share), 7, right: true)
                       + Format.pad(String(server.inFlight), 5, right: true), style: theme.text)
            if first + row == selected {
                PaneFrame.highlight(Rect(x: inner.x, y: y, width: inner.width, height: 1), pane: .balancer,
                                    model: model, buffer: &buffer)
            }
        }
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
