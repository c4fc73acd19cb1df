#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the Swift runtime's crash reporter from holding the operator's terminal with an interactive prompt.
///
/// On Linux the runtime reads `SWIFT_BACKTRACE` once, before `main`, and when standard input and output
/// are terminals it defaults to `interactive=yes`: after a crash it prints its report and then waits up
/// to 30 s ("Press space to interact, D to debug, or any other key to quit"), swallowing the keys the
/// operator types at the shell. A process cannot change settings the runtime has already read, so
/// `ensureNonInteractive()` executes the program again, once, with `interactive=no` put in front of the
/// operator's own settings. The report itself still appears (on standard error, after the crash handler
/// has restored the terminal). An explicit `interactive=` setting, a disabled backtracer, or a report
/// going to a file is left as the operator asked.
public enum CrashReports {
    /// The setting put in front of the operator's `SWIFT_BACKTRACE`.
    static let nonInteractive = "interactive=no"

    /// Re-executes the program with a non-interactive crash reporter when the current settings would make
    /// it wait for keys; returns (having changed nothing) when no change is needed or the re-execution
    /// fails. Call it first thing, before opening files or the terminal.
    public static func ensureNonInteractive() {
        #if os(Linux)
        let current = getenv("SWIFT_BACKTRACE").map { String(cString: $0) }
        let onTerminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        guard let adjusted = adjustedSetting(current, onTerminal: onTerminal) else { return }
        // The real path, not /proc/self/exe: the process is named after the file executed (ps, pkill).
        guard let executable = executablePath(), setenv("SWIFT_BACKTRACE", adjusted, 1) == 0 else { return }
        _ = execv(executable, CommandLine.unsafeArgv)
        // Still here: the program could not be executed again. Put the setting back as it was.
        if let current { setenv("SWIFT_BACKTRACE", current, 1) } else { unsetenv("SWIFT_BACKTRACE") }
        #endif
    }

    #if os(Linux)
    /// The path of the running executable, from /proc/self/exe.
    private static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    #endif

    /// The `SWIFT_BACKTRACE` value to run with instead of `current`, or nil when `current` already keeps
    /// the reporter from prompting. The runtime prompts only when both standard input and output are
    /// terminals (`onTerminal`), the backtracer is enabled, no `interactive` key is given and the report
    /// does not go to a file.
    static func adjustedSetting(_ current: String?, onTerminal: Bool) -> String? {
        guard onTerminal else { return nil }
        let settings = parse(current ?? "")
        if settings.contains(where: { $0.key == "interactive" }) { return nil }
        if let enable = settings.last(where: { $0.key == "enable" })?.value,
           !["on", "true", "yes", "y", "t", "1", "tty", "auto"].contains(enable.lowercased()) { return nil }
        if let output = settings.last(where: { $0.key == "output-to" })?.value,
           !["auto", "stdout", "stderr"].contains(output.lowercased()) { return nil }
        guard let current, !current.isEmpty else { return nonInteractive }
        // In front: a trailing fragment without `=` would swallow a key put after it; a later explicit
        // key would still win, but there is none.
        return nonInteractive + "," + current
    }

    /// Splits settings the way the runtime does: `key=value` pairs separated by commas, where a comma
    /// only ends a value (text before the first `=` is all key). Keys come back lower-cased.
    static func parse(_ text: String) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        var key = ""
        var value: String?
        for character in text {
            if var v = value {
                if character == "," {
                    pairs.append((key.lowercased(), v))
                    key = ""
                    value = nil
                } else {
                    v.append(character)
                    value = v
                }
            } else if character == "=" {
                value = ""
            } else {
                key.append(character)
            }
        }
        if let value { pairs.append((key.lowercased(), value)) }
        return pairs
    }
}
