import Foundation

/// The two languages of the UI. Chinese comes first: the users are Chinese civil servants
/// and citizens; English is for visitors and reviewers.
public enum UILanguage: String, CaseIterable, Sendable, Codable {
    case zh = "zh-Hans"
    case en = "en"

    /// Reads a `?lang=` value or cookie: `zh`, `zh-CN`, `zh-Hans`, `en`, `en-US` …
    public init?(tag: String) {
        let lower = tag.trimmingCharacters(in: .whitespaces).lowercased()
        if lower == "zh" || lower.hasPrefix("zh-") { self = .zh }
        else if lower == "en" || lower.hasPrefix("en-") { self = .en }
        else { return nil }
    }

    /// Picks from an `Accept-Language` header by quality (RFC 9110 §12.5.4); nil when the
    /// header names neither language, so the caller falls back to Chinese.
    public static func negotiate(acceptLanguage header: String) -> UILanguage? {
        var best: (language: UILanguage, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let language = UILanguage(tag: tag) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language
    }

    /// The short code used in URLs and cookies.
    public var code: String { self == .zh ? "zh" : "en" }
}

