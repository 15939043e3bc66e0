import LearnCityCore
import Testing

@Suite("Due reminders")
struct DueReminderTests {
    @Test("Overdue after the day, due soon within the week before it, nothing earlier")
    func window() {
        let due = LocalDate(year: 2014, month: 9, day: 30)
        #expect(DueReminder.of(due: due, today: LocalDate(year: 2014, month: 10, day: 1)) == .overdue)
        #expect(DueReminder.of(due: due, today: due) == .dueSoon)
        #expect(DueReminder.of(due: due, today: LocalDate(year: 2014, month: 9, day: 23)) == .dueSoon)
        #expect(DueReminder.of(due: due, today: LocalDate(year: 2014, month: 9, day: 22)) == nil)
    }
}
