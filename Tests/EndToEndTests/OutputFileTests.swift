import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files the program writes (`--history`, `bench-dashboard --output`) are written at the path the user
/// named and nowhere else: no link is followed, nothing that is not a regular file is replaced, an existing
/// file is overwritten only with --force and keeps its mode, owner and inode, nothing is touched before
/// every other check has passed, and a failed write is reported with exit 2 instead of a trap. Also the
/// entry point's other bad input: `help` for a command that does not exist.
@Suite(.serialized)
struct OutputFileTests {
    static let drill = "demo/leader-failover.drill"

    /// `play DRILL --headless --history path` plus `extra`.
    static func play(history path: String, _ extra: [String] = []) throws -> Outcome {
        try OutputFileTests.run(["play", drill, "--headless", "--history", path] + extra)
    }

    // MARK: what is at the path

    /// A link at the path is neither followed nor replaced, with or without --force: the link and its
    /// target stay exactly as they were (the old code renamed a new file over the link).
    @Test(arguments: [false, true])
    func symlinkIsRefusedAndLeftAlone(force: Bool) throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let target = dir + "/target.edn", link = dir + "/link.edn"
        try OutputFileTests.write("keep me\n", to: target)
        #expect(symlink(target, link) == 0)
        let r = try OutputFileTests.play(history: link, force ? ["--force"] : [])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(link) && r.stderr.contains("symbolic link"), "\(r.stderr)")
        #expect(r.stdout.isEmpty, "the drill ran although its history file was refused")
        #expect(OutputFileTests.kind(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
    }

    /// A FIFO is refused before it is opened: opening one for writing would block until a reader
    /// came, so a run that hangs past the timeout fails this test instead of stalling the suite.
    @Test(arguments: [false, true])
    func fifoIsRefusedWithoutHanging(force: Bool) throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/fifo"
        #expect(mkfifo(path, 0o644) == 0)
        let r = try OutputFileTests.run(["play", OutputFileTests.drill, "--headless", "--history", path] + (force ? ["--force"] : []),
                                        timeout: 30)
        #expect(!r.timedOut, "clusterdeck blocked on the FIFO")
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(path) && r.stderr.contains("FIFO"), "\(r.stderr)")
        #expect(OutputFileTests.kind(path) == S_IFIFO)
    }

    /// An existing file is kept byte for byte unless --force is given, as `cp -n` and `tar` users expect.
    @Test func existingFileIsRefusedWithoutForce() throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/h.edn"
        let original = "{:process 0, :type :invoke, :f :put, :key \"1\", :value \"a\"}\n"
        try OutputFileTests.write(original, to: path)
        let r = try OutputFileTests.play(history: path)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("\(path): it exists; pass --force to overwrite it"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(original.utf8))
    }

    /// With --force the same file is overwritten in place: same inode, mode 0640 and owner kept (a
    /// renamed temporary file would have a new inode, mode 0644 and root as its owner).
    @Test func forceOverwritesInPlaceKeepingModeAndOwner() throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/h.edn"
        try OutputFileTests.write(String(repeating: "old line\n", count: 50_000), to: path)
        #expect(chmod(path, 0o640) == 0)
        #expect(chown(path, 1234, 1234) == 0)
        let before = try #require(OutputFileTests.info(path))
        let r = try OutputFileTests.play(history: path, ["--force"])
        #expect(r.status == 0, "\(r)")
        let after = try #require(OutputFileTests.info(path))
        #expect(after.st_ino == before.st_ino, "the file was replaced, not overwritten")
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(after.st_uid == 1234 && after.st_gid == 1234)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("{:process") && !text.contains("old line"), "not truncated before writing")
        let check = try BinaryRunner.run(["check-history", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// A read-only file stays read-only and unchanged even with --force. We run as root, for whom
    /// open() would succeed, so the mode bits themselves must be honoured.
    @Test func readOnlyFileIsRefusedEvenWithForce() throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/h.edn"
        try OutputFileTests.write("precious\n", to: path)
        #expect(chmod(path, 0o444) == 0)
        let r = try OutputFileTests.play(history: path, ["--force"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(path) && r.stderr.contains("read-only"), "\(r.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious\n")
        #expect(OutputFileTests.info(path).map { $0.st_mode & 0o7777 } == 0o444)
    }

    /// A new path is created as a regular file with mode 0666 less the umask (run under umask 027 here,
    /// so 0640), holding a history check-history accepts, and nothing else is left in its directory.
    @Test func newPathIsCreatedHonouringTheUmask() throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/h.edn"
        let r = try OutputFileTests.run(["play", OutputFileTests.drill, "--headless", "--history", path], umask: "027")
        #expect(r.status == 0, "\(r)")
        #expect(OutputFileTests.kind(path) == S_IFREG)
        #expect(OutputFileTests.info(path).map { $0.st_mode & 0o7777 } == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["h.edn"])
        #expect(try BinaryRunner.run(["check-history", path]).status == 0)
    }

    /// A missing directory is named in the message, and nothing runs.
    @Test func missingDirectoryIsNamed() throws {
        let parent = try OutputFileTests.directory()
        defer { OutputFileTests.remove(parent) }
        let dir = parent + "/no-such-dir"
        let r = try OutputFileTests.play(history: dir + "/h.edn")
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("the directory \(dir) does not exist"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// /dev/null is not replaced by a regular file (as root the old code did exactly that). A private
    /// device node, or a FIFO where mknod is not allowed, is tried first, so a build that replaces devices
    /// fails there and never reaches the machine's real /dev/null.
    @Test(arguments: [[], ["--force"]])
    func devNullIsRefusedAndStaysADevice(_ extra: [String]) throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let guardPath = dir + "/null"
        let guardKind = mknod(guardPath, S_IFCHR | 0o666, OutputFileTests.info("/dev/null")?.st_rdev ?? 0) == 0 ? S_IFCHR : S_IFIFO
        if guardKind == S_IFIFO { #expect(mkfifo(guardPath, 0o666) == 0) }
        let guarded = try OutputFileTests.play(history: guardPath, extra)
        try #require(OutputFileTests.kind(guardPath) == guardKind, "a special file was replaced: \(guarded)")
        #expect(guarded.status == 2)
        let r = try OutputFileTests.play(history: "/dev/null", extra)
        #expect(r.status == 2, "\(extra): \(r)")
        #expect(r.stderr.contains("/dev/null") && r.stderr.contains("character device"), "\(r.stderr)")
        #expect(OutputFileTests.kind("/dev/null") == S_IFCHR, "/dev/null is no longer a device")
    }

    // MARK: order and failures

    /// Without a terminal the dashboard refuses before touching its history file (the old code
    /// truncated it first). Also with --force, and for `play` in the dashboard.
    @Test(arguments: [["--history", "H"], ["--history", "H", "--force"], ["play", OutputFileTests.drill, "--history", "H", "--force"]])
    func historyWithoutATerminalLeavesTheFileUntouched(_ template: [String]) throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/h.edn"
        try OutputFileTests.write("precious\n", to: path)
        let r = try OutputFileTests.run(template.map { $0 == "H" ? path : $0 })
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("standard input is not a terminal"), "\(r.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious\n")
    }

    /// Past a file-size limit (`ulimit -f`, so SIGXFSZ and then EFBIG) headless play stops with exit 2
    /// and a message naming the file and the error, not a trap or a signal; what was written ends on a
    /// complete line, so check-history still reads it.
    @Test func writeFailureStopsWithExitTwoNamingTheFile() throws {
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/h.edn"
        let r = try OutputFileTests.run(["play", OutputFileTests.drill, "--headless", "--history", path], fileSizeLimitBlocks: 20)
        #expect(r.signal == nil, "killed by signal \(r.signal ?? 0)")
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("writing the history file \(path) failed: File too large"), "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!data.isEmpty && data.count <= 20 * 1024 && data.last == UInt8(ascii: "\n"), "\(data.count) bytes")
        #expect([0, 1].contains(try BinaryRunner.run(["check-history", path]).status), "the kept part does not parse")
    }

    // MARK: the entry point

    /// `help` with a name that is no subcommand is bad input (exit 2, naming it); a real one still works.
    @Test func helpForAnUnknownCommandExitsTwo() throws {
        let r = try OutputFileTests.run(["help", "nosuch"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("'nosuch'"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let ok = try OutputFileTests.run(["help", "play"])
        #expect(ok.status == 0 && ok.stdout.contains("--force"), "\(ok)")
    }
}

// MARK: helpers

extension OutputFileTests {
    struct Outcome: CustomStringConvertible {
        var status: Int32
        var signal: Int32?
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var description: String { "exit \(status) signal \(signal.map(String.init) ?? "none")\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    /// Runs clusterdeck with stdin from /dev/null and its output in files, through /bin/sh when a umask
    /// or `ulimit -f` is wanted; kills it after `timeout` seconds and says so.
    static func run(_ args: [String], umask: String? = nil, fileSizeLimitBlocks: Int? = nil, timeout: Double = 120) throws -> Outcome {
        let dir = try directory()
        defer { remove(dir) }
        let outPath = dir + "/stdout", errPath = dir + "/stderr"
        #expect(FileManager.default.createFile(atPath: outPath, contents: nil))
        #expect(FileManager.default.createFile(atPath: errPath, contents: nil))
        let process = Process()
        var limits = umask.map { ["umask \($0)"] } ?? []
        if let fileSizeLimitBlocks { limits.append("ulimit -f \(fileSizeLimitBlocks)") }
        if limits.isEmpty {
            process.executableURL = BinaryRunner.executable
            process.arguments = args
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", limits.joined(separator: "; ") + "; exec \"$0\" \"$@\"", BinaryRunner.executable.path] + args
        }
        process.currentDirectoryURL = BinaryRunner.repoRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let signaled = process.terminationReason == .uncaughtSignal
        return Outcome(status: process.terminationStatus, signal: signaled ? process.terminationStatus : nil, timedOut: timedOut,
                       stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// Removes a directory made by `directory()` and everything in it.
    static func remove(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

    /// A fresh empty directory for one test.
    static func directory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clusterdeck-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func write(_ text: String, to path: String) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
    }

    /// lstat of `path` (links not followed), nil when there is nothing there.
    static func info(_ path: String) -> stat? {
        var s = stat()
        return lstat(path, &s) == 0 ? s : nil
    }

    /// The file type bits (S_IFREG, S_IFLNK, ...) of what is at `path`, 0 when nothing is.
    static func kind(_ path: String) -> mode_t { info(path).map { $0.st_mode & S_IFMT } ?? 0 }
}

/// The same rules in a real terminal: the dashboard outlives a failed history write and says so, and
/// bench-dashboard's --output is opened like --history. Serialized: each runs a dashboard under tmux.
@Suite(.serialized)
struct OutputFileTmuxTests {
    /// A file-size limit set on the running dashboard (prlimit) makes its next history write fail with
    /// EFBIG. The run goes on (the clock keeps moving), the message line says the history stopped, and q
    /// restores the terminal, prints that the history is incomplete and exits 2.
    @Test func dashboardKeepsRunningWhenTheHistoryStops() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/h.edn"
        let t = try TmuxSession(arguments: ["--history", path, "--rate", "5000"])
        defer { t.close() }
        #expect(try t.waitForScreen { DashboardTmuxTests.hasAllPanes($0) }.ok)
        let pid = try OutputFileTmuxTests.child(of: t.display("#{pane_pid}"))
        let limited = try OutputFileTmuxTests.tool("/usr/bin/prlimit", ["--pid", "\(pid)", "--fsize=4096:4096"])
        try #require(limited.status == 0, "prlimit failed: \(limited.output)")
        let stopped = try t.waitForScreen { $0.contains("history stopped: writing the history file \(path) failed: File too large") }
        #expect(stopped.ok, "no message that the history stopped:\n\(stopped.screen)")
        let statusBar = stopped.screen.split(separator: "\n").first.map(String.init) ?? ""
        let running = try t.waitForScreen { $0.split(separator: "\n").first.map(String.init) != statusBar }
        #expect(running.ok, "the dashboard stopped running after the failed write")
        try t.send("q")
        #expect(t.exitStatus() == 2)
        #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01", "terminal not restored after q")
        #expect(try t.screen().replacingOccurrences(of: "\n", with: "").contains("the history is incomplete"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).last == UInt8(ascii: "\n"), "the kept history ends mid-line")
    }

    /// bench-dashboard --output keeps an existing file without --force and, with it, overwrites it in
    /// place (same inode, mode 0640); the old code renamed a temporary file over it either way.
    @Test func benchDashboardOutputIsWrittenInPlaceOnlyWithForce() throws {
        try #require(TmuxSession.tmuxAvailable, "tmux is needed for this test: apt-get install tmux")
        let dir = try OutputFileTests.directory()
        defer { OutputFileTests.remove(dir) }
        let path = dir + "/bench.txt"
        try OutputFileTests.write("earlier results\n", to: path)
        #expect(chmod(path, 0o640) == 0)
        let inode = OutputFileTests.info(path)?.st_ino
        for force in [false, true] {
            let t = try TmuxSession(arguments: ["bench-dashboard", "--frames", "10", "--output", path] + (force ? ["--force"] : []))
            defer { t.close() }
            #expect(t.exitStatus(timeout: 60) == (force ? 0 : 2), "force \(force)")
            #expect(try t.display("#{alternate_on}#{cursor_flag}") == "01")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("frame time") && !text.contains("earlier results"), "\(text)")
        #expect(OutputFileTests.info(path)?.st_ino == inode, "the file was replaced, not overwritten")
        #expect(OutputFileTests.info(path).map { $0.st_mode & 0o7777 } == 0o640)
    }

    /// The process whose parent is `parent` (the pane's shell runs clusterdeck as its only child).
    static func child(of parent: String) throws -> pid_t {
        let r = try tool("/usr/bin/pgrep", ["-P", parent])
        return try #require(r.output.split(separator: "\n").first.flatMap { pid_t($0) }, "no child of \(parent)")
    }

    /// Runs a system tool (pgrep, prlimit) and returns its status and output.
    static func tool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try #require(FileManager.default.isExecutableFile(atPath: path), "\(path) is needed for this test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
