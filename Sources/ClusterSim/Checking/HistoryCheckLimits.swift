/// Every limit `check-history` works within, in one place: how big a file it reads, and how many
/// steps and how much memory the check of that file may spend before it answers `unknown`.
///
/// The defaults decide every Porcupine history (the hardest, `kv/c50-ok.txt`, takes 918,097 steps
/// of the 1,171,200 it is given, and its caches peak at about 30 MiB) while a pathological history,
/// such as 200 overlapping puts of one key, is answered `unknown` within a few seconds.
public struct HistoryCheckLimits: Sendable, Equatable {
    /// The largest history file read, 1 GiB. Parsing holds the text and its events at once, a few
    /// times the file's size, so a bigger file would need several GB before the check even starts.
    public static let maxFileBytes = 1 << 30

    /// Steps every history may take, however small: what hard histories of a hundred operations need.
    public static let baseSteps = 1_000_000
    /// Further steps per operation, so a long but easy history (a few steps per operation) is not
    /// cut short: a 1 GiB file of about 8 million operations gets 800 million.
    public static let stepsPerOperation = 100
    /// Estimated bytes the search caches may hold at once unless raised: 256 MiB.
    public static let defaultMaxMemoryBytes = 256 << 20
    /// The largest memory budget accepted, 1 TiB in MiB: beyond any machine this runs on.
    public static let maxMemoryMBAccepted = 1 << 20

    /// Total search steps; `nil` means `baseSteps` plus `stepsPerOperation` per operation.
    public var maxSteps: Int?
    /// Estimated bytes of search cache held at once.
    public var maxMemoryBytes: Int

    public init(maxSteps: Int? = nil, maxMemoryBytes: Int = Self.defaultMaxMemoryBytes) {
        precondition((maxSteps ?? 1) > 0 && maxMemoryBytes > 0, "limits must be positive")
        self.maxSteps = maxSteps
        self.maxMemoryBytes = maxMemoryBytes
    }

    /// The budget for a history of `operationCount` operations.
    public func budget(operationCount: Int) -> LinearizabilityBudget {
        let steps = maxSteps ?? Self.baseSteps + Self.stepsPerOperation * operationCount
        return LinearizabilityBudget(maxSteps: steps, maxMemoryBytes: maxMemoryBytes)
    }
}
