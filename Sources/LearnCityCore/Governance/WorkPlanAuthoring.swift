import Foundation

/// The office writing its work plan: a plan's heading, an item as typed into the form, last
/// year's plan copied as a start, and an item moved up or down its list.
public enum WorkPlanAuthoring {
    public enum Problem: Error, Equatable, Sendable {
        case required, yearInvalid, dateInvalid, leadRequired
    }

    /// A plan's heading; the problems by field (`year`, `title`, `document`). `year` is nil when
    /// what was typed is not a year (`BoundedNumber.years`).
    public static func heading(year: Int?, title: String, document: String) -> [String: Problem] {
        var problems: [String: Problem] = [:]
        if year == nil { problems["year"] = .yearInvalid }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems["title"] = .required }
        if document.trimmingCharacters(in: .whitespaces).isEmpty { problems["document"] = .required }
        return problems
    }

    /// An item as the form has it; the problems by field (`section`, `title`, `due`, `lead`).
    public struct Item: Equatable, Sendable {
        public var section, title, deliverables, due: String
        public var lead: Int?
        public var participants: [Int]

        public init(section: String, title: String, deliverables: String, due: String, lead: Int?, participants: [Int])
        {
            (self.section, self.title, self.deliverables, self.due) = (section, title, deliverables, due)
            (self.lead, self.participants) = (lead, participants)
        }

        public var problems: [String: Problem] {
            var found: [String: Problem] = [:]
            if section.trimmingCharacters(in: .whitespaces).isEmpty { found["section"] = .required }
            if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found["title"] = .required }
            if LocalDate.parse(due.trimmingCharacters(in: .whitespaces)) == nil { found["due"] = .dateInvalid }
            if lead == nil { found["lead"] = .leadRequired }
            return found
        }

        /// The participants without the lead (a unit is one or the other) nor repeats, in order.
        public var otherUnits: [Int] {
            var seen: Set<Int> = lead.map { [$0] } ?? []
            return participants.filter { seen.insert($0).inserted }
        }
    }

    /// A due date in next year's copy of the plan: the same day a year on (29 February becomes
    /// the 28th when the next year has none).
    public static func nextYear(_ date: LocalDate) -> LocalDate {
        let year = date.year + 1
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let day = date.month == 2 && date.day == 29 && !leap ? 28 : date.day
        return LocalDate(year: year, month: date.month, day: day)
    }

    /// The order after moving `id` one place up (`up`) or down among `ids`; unchanged at an end.
    public static func moved(_ id: Int, up: Bool, in ids: [Int]) -> [Int] {
        guard let index = ids.firstIndex(of: id) else { return ids }
        let other = up ? index - 1 : index + 1
        guard ids.indices.contains(other) else { return ids }
        var order = ids
        order.swapAt(index, other)
        return order
    }
}
