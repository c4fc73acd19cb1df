import ArgumentParser
import ClusterSim
import DeckUI
import Drill
import Foundation

/// `clusterdeck play FILE`: plays a drill, headless or in the dashboard.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a drill script (demo/*.drill).",
        discussion: """
        Headless, the drill runs in virtual time as fast as the machine allows and prints one line per caption \
        and expectation, then 'N passed, M failed'. Exit 0 when every expectation passed, 1 when any failed, \
        2 for a malformed drill (every bad line is reported as FILE:LINE: message and nothing runs).

        \(OutputFile.rules(for: "--history"))

        If the history cannot be written to the end (a full disk, a file-size limit): headless, the drill stops \
        there with exit 2 and a message naming the file and the error; in the dashboard the run goes on, the \
        screen says the history stopped, and q exits 2 after a message. Either way the file keeps every \
        complete line written before the failure, so check-history can still read it.
        """
    )

    @Argument(help: "The drill file.")
    var file: String

    @OptionGroup var cluster: ClusterOptions

    @Flag(help: "Run without a terminal, in virtual time as fast as possible.")
    var headless = false

    @Flag(help: "Only check the drill (and the flags with it): print 'FILE: N steps, up to D of virtual time' and exit 0, or report every problem and exit 2. Nothing runs.")
    var check = false

    @Flag(help: "With --headless: print one JSON object on stdout (the text lines go to stderr).")
    var json = false

    @Flag(help: "With --headless: print the rendered dashboard after every caption and expectation.")
    var screen = false

    @Option(help: ArgumentHelp("Write the client history to this file in the EDN format of Porcupine's kv histories (check it with check-history).", valueName: "file"))
    var history: String?

    @Flag(help: ArgumentHelp(OutputFile.forceHelp(for: "--history")))
    var force = false

    func validate() throws {
        if force && history == nil { throw ValidationError("--force needs --history") }
        if json && !headless { throw ValidationError("--json needs --headless") }
        if screen && !headless { throw ValidationError("--screen needs --headless") }
        if check && (headless || history != nil) { throw ValidationError("--check runs nothing: it takes neither --headless nor --history") }
    }

    func run() throws {
        var script = try DrillLoader.load(file)
        script.config = cluster.config(over: script.config)
        if script.config.replicas > script.config.stores {
            throw ValidationError("\(script.config.replicas) replicas per partition need at least as many stores; this run has \(script.config.stores)")
        }
        if check {
            print("\(VisibleText.escaped(file)): \(script.steps.count) steps, up to \(DurationText.describe(script.virtualLength)) of virtual time")
            return
        }
        if headless {
            let code = HeadlessPlay(script: script, json: json, screen: screen, historyPath: history, force: force).run()
            throw ExitCode(code)
        }
        throw ExitCode(DashboardRunner.run(config: cluster.config(over: script.config), script: script,
                                           historyPath: history, force: force))
    }
}
