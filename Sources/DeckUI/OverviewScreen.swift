/// Screen 1, "Overview": placement, leaders, replication lag, balancer, cache and the event log.
enum OverviewScreen {
    static func draw(_ model: DeckModel, layout: Layout, buffer: inout CellBuffer) {
        PlacementPane.draw(model, in: layout.placement, buffer: &buffer)
        LeadersPane.draw(model, in: layout.leaders, buffer: &buffer)
        LagPane.draw(model, in: layout.lag, buffer: &buffer)
        BalancerPane.draw(model, in: layout.balancer, buffer: &buffer)
        CachePane.draw(model, in: layout.cache, buffer: &buffer)
        EventLogPane.draw(model, in: layout.eventLog, buffer: &buffer)
    }
}
