import Foundation

/// Text as people type it, with one kind of line break.
///
/// Browsers send a textarea's line breaks as CRLF (HTML's form encoding) and pasted text may
/// carry lone CRs, while Swift reads "\r\n" as one `Character`, so splitting on "\n" never
/// finds it: a two-line entry reads as one line. Form bodies are normalised once, where they
/// are decoded (`LineEndingFormDecoder`), and line-based parsers split with `lines`, which
/// normalises too, so text from JSON or a file reaches them the same way.
public enum TextInput {
    /// CRLF and lone CR → LF.
    public static func normalise(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\r" { out.append("\n") } else if scalar != "\n" || !afterCR { out.append(scalar) }
        }
        return String(out)
    }

    /// The lines of a multi-line entry, blank ones kept (so line numbers match the text box).
    public static func lines(_ text: String) -> [Substring] {
        normalise(text).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The same for an `application/x-www-form-urlencoded` body, before it is decoded: a CR is
    /// `%0D` there (every `%` starts an escape, so the match is never part of another one).
    public static func normaliseURLEncoded(_ body: String) -> String {
        guard body.contains("%0D") || body.contains("%0d") || body.unicodeScalars.contains("\r") else { return body }
        return normalise(body)
            .replacingOccurrences(of: "%0D%0A", with: "%0A", options: .caseInsensitive)
            .replacingOccurrences(of: "%0D", with: "%0A", options: .caseInsensitive)
    }
}
