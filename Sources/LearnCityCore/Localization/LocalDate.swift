import Foundation

/// A calendar date in the city's time zone (design.md §3: dates are local dates,
/// `LEARNCITY_TIMEZONE`, Asia/Shanghai by default).
public struct LocalDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The day of the year, 1-based.
    public var ordinal: Int {
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        return cumulative[month - 1] + day + (month > 2 && Self.isLeap(year) ? 1 : 0)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// How much of `year` has gone by on this date, counting this day as gone: 0 before the
    /// year, 1 after it.
    public func fractionOfYearElapsed(for year: Int) -> Double {
        if self.year < year { return 0 }
        if self.year > year { return 1 }
        return Double(ordinal) / Double(Self.isLeap(year) ? 366 : 365)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
