/// Reads the arguments after a directive or command word in order, and words the missing- and extra-argument errors.
struct ArgumentCursor {
    /// The directive or command word the arguments belong to.
    let word: Token
    let arguments: [Token]
    /// The column just past the end of the line, where a missing argument would have gone.
    let endColumn: Int
    private(set) var index = 0

    init(tokens: [Token], endColumn: Int) {
        self.word = tokens[0]
        self.arguments = Array(tokens.dropFirst())
        self.endColumn = endColumn
    }

    var peek: Token? { index < arguments.count ? arguments[index] : nil }
    var isAtEnd: Bool { index >= arguments.count }

    mutating func next() -> Token? {
        guard let token = peek else { return nil }
        index += 1
        return token
    }

    /// The next argument, or an error `"<word> needs <what>, e.g. <example>"`.
    mutating func require(_ what: String, example: String) throws(CommandError) -> Token {
        guard let token = next() else {
            throw CommandError("\(word.text) needs \(what), e.g. \(example)", column: endColumn)
        }
        return token
    }

    /// Rejects any argument left over.
    func finish() throws(CommandError) {
        guard let extra = peek else { return }
        throw CommandError("\(word.text): unexpected extra argument \(extra.text)", column: extra.column)
    }
}
