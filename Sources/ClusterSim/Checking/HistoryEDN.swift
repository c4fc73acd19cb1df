/// The small subset of EDN that history lines use: one flat map of keywords to scalars.
///
/// `{:process 0, :type :invoke, :f :get, :key "4", :value nil}`: keys are keywords, values are
/// keywords, strings, integers, `nil`, or vectors of integers; commas are white space.
enum HistoryEDN {
    /// One value in a history map.
    enum Value: Equatable {
        case keyword(String)
        case string(String)
        case integer(Int)
        case integers([Int])
        case nil_

        /// The value as it is written in a file, made safe to print, for error messages.
        var text: String {
            switch self {
            case .keyword(let k): return HistoryLineProblem.shown(":" + k)
            case .string(let s): return HistoryEDN.shown(s)
            case .integer(let i): return String(i)
            case .integers(let xs): return "[" + xs.map(String.init).joined(separator: " ") + "]"
            case .nil_: return "nil"
            }
        }
    }

    /// Reads one `{...}` map; the fields keep their order. Throws a message naming the problem.
    static func parseMap(_ line: Substring) throws(HistoryLineProblem) -> [(key: String, value: Value)] {
        var reader = Reader(chars: Array(line.unicodeScalars))
        reader.skipSpace()
        guard reader.take("{") else { throw HistoryLineProblem("expected `{` to open a map") }
        var fields: [(key: String, value: Value)] = []
        while true {
            reader.skipSpace()
            if reader.take("}") { break }
            guard reader.peek == ":" else {
                if reader.atEnd { throw HistoryLineProblem("map is not closed with `}`") }
                throw HistoryLineProblem("expected a keyword such as `:type`, found `\(HistoryLineProblem.shown(reader.rest(10)))`")
            }
            let key = try reader.keyword()
            if fields.contains(where: { $0.key == key }) {
                throw HistoryLineProblem("field \(HistoryLineProblem.shown(":" + key)) appears twice")
            }
            reader.skipSpace()
            if reader.atEnd || reader.peek == "}" {
                throw HistoryLineProblem("field \(HistoryLineProblem.shown(":" + key)) has no value")
            }
            fields.append((key, try reader.value()))
        }
        reader.skipSpace()
        if !reader.atEnd { throw HistoryLineProblem("unexpected text after the map: `\(HistoryLineProblem.shown(reader.rest(20)))`") }
        return fields
    }

    /// Characters of a string a message or report shows before cutting it short.
    static let shownCharactersMax = 120

    /// A string from a history as messages and reports show it: quoted, control characters written
    /// as `\x1b` and the like, and cut after `shownCharactersMax` characters.
    static func shown(_ s: String) -> String { VisibleText.excerpt(quote(s), limit: shownCharactersMax) }

    /// A string in EDN syntax: double quotes, with `\"`, `\\`, `\n`, `\t` and `\r` escaped.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// A cursor over one line's characters.
    private struct Reader {
        let chars: [Unicode.Scalar]
        var i = 0

        var atEnd: Bool { i >= chars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : chars[i] }

        func rest(_ limit: Int) -> String {
            var s = ""
            s.unicodeScalars.append(contentsOf: chars[i..<min(chars.count, i + limit)])
            return s
        }

        mutating func skipSpace() {
            while let c = peek, c == " " || c == "," || c == "\t" || c == "\r" { i += 1 }
        }

        mutating func take(_ c: Unicode.Scalar) -> Bool {
            if peek == c { i += 1; return true }
            return false
        }

        mutating func token() -> String {
            var s = ""
            while let c = peek, !(c == " " || c == "," || c == "\t" || c == "}" || c == "]" || c == "\r") {
                s.unicodeScalars.append(c)
                i += 1
            }
            return s
        }

        mutating func keyword() throws(HistoryLineProblem) -> String {
            _ = take(":")
            let name = token()
            if name.isEmpty { throw HistoryLineProblem("a keyword needs a name after `:`") }
            return name
        }

        mutating func value() throws(HistoryLineProblem) -> Value {
            switch peek {
            case ":":
                return .keyword(try keyword())
            case "\"":
                return .string(try string())
            case "[":
                i += 1
                var xs: [Int] = []
                while true {
                    skipSpace()
                    if take("]") { return .integers(xs) }
                    if atEnd { throw HistoryLineProblem("vector is not closed with `]`") }
                    let t = token()
                    guard let x = Int(t) else { throw HistoryLineProblem("vector holds `\(HistoryLineProblem.shown(t))`, not an integer") }
                    xs.append(x)
                }
            default:
                let t = token()
                if t == "nil" { return .nil_ }
                if let x = Int(t) { return .integer(x) }
                throw HistoryLineProblem("cannot read value `\(HistoryLineProblem.shown(t))`")
            }
        }

        mutating func string() throws(HistoryLineProblem) -> String {
            i += 1
            var s = ""
            while let c = peek {
                i += 1
                if c == "\"" { return s }
                if c == "\\" {
                    guard let e = peek else { break }
                    i += 1
                    switch e {
                    case "n": s += "\n"
                    case "t": s += "\t"
                    case "r": s += "\r"
                    case "\"", "\\": s.unicodeScalars.append(e)
                    default: throw HistoryLineProblem("unknown escape `\\\(VisibleText.escaped(String(e)))` in a string")
                    }
                } else {
                    s.unicodeScalars.append(c)
                }
            }
            throw HistoryLineProblem("string is not closed with `\"`")
        }
    }
}
