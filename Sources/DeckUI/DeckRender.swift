/// Draws the whole dashboard for `model` into `buffer`, sized by the buffer; a pure function of the model.
///
/// The chrome (status bar, banner, caption, message line, footer) is the same on every screen; the body
/// is drawn by the screen on show.
public func render(_ model: DeckModel, into buffer: inout CellBuffer) {
    buffer.clear()
    let s = model.snapshot
    let layout = Layout(columns: buffer.width, rows: buffer.height, stores: s.stores.count,
                        services: s.balancer.servers.count, caches: s.cache.nodes.count,
                        partitions: s.partitions.count, caption: model.caption != nil)
    guard !layout.tooSmall else {
        Chrome.tooSmall(columns: buffer.width, rows: buffer.height, theme: model.theme, buffer: &buffer)
        return
    }
    Chrome.statusBar(model, in: layout.statusBar, buffer: &buffer)
    Chrome.banner(model, in: layout.banner, buffer: &buffer)
    Chrome.caption(model, in: layout.caption, buffer: &buffer)
    switch model.screen {
    case .overview: OverviewScreen.draw(model, layout: layout, buffer: &buffer)
    case .load: LoadScreen.draw(model, layout: layout, buffer: &buffer)
    }
    Chrome.messageLine(model, in: layout.messageLine, buffer: &buffer)
    Chrome.footer(model, in: layout.footer, buffer: &buffer)
    if model.helpVisible { Overlays.help(model, in: layout.overlay, buffer: &buffer) }
    if let summary = model.summary { Overlays.summary(summary, model: model, in: layout.screen, buffer: &buffer) }
}

extension DeckModel {
    /// A buffer of the model's current size with the dashboard drawn in it.
    public func rendered() -> CellBuffer {
        var buffer = CellBuffer(width: columns, height: rows)
        render(self, into: &buffer)
        return buffer
    }
}
