/// What a to-do list says about something with a due date that is not done yet: overdue after the
/// day, due soon within the week before it, otherwise nothing (a reminder months ahead is noise).
public enum DueReminder: Sendable, Equatable {
    case overdue, dueSoon

    public static let window = 7

    public static func of(due: LocalDate, today: LocalDate) -> DueReminder? {
        if today > due { return .overdue }
        return due <= today.adding(days: window) ? .dueSoon : nil
    }
}
