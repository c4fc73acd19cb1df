import ArgumentParser
import ClusterSim

/// The `clusterdeck` command: the dashboard by default, and subcommands for drills and checks.
@main
struct ClusterDeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusterdeck",
        abstract: "A whole cluster in one process, live in your terminal.",
        subcommands: [CheckHistory.self]
    )

    func run() throws {
        print("clusterdeck: the dashboard arrives with the dashboard issue")
    }
}
