import ClusterSim

/// Pane "Cache": the hit ratio over the last 10 s (large when there is room), its 60 s sparkline, the
/// reads per second that reach the store, and per cache node its items, hits, misses and evictions.
enum CachePane {
    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let inner = PaneFrame.draw(.cache, title: "Cache", in: rect, model: model, buffer: &buffer)
        guard inner.height >= 2, inner.width >= 30 else { return }
        let theme = model.theme
        let cache = model.snapshot.cache
        let ratio = Format.percent(cache.hitRatio)
        let ratioStyle = cache.hitRatio >= 0.5 ? theme.good : theme.warn
        let storeReads = Format.fixed(cache.storeReadsPerSecond, decimals: 1) + "/s"
        let history = model.snapshot.hitRatioHistory
        var y = inner.y
        if inner.height >= cache.nodes.count + 7 {
            let used = BigFigure.draw(ratio, x: inner.x + 1, y: y, style: ratioStyle.adding(.bold), buffer: &buffer)
            let textX = inner.x + used + 4
            buffer.put(x: textX, y: y, "hit ratio, last 10 s", style: theme.dim)
            buffer.put(x: textX, y: y + 1, "hits \(Format.count(cache.hits))  misses \(Format.count(cache.misses))",
                       style: theme.text, maxWidth: inner.maxX - textX)
            buffer.put(x: textX, y: y + 2, "store reads ", style: theme.dim)
            buffer.put(x: textX + 12, y: y + 2, storeReads, style: theme.heading)
            y += 4
            buffer.put(x: inner.x, y: y, "60s", style: theme.dim)
            Gauges.sparkline(&buffer, x: inner.x + 4, y: y, width: min(60, inner.width - 4), samples: history,
                             maximum: 1, style: ratioStyle)
            y += 2
        } else {
            let used = buffer.put(x: inner.x, y: y, "hit " + ratio, style: ratioStyle.adding(.bold))
            let tail = "store " + storeReads
            let sparkX = inner.x + used + 1
            let sparkWidth = min(60, inner.width - used - 2 - tail.count)
            Gauges.sparkline(&buffer, x: sparkX, y: y, width: sparkWidth, samples: history, maximum: 1, style: ratioStyle)
            buffer.put(x: inner.maxX - tail.count, y: y, tail, style: theme.text)
            y += 1
        }
        guard y < inner.maxY else { return }
        let header = ["items", "hits", "misses", "evicted"].map { Format.pad($0, 7, right: true) }
        buffer.put(x: inner.x, y: y, "node  st " + header.joined(separator: " "), style: theme.dim)
        let rows = min(cache.nodes.count, inner.maxY - y - 1)
        let selected = model.selection(in: .cache)
        let first = max(0, min(selected - rows + 1, cache.nodes.count - rows))
        for row in 0..<max(0, rows) {
            let node = cache.nodes[first + row]
            let ry = y + 1 + row
            let up = node.state == .up
            buffer.put(x: inner.x, y: ry, node.id.description, style: up ? theme.text : theme.bad)
            buffer.put(x: inner.x + 4, y: ry, Format.pad(up ? "up" : "down", 4, right: true), style: up ? theme.good : theme.alarm)
            let numbers = [node.items, node.hits, node.misses, node.evictions].map { Format.pad(Format.count($0), 7, right: true) }
            buffer.put(x: inner.x + 8, y: ry, numbers.joined(separator: " "), style: theme.text)
            if first + row == selected {
                PaneFrame.highlight(Rect(x: inner.x, y: ry, width: inner.width, height: 1), pane: .cache,
                                    model: model, buffer: &buffer)
            }
        }
    }
}
