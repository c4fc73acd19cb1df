import ClusterSim
import Drill

/// Every input the dashboard reacts to: keys, wall-clock ticks, resizes and drill playback steps.
public enum DeckMessage {
    /// A keystroke, from the terminal or a drill's `key` line.
    case key(KeyInput)
    /// Wall-clock milliseconds since the previous tick; converted to virtual time at the current speed.
    case tick(elapsedMs: Int)
    /// Virtual time to run regardless of speed and pause (a drill's `wait`).
    case advance(SimTime)
    /// A drill's command line; a refusal comes back as `DeckEffect.refused`.
    case command(ClusterCommand)
    case resize(columns: Int, rows: Int)
    /// The drill caption bar's text; nil hides the bar.
    case caption(String?)
    /// One expectation's outcome, logged as PASS or FAIL.
    case expectation(text: String, passed: Bool)
    case log(String, style: LogLineStyle)
    /// The end-of-drill overlay, which stays until `q`.
    case summary(passed: Int, failed: Int)
    /// Writing the run's history file failed and has stopped (the run goes on): why, in one line. It is
    /// logged, flashed on the status line, and kept on the message line for the rest of the run.
    case historyStopped(String)
}

/// What the caller must do after an update.
public enum DeckEffect: Sendable, Equatable {
    /// Restore the terminal and exit with this code (0 for `q`, 130 for Ctrl-C).
    case quit(exitCode: Int32)
    /// An action was refused or a command did not parse: ring the terminal bell if wanted.
    case bell
    /// A drill's command was refused, for this reason; the drill reports it as an error.
    case refused(String)
}

/// A line shown above the footer after an action: what was done, or why it was refused.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(text: String, isError: Bool) { self.text = text; self.isError = isError }
}

/// The end-of-drill result shown over the dashboard.
public struct DrillSummary: Sendable, Equatable {
    public var passed: Int
    public var failed: Int
}
