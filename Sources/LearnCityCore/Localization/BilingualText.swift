import Foundation

/// Texts written in both languages at once, “中文 / English” (the demo's sources, many rule
/// messages): a page shows only its own language's half, so a Chinese page stays Chinese.
public enum BilingualText {
    /// The half of `text` in `language`: split at the first “ / ” with Chinese before it and none
    /// after it. A text without such a split (a name, a path, one language only) is returned whole.
    public static func part(_ text: String, in language: UILanguage) -> String {
        var searchStart = text.startIndex
        while let separator = text.range(of: " / ", range: searchStart..<text.endIndex) {
            let chinese = text[..<separator.lowerBound], english = text[separator.upperBound...]
            if hasChinese(chinese) && !hasChinese(english) && !english.trimmingCharacters(in: .whitespaces).isEmpty {
                return String(language == .zh ? chinese : english).trimmingCharacters(in: .whitespaces)
            }
            searchStart = separator.upperBound
        }
        return text
    }

    private static func hasChinese(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
