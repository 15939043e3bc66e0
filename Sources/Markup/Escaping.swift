/// The one place text becomes HTML.
enum Escaping {
    /// Text between tags: `&`, `<` and `>` (and quotes, so the same text is safe anywhere).
    static func text(_ string: String, into out: inout String) {
        attribute(string, into: &out)
    }

    /// An attribute value inside double quotes: `&`, `"`, `'`, `<`, `>`. Control characters
    /// other than tab and line breaks are dropped: they have no business in a page.
    static func attribute(_ string: String, into out: inout String) {
        out.reserveCapacity(out.utf8.count + string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Element and attribute names come from code, never from users; anything but letters,
    /// digits, `-` and `:` is dropped anyway, so a mistake cannot open a tag.
    static func name(_ string: String) -> String {
        String(string.unicodeScalars.filter {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == ":"
        }.map(Character.init))
    }
}
