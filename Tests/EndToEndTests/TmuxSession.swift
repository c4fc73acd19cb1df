import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running the real `clusterdeck` in a pane of fixed size, driven like a person:
/// keys in, screen text out. The program's exit status is written to a file by a wrapper shell that
/// stays alive, so the pane can still be asked whether the terminal was restored.
final class TmuxSession {
    let socket = "cdtest-\(UUID().uuidString.prefix(8))"
    let statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("clusterdeck-rc-\(UUID().uuidString)")

    static var tmuxAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// `swiftBacktrace` is the program's SWIFT_BACKTRACE ("" for the runtime's defaults); `ignoredSignals`
    /// (names such as "USR2") are set to ignored by the wrapper shell, so the program inherits them so.
    init(arguments: [String], columns: Int = 160, rows: Int = 48, environment: [String: String] = [:],
         swiftBacktrace: String = "enable=no", ignoredSignals: [String] = []) throws {
        let exe = BinaryRunner.executable.path
        let command = ([exe] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let traps = ignoredSignals.map { "trap '' \($0); " }.joined()
        let wrapper = "cd '\(BinaryRunner.repoRoot.path)'; \(traps)\(command); echo \\$? > '\(statusFile.path)'; sleep 30"
        var args = ["new-session", "-d", "-s", "s", "-x", "\(columns)", "-y", "\(rows)",
                    "-e", "LANG=C.UTF-8", "-e", "TERM=tmux-256color", "-e", "SWIFT_BACKTRACE=\(swiftBacktrace)"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args.append("sh -c \"\(wrapper)\"")
        // A just-killed server of the same name can refuse a new session for a moment: retry.
        var lastError = ""
        for _ in 0..<5 {
            let r = try tmux(args, captureOutput: false)
            if r.status == 0 { return }
            lastError = r.output
            Thread.sleep(forTimeInterval: 0.3)
        }
        throw NSError(domain: "tmux", code: 1, userInfo: [NSLocalizedDescriptionKey: "tmux new-session failed: \(lastError)"])
    }

    /// Kills the private server (and so the program, if still running). Call it in a `defer`.
    func close() {
        // The pane's shell lingers (it waits to report the exit status); end it, then the server.
        if let text = try? display("#{pane_pid}"), let pid = Int32(text) { kill(pid, SIGKILL) }
        _ = try? tmux(["kill-server"], captureOutput: false)
        try? FileManager.default.removeItem(at: statusFile)
    }

    /// Runs one tmux command with posix_spawn and waitpid, its output in a temporary file: `new-session`
    /// daemonizes a server that inherits the client's descriptors, so pipes would never reach end of file.
    @discardableResult
    func tmux(_ args: [String], captureOutput: Bool = true) throws -> (status: Int32, output: String) {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let target = captureOutput ? outPath : "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ["/usr/bin/tmux", "-L", socket] + args
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, &cArgs, environ)
        guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = captureOutput ? ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "") : ""
        return (exitCode, output)
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "s"]).output }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "s"] + keys) }

    /// Sends text literally (no key-name lookup).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "s", "-l", text]) }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "s", "-x", "\(columns)", "-y", "\(rows)"])
    }

    func display(_ format: String) throws -> String {
        try tmux(["display", "-p", "-t", "s", format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process id of the program (the child of the pane's wrapper shell), if it is running.
    func programPID() throws -> pid_t? {
        let shell = try display("#{pane_pid}")
        let pgrep = Process()
        let output = Pipe()
        pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        pgrep.arguments = ["-P", shell, "clusterdeck"]
        pgrep.standardOutput = output
        try pgrep.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        pgrep.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return pid_t(text)
    }

    /// Sends `signal` to the program; false when it is not running or the signal could not be sent.
    @discardableResult
    func signalProgram(_ signal: Int32) throws -> Bool {
        guard let pid = try programPID() else { return false }
        return kill(pid, signal) == 0
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    func waitForScreen(timeout: Double = 20, _ predicate: (String) -> Bool) throws -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return (true, last) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return (false, last)
    }

    /// Waits for the program to exit and returns its status.
    func exitStatus(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
               let code = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return code
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }
}
