/// Screen 2, "Load": end-to-end latency, offered load against throughput, and a row per process.
enum LoadScreen {
    static func draw(_ model: DeckModel, layout: Layout, buffer: inout CellBuffer) {
        LatencyPane.draw(model, in: layout.latency, buffer: &buffer)
        ThroughputPane.draw(model, in: layout.throughput, buffer: &buffer)
        ProcessesPane.draw(model, in: layout.processes, buffer: &buffer)
    }
}
