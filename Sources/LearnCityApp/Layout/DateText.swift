import Foundation

/// Dates and times as pages show them, in the city's time zone (`PageContext.timeZone`).
enum DateText {
    static func day(_ date: Date, _ zone: TimeZone) -> String { format(date, "yyyy-MM-dd", zone) }
    static func minute(_ date: Date, _ zone: TimeZone) -> String { format(date, "yyyy-MM-dd HH:mm", zone) }

    private static func format(_ date: Date, _ pattern: String, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
