import ClusterSim

/// Pane "Placement": a row per store node (state, replicas, leaders, utilisation from the load snapshot)
/// and a column per partition showing whether that store holds the partition's leader, a follower, a
/// learner still catching up, or nothing.
enum PlacementPane {
    static let leaderGlyph: Unicode.Scalar = "●"
    static let followerGlyph: Unicode.Scalar = "○"
    static let learnerGlyph: Unicode.Scalar = "◌"
    static let noneGlyph: Unicode.Scalar = "·"
    /// `n12 dead 24 12  97% `: id, state, replicas, leaders, utilisation.
    static let labelWidth = 20

    static func draw(_ model: DeckModel, in rect: Rect, buffer: inout CellBuffer) {
        let inner = PaneFrame.draw(.placement, title: "Placement", in: rect, model: model, buffer: &buffer)
        guard inner.height >= 2, inner.width > labelWidth else { return }
        let theme = model.theme
        let snapshot = model.snapshot
        let partitions = snapshot.partitions
        let available = inner.width - labelWidth
        // The last glyph needs no gap after it.
        let cellWidth = partitions.count * 3 - 2 <= available ? 3 : 2
        let shown = min(partitions.count, (available + cellWidth - 1) / cellWidth)
        let gridX = inner.x + labelWidth

        // Header: labels every few partitions, so two-digit numbers never collide.
        for (x, text) in [(0, "id"), (4, "st"), (8, "rep"), (12, "ld"), (15, "util")] {
            buffer.put(x: inner.x + x, y: inner.y, text, style: theme.dim)
        }
        let labelEvery = cellWidth == 3 ? 2 : 4
        for p in stride(from: 0, to: shown, by: labelEvery) {
            buffer.put(x: gridX + p * cellWidth, y: inner.y, "p\(p)", style: theme.dim,
                       maxWidth: labelEvery * cellWidth - 1)
        }

        let storeRows = min(snapshot.stores.count, inner.height - 2)
        let selected = model.selection(in: .placement)
        // Rows follow the selection when there are more stores than rows.
        let first = max(0, min(selected - storeRows + 1, snapshot.stores.count - storeRows))
        for row in 0..<max(0, storeRows) {
            let store = snapshot.stores[first + row]
            let y = inner.y + 1 + row
            let up = store.state == .up
            let stateStyle = up ? theme.good : theme.alarm
            buffer.put(x: inner.x, y: y, store.id.description, style: up ? theme.text : theme.bad)
            buffer.put(x: inner.x + 4, y: y, store.state.rawValue, style: stateStyle)
            buffer.put(x: inner.x + 8, y: y, Format.pad(String(store.replicas), 3, right: true), style: theme.text)
            buffer.put(x: inner.x + 12, y: y, Format.pad(String(store.leaders), 2, right: true),
                       style: store.leaders > 0 ? theme.leader : theme.dim)
            let utilisation = snapshot.load(of: store.id)?.utilisation
            buffer.put(x: inner.x + 15, y: y, Format.pad(Utilisation.text(utilisation), 4, right: true),
                       style: up ? Utilisation.style(utilisation, theme: theme) : theme.dim)
            for p in 0..<shown {
                let (glyph, style) = mark(store: store, partition: partitions[p], theme: theme)
                buffer[x: gridX + p * cellWidth, y: y] = Cell(glyph, style: style)
            }
            if first + row == selected {
                PaneFrame.highlight(Rect(x: inner.x, y: y, width: inner.width, height: 1), pane: .placement,
                                    model: model, buffer: &buffer)
            }
        }

        let legendY = inner.maxY - 1
        if legendY > inner.y + storeRows {
            var x = inner.x
            for (glyph, text, style) in [(leaderGlyph, "leader", theme.leader), (followerGlyph, "follower", theme.follower),
                                         (learnerGlyph, "learner (catching up)", theme.learner), (noneGlyph, "none", theme.dim)] {
                buffer[x: x, y: legendY] = Cell(glyph, style: style)
                x += 2 + buffer.put(x: x + 2, y: legendY, text, style: theme.dim) + 3
            }
            if shown < partitions.count {
                buffer.put(x: x, y: legendY, "p\(shown)+ hidden", style: theme.warn)
            }
        }
    }

    /// The glyph for one store and one partition; replicas on a store that is not up are drawn as faults.
    static func mark(store: StoreView, partition: PartitionView, theme: Theme) -> (Unicode.Scalar, Style) {
        let up = store.state == .up
        if partition.leader == store.id { return (leaderGlyph, theme.leader) }
        if partition.learners.contains(store.id) { return (learnerGlyph, up ? theme.learner : theme.bad) }
        if partition.replicas.contains(store.id) {
            if !up { return (followerGlyph, theme.bad) }
            return (followerGlyph, partition.leader == nil ? theme.alarm : theme.follower)
        }
        return (noneGlyph, theme.dim)
    }
}
