/// A work plan as data (the demo's 2014 plan ships in this shape): items in numbered sections
/// (三(一) … 四(六)), each with lead and participating units by organisation code, what it
/// delivers and when it is due.
public struct WorkPlanData: Codable, Sendable {
    public struct Item: Codable, Sendable {
        public var section: String
        public var title: String
        public var deliverables: String
        public var due: String
        public var lead: [String]
        public var participants: [String]
    }

    public var year: Int
    public var title: String
    public var document: String
    public var issuedOn: String
    public var items: [Item]

    /// Problems that make the plan unusable: dates that are not dates, items without a lead.
    public func problems(knownUnits: Set<String>) -> [String] {
        var found: [String] = []
        if LocalDate.parse(issuedOn) == nil { found.append("issuedOn is not a date") }
        for item in items {
            if LocalDate.parse(item.due) == nil { found.append("\(item.section): due is not a date") }
            if item.lead.isEmpty { found.append("\(item.section): no lead unit") }
            for code in item.lead + item.participants where !knownUnits.contains(code) { found.append("\(item.section): unknown unit \(code)") }
        }
        return found
    }
}

/// Where a plan item stands on a day: done, late (due and not done) or on track.
public enum PlanItemState: String, Sendable, Codable, CaseIterable {
    case late, onTrack = "on_track", done

    /// `today` is the day it is judged on: a quarter's report judges at the quarter's end, when
    /// an item finished afterwards was not done yet.
    public static func of(due: LocalDate, doneOn: LocalDate?, today: LocalDate) -> PlanItemState {
        if let doneOn, doneOn <= today { return .done }
        return today > due ? .late : .onTrack
    }
}
