import Foundation

/// Joint meetings and liaison officers as data (the demo's 2014 meeting ships in this shape):
/// units by organisation code, dates as `yyyy-MM-dd`.
public struct JointMeetingData: Codable, Sendable {
    public struct Attendee: Codable, Sendable {
        public var unit: String
        public var name: String?
        public var post: String?
        /// Signed in at the meeting; a unit that confirmed and did not sign in was absent.
        public var attended: Bool?
    }

    public struct Decision: Codable, Sendable {
        public var text: String
        public var deliverables: String?
        public var due: String
        public var lead: String
        public var participants: [String]
    }

    public struct Meeting: Codable, Sendable {
        public var session: Int
        public var title: String
        public var date: String
        public var time: String
        public var place: String
        public var notice: String
        public var attendees: [Attendee]
        /// When units confirmed and signed in (ISO 8601 with offset): the same for all, it is demo data.
        public var confirmedAt: String?
        public var signedInAt: String?
        public var minutesNumber: String?
        public var minutes: String?
        public var decisions: [Decision]
    }

    public struct Liaison: Codable, Sendable {
        public var unit: String
        public var name: String
        public var post: String
        public var officePhone: String?
        public var mobile: String?
    }

    public var meetings: [Meeting]
    public var liaisons: [Liaison]

    /// Problems that make the data unusable: bad dates, times and numbers, unknown units.
    public func problems(knownUnits: Set<String>) -> [String] {
        var found: [String] = []
        func unit(_ code: String, _ context: String) { if !knownUnits.contains(code) { found.append("\(context): unknown unit \(code)") } }
        for meeting in meetings {
            let label = "meeting \(meeting.session)"
            if LocalDate.parse(meeting.date) == nil { found.append("\(label): date is not a date") }
            if MeetingTime.parse(meeting.time) == nil { found.append("\(label): time is not a time") }
            for instant in [meeting.confirmedAt, meeting.signedInAt].compactMap({ $0 }) where Self.instant(instant) == nil {
                found.append("\(label): \(instant) is not an ISO 8601 time")
            }
            if let number = meeting.minutesNumber, MinutesNumber(number) == nil { found.append("\(label): bad minutes number \(number)") }
            for attendee in meeting.attendees { unit(attendee.unit, label) }
            for decision in meeting.decisions {
                if LocalDate.parse(decision.due) == nil { found.append("\(label): decision due is not a date") }
                unit(decision.lead, label)
                for code in decision.participants { unit(code, label) }
            }
        }
        for liaison in liaisons {
            unit(liaison.unit, "liaison \(liaison.name)")
            if let mobile = liaison.mobile, MobileNumber(mobile) == nil { found.append("liaison \(liaison.name): bad mobile") }
            if let phone = liaison.officePhone, OfficePhone.normalise(phone) == nil { found.append("liaison \(liaison.name): bad office phone") }
        }
        return found
    }

    /// `2014-08-20T08:50:00+08:00`.
    public static func instant(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }
}
