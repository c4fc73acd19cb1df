import ArgumentParser
import ClusterSim
import Foundation

/// `clusterdeck check-history FILE`: decides whether a recorded client history is linearizable.
struct CheckHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-history",
        abstract: "Check whether a client history file is linearizable.",
        discussion: """
            The format is detected from the first non-blank line.

            kv EDN: the line starts with `{`; one map per line, for example
              {:process 0, :type :invoke, :f :append, :key "4", :value "x 0 1 y"}
            get / put / append on string values per key; a missing key reads "".

            Jepsen: the line contains `jepsen.util -`, for example
              INFO  jepsen.util - 0 :invoke :cas [3 0]
            read / write / cas on one register that starts as nil.

            :fail operations did not happen and are dropped. :info operations,
            and calls still open at the end, may take effect at any time after
            the call, or never. Keys are checked separately; the check stops at
            the first violation.

            Prints `linearizable` or `not linearizable` and the first violation
            (line numbers refer to FILE); an empty file prints `linearizable`
            and `empty history`. Exit status: 0 linearizable, 1 not
            linearizable, 2 unreadable or malformed file (each bad line goes to
            standard error as FILE:LINE: what is wrong).
            """
    )

    @Argument(help: "The history file to check.")
    var file: String

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: file)
                ? "cannot read it as UTF-8 text (\(error.localizedDescription))"
                : "no such file"
            printError("\(file): \(reason)")
            throw ExitCode(2)
        }
        let check: HistoryFileCheck
        do {
            check = try HistoryFileCheck(text: text)
        } catch {
            for e in error.errors { printError("\(file):\(e.line): \(e.message)") }
            throw ExitCode(2)
        }
        for line in check.reportLines { print(line) }
        if check.result.verdict == .notLinearizable { throw ExitCode(1) }
    }

    private func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
