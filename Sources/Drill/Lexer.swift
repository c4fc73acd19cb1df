import ClusterSim

/// Splits one line into tokens: whitespace separates words, `"..."` is one word, `|` stands alone, `#` ends the line.
enum Lexer {
    /// The longest line the language reads; a longer one is refused before any other work.
    static let lineCharactersMax = 4_096
    /// The longest unquoted word: every real word (`rate=100000`, `round-robin`, `1.5s`) is far shorter.
    static let wordCharactersMax = 64
    /// The longest quoted string (a caption or a title).
    static let quotedCharactersMax = 1_000

    /// The tokens of `line`; inside quotes `\"` is a quote and `\\` a backslash.
    static func tokens(of line: String) throws(CommandError) -> [Token] {
        let length = line.count
        guard length <= lineCharactersMax else {
            throw CommandError("the line is \(length) characters long; at most \(lineCharactersMax)", column: 1)
        }
        let tokens = try split(line)
        for token in tokens {
            let limit = token.quoted ? quotedCharactersMax : wordCharactersMax
            guard token.text.count <= limit else {
                let what = token.quoted ? "quoted string" : "word"
                throw CommandError("the \(what) \(VisibleText.excerpt(token.text, limit: 20)) is too long (at most \(limit) characters)",
                                   column: token.column)
            }
        }
        return tokens
    }

    private static func split(_ line: String) throws(CommandError) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var start = 0
        var column = 0
        var iterator = line.makeIterator()

        func flush() {
            if !current.isEmpty { tokens.append(Token(text: current, column: start, quoted: false)) }
            current = ""
        }

        while let c = iterator.next() {
            column += 1
            if c == DrillLanguage.commentMarker { break }
            if c == " " || c == "\t" || c == "\r" {
                flush()
            } else if c == "|" {
                flush()
                tokens.append(Token(text: "|", column: column, quoted: false))
            } else if c == "\"" {
                flush()
                let open = column
                var text = ""
                var closed = false
                while let q = iterator.next() {
                    column += 1
                    if q == "\"" { closed = true; break }
                    if q == "\\", let escaped = iterator.next() {
                        column += 1
                        text.append(escaped)
                    } else {
                        text.append(q)
                    }
                }
                guard closed else { throw CommandError("unterminated quote: the string opened here has no closing \"", column: open) }
                tokens.append(Token(text: text, column: open, quoted: true))
            } else {
                if current.isEmpty { start = column }
                current.append(c)
            }
        }
        flush()
        return tokens
    }
}
