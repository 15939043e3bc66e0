/// A reporting period: a quarter, a half-year or a year, written `2014-Q2`, `2014-H1`, `2014`.
/// Deadlines are local dates (the city's time zone): a report is due by the end of the day
/// `deadlineDays` after the period's last day.
public struct ReportPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable { case quarter, halfYear = "half_year", year }

    public var kind: Kind
    public var year: Int
    /// 1–4 for quarters, 1–2 for half-years, 1 for a year.
    public var index: Int

    public init?(kind: Kind, year: Int, index: Int) {
        let count = switch kind { case .quarter: 4; case .halfYear: 2; case .year: 1 }
        guard (1900...2200).contains(year), (1...count).contains(index) else { return nil }
        (self.kind, self.year, self.index) = (kind, year, index)
    }

    /// Parses `2014-Q2`, `2014-H1` or `2014` (full-width digits and lower case accepted).
    public init?(_ text: String) {
        let t = CellText.normalise(text).uppercased()
        let parts = t.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }) else { return nil }
        if parts.count == 1 { self.init(kind: .year, year: year, index: 1); return }
        guard parts.count == 2, let tag = parts[1].first, let index = Int(parts[1].dropFirst()) else { return nil }
        switch tag {
        case "Q": self.init(kind: .quarter, year: year, index: index)
        case "H": self.init(kind: .halfYear, year: year, index: index)
        default: return nil
        }
    }

    public var description: String {
        switch kind {
        case .quarter: "\(year)-Q\(index)"
        case .halfYear: "\(year)-H\(index)"
        case .year: "\(year)"
        }
    }

    /// 2014年第二季度 / 2014年上半年 / 2014年; in English 2014 Q2 / 2014 H1 / 2014.
    public func label(chinese: Bool) -> String {
        switch (kind, chinese) {
        case (.quarter, true): "\(year)年第\(["一", "二", "三", "四"][index - 1])季度"
        case (.halfYear, true): "\(year)年\(index == 1 ? "上" : "下")半年"
        case (.year, true): "\(year)年"
        case (.quarter, false): "\(year) Q\(index)"
        case (.halfYear, false): "\(year) H\(index)"
        case (.year, false): "\(year)"
        }
    }

    private var months: Int { switch kind { case .quarter: 3; case .halfYear: 6; case .year: 12 } }

    public var start: LocalDate { LocalDate(year: year, month: (index - 1) * months + 1, day: 1) }

    public var end: LocalDate {
        let month = index * months
        let days = [31, LocalDate.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return LocalDate(year: year, month: month, day: days)
    }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    /// The last day to report: `days` after the period's end.
    public func deadline(daysAfterEnd days: Int) -> LocalDate { end.adding(days: days) }

    /// The quarter of the whole year this period stands for in reported figures: 1–4 for a
    /// quarter, 0 for a year, nil for a half-year (which has no such slot).
    public var reportedQuarter: Int? {
        switch kind { case .quarter: index; case .year: 0; case .halfYear: nil }
    }

    public func next() -> ReportPeriod {
        let count = switch kind { case .quarter: 4; case .halfYear: 2; case .year: 1 }
        return index < count ? ReportPeriod(kind: kind, year: year, index: index + 1)! : ReportPeriod(kind: kind, year: year + 1, index: 1)!
    }

    /// The period of this kind that contains `date`.
    public static func containing(_ date: LocalDate, kind: Kind) -> ReportPeriod {
        let index = switch kind { case .quarter: (date.month - 1) / 3 + 1; case .halfYear: (date.month - 1) / 6 + 1; case .year: 1 }
        return ReportPeriod(kind: kind, year: date.year, index: index)!
    }

    /// Every period from `first` through `last` (inclusive), at most `limit` of them.
    public static func range(from first: ReportPeriod, through last: ReportPeriod, limit: Int = 200) -> [ReportPeriod] {
        guard first.kind == last.kind else { return [] }
        var periods: [ReportPeriod] = [], current = first
        while current <= last && periods.count < limit { periods.append(current); current = current.next() }
        return periods
    }

    public static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool { (lhs.year, lhs.index) < (rhs.year, rhs.index) }
}

extension LocalDate {
    /// This date moved by `days` (negative goes back).
    public func adding(days: Int) -> LocalDate {
        var ordinalDay = ordinal + days, y = year
        func length(_ y: Int) -> Int { LocalDate.isLeap(y) ? 366 : 365 }
        while ordinalDay > length(y) { ordinalDay -= length(y); y += 1 }
        while ordinalDay < 1 { y -= 1; ordinalDay += length(y) }
        let lengths = [31, LocalDate.isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 1
        while ordinalDay > lengths[month - 1] { ordinalDay -= lengths[month - 1]; month += 1 }
        return LocalDate(year: y, month: month, day: ordinalDay)
    }
}
