/// Splits one line into tokens: whitespace separates words, `"..."` is one word, `|` stands alone, `#` ends the line.
enum Lexer {
    /// The tokens of `line`; inside quotes `\"` is a quote and `\\` a backslash.
    static func tokens(of line: String) throws(CommandError) -> [Token] {
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
