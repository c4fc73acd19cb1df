/// Makes untrusted text safe to print to a terminal: control characters become visible escapes.
///
/// Drill lines, `:` commands and history files come from users and may hold ESC, BEL or other controls
/// that a terminal would obey (retitle the window, clear the screen). Every message, caption and
/// diagnostic that echoes such text passes it through `escaped` first, so the reader sees `\x1b`
/// instead of the terminal acting on it.
public enum VisibleText {
    /// `text` with C0 controls (tab included), DEL, C1 controls and the bidirectional overrides written
    /// as `\xHH` (or `\u{HHHH}` above U+00FF); every other character is kept as it is.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            let escape = scalar.value <= 0xFF
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u{" + hex + "}"
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// Whether `scalar` is a character a terminal may act on rather than show.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Bidirectional embeddings, overrides and isolates can reorder what follows on screen.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` cut to at most `limit` characters (with `…` and the original length when cut), then escaped:
    /// for echoing a user's word inside a message without echoing megabytes of it.
    public static func excerpt(_ text: String, limit: Int = 40) -> String {
        guard text.count > limit else { return escaped(text) }
        return escaped(String(text.prefix(limit))) + "… (\(text.count) characters)"
    }
}
