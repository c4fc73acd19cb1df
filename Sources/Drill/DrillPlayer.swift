import ClusterSim

/// Plays a `DrillScript` against a `DrillHost` step by step, so a caller can run it headless or in real time.
///
/// Each `poll` runs every step whose time has come and says when to poll next. Waits are measured on the
/// drill's own schedule (a wait starts when the step before it was due to end), so a dashboard that passes
/// a deadline by a frame does not push later steps back; a headless caller that advances time straight to
/// each `until` sees every step at exactly its scheduled time.
public struct DrillPlayer: Sendable {
    /// How often an `expect ... within` condition is checked again, in virtual time.
    public static let recheckInterval = SimTime.ms(10)

    public let script: DrillScript
    /// Every output line so far, in order: `CAPTION`, `PASS`, `FAIL`, `ERROR`, then the summary line.
    public private(set) var transcript: [String] = []
    public private(set) var passed = 0
    public private(set) var failed = 0

    /// Index of the step running or next to run.
    private var next = 0
    /// When the current step started by the drill's schedule; set by the first poll.
    private var scheduleTime: SimTime?
    private var pending: Pending?
    private var summary: DrillSummary?

    /// A step that spans time and has started.
    private enum Pending: Sendable {
        case wait(until: SimTime)
        case expectation(deadline: SimTime, nextCheck: SimTime)
    }

    public init(script: DrillScript) {
        self.script = script
    }

    /// Runs every step due at `host.now`; time starts at the first poll.
    public mutating func poll(host: some DrillHost) -> PlayerState {
        if let summary { return .finished(summary) }
        let now = host.now
        if scheduleTime == nil { scheduleTime = now }
        while next < script.steps.count {
            if let until = run(script.steps[next], host: host, now: now) {
                return .waiting(until: until)
            }
            next += 1
        }
        let done = DrillSummary(passed: passed, failed: failed)
        transcript.append(done.description)
        summary = done
        return .finished(done)
    }

    /// Plays the whole drill, calling `advance` to move the host's time to each moment the drill waits for.
    public mutating func playToEnd(host: some DrillHost, advance: (SimTime) -> Void) -> DrillSummary {
        while true {
            switch poll(host: host) {
            case .finished(let summary):
                return summary
            case .waiting(let until):
                advance(until)
                precondition(host.now >= until, "DrillPlayer.playToEnd: advance(\(until)) left the host at \(host.now)")
            }
        }
    }

    /// Runs or continues `step`; the time to poll again if it is not over.
    private mutating func run(_ step: DrillStep, host: some DrillHost, now: SimTime) -> SimTime? {
        let start = scheduleTime ?? now
        switch step.action {
        case .caption(let text):
            host.caption(text, line: step.line)
            transcript.append("CAPTION \(now) \(VisibleText.escaped(text))")
        case .key(let key):
            host.press(key)
        case .command(let command, let text):
            if let refusal = host.apply(command) {
                failed += 1
                transcript.append("ERROR \(now) line \(step.line): \(VisibleText.escaped(text)): \(VisibleText.escaped(refusal))")
            }
        case .wait(let span):
            let until: SimTime
            if case .wait(let pendingUntil) = pending { until = pendingUntil } else { until = start + span }
            if now < until {
                pending = .wait(until: until)
                return until
            }
            pending = nil
            scheduleTime = until
        case .expect(let expectation):
            return check(expectation, line: step.line, start: start, host: host, now: now)
        }
        return nil
    }

    /// Checks `expectation` now; with `within`, keeps checking until it holds or its deadline passes.
    private mutating func check(_ expectation: Expectation, line: Int, start: SimTime,
                                host: some DrillHost, now: SimTime) -> SimTime? {
        var deadline = start + (expectation.within ?? .zero)
        if case .expectation(let pendingDeadline, let nextCheck) = pending {
            if now < nextCheck { return nextCheck }
            deadline = pendingDeadline
        }
        let actual = host.value(of: expectation.metric)
        let holds = expectation.holds(for: actual)
        if !holds, now < deadline {
            let nextCheck = min(now + DrillPlayer.recheckInterval, deadline)
            pending = .expectation(deadline: deadline, nextCheck: nextCheck)
            return nextCheck
        }
        pending = nil
        if expectation.within != nil { scheduleTime = now }
        let result = ExpectationResult(expectation: expectation, line: line, passed: holds, actual: actual, at: now)
        if holds { passed += 1 } else { failed += 1 }
        transcript.append(result.transcriptLine)
        host.expectation(result)
        return nil
    }
}
