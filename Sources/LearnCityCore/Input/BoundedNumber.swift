/// Numbers typed into a form or a URL, parsed into a range the code can do arithmetic on.
///
/// Every number a request carries goes through here: a page number of 9223372036854775807 or a
/// year of -1 must not reach `(page - 1) * size` or a calendar, where Swift traps and the whole
/// server stops. Out of range, malformed, `inf` and `nan` all read as nil (the caller says what
/// it expected, or takes its default).
public enum BoundedNumber {
    /// The largest magnitude any count or amount in LearnCity needs (1e12: fen of a city's
    /// budget fit, and `n * 1_000_000` still cannot overflow).
    public static let limit = 1_000_000_000_000

    /// An integer in `range`. Full-width digits and surrounding spaces are accepted.
    public static func integer(_ text: String?, in range: ClosedRange<Int>) -> Int? {
        guard let text else { return nil }
        let clean = CellText.normalise(text)
        // More than 19 characters cannot be an Int; refuse before parsing arbitrary lengths.
        guard !clean.isEmpty, clean.utf8.count <= 20, let value = Int(clean), range.contains(value) else { return nil }
        return value
    }

    /// A finite decimal in `range` (hours, credits, amounts in yuan).
    public static func decimal(_ text: String?, in range: ClosedRange<Double>) -> Double? {
        guard let text else { return nil }
        let clean = CellText.normalise(text)
        guard !clean.isEmpty, clean.utf8.count <= 40,
              clean.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(clean), value.isFinite, range.contains(value) else { return nil }
        return value
    }

    /// Page numbers: 1 … 100,000 (deeper pages are reached by narrowing the search).
    public static let pages = 1...100_000
    /// Calendar years LearnCity keeps figures for.
    public static let years = 1949...2200
    /// Database ids.
    public static let ids = 1...Int(Int32.max)
    /// Counts (people, places, headcounts, days).
    public static let counts = 0...limit
}
