/// One word of a drill or command line: its text, where it starts, and whether it was quoted.
struct Token: Equatable, Sendable {
    var text: String
    /// 1-based column of the token's first character (the opening quote for a quoted string).
    var column: Int
    var quoted: Bool

    /// True for an unquoted `|`, the separator between partition groups.
    var isGroupSeparator: Bool { !quoted && text == DrillLanguage.groupSeparator }
}
