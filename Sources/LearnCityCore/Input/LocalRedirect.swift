/// Where to send a browser after signing in (`?next=`): only a path of this site.
///
/// Browsers forgive a lot in a `Location`: they drop tabs and line breaks (`/\t/evil.example`
/// becomes `//evil.example`, another host), treat `\` as `/`, and a CR/LF would end the header
/// and start a new one. So the rule is strict rather than clever: printable ASCII only (a path
/// with other characters arrives percent-encoded), one leading `/` not followed by `/` or `\`.
public enum LocalRedirect {
    public static func path(_ next: String?) -> String? {
        guard let next, next.utf8.count <= 2048 else { return nil }
        let bytes = Array(next.utf8)
        guard bytes.first == UInt8(ascii: "/"),
              bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }) else { return nil }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return nil }
        return next
    }
}
