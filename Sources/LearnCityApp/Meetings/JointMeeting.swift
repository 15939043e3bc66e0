import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// A joint meeting (联席会议) the office calls: its session of the year (第N次), when and where,
/// the notice, and afterwards its numbered minutes (会议纪要).
final class JointMeeting: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "session") var session: Int
    @Field(key: "title") var title: String
    /// `yyyy-MM-dd` and `HH:mm`, local time.
    @Field(key: "date") var date: String
    @Field(key: "time") var time: String
    @Field(key: "place") var place: String
    @Field(key: "notice") var notice: String
    @Field(key: "called_by") var calledBy: String
    /// Stored in one form (`MinutesNumber.description`), unique.
    @OptionalField(key: "minutes_number") var minutesNumber: String?
    @OptionalField(key: "minutes") var minutes: String?
    @OptionalField(key: "minutes_by") var minutesBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var day: LocalDate? { LocalDate.parse(date) }
}

/// A unit called to a meeting: who it sends (报名) and whether they signed in (签到).
final class MeetingAttendance: Model, @unchecked Sendable {
    static let schema = "meeting_attendance"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "meeting_id") var meetingID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @OptionalField(key: "attendee_name") var attendeeName: String?
    @OptionalField(key: "attendee_post") var attendeePost: String?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "confirmed_by") var confirmedBy: String?
    @OptionalField(key: "signed_in_at") var signedInAt: Date?
    @OptionalField(key: "signed_in_by") var signedInBy: String?

    init() {}

    func state(meetingDay: LocalDate, today: LocalDate) -> AttendanceState {
        AttendanceState.of(confirmed: confirmedAt != nil, signedIn: signedInAt != nil, meetingDay: meetingDay, today: today)
    }
}

/// A decision of a meeting; it became the work-plan item `planItemID`, where its progress is followed.
final class MeetingDecision: Model, @unchecked Sendable {
    static let schema = "meeting_decisions"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "meeting_id") var meetingID: Int
    @Field(key: "text") var text: String
    @Field(key: "plan_item_id") var planItemID: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A unit's liaison officer (联络员). The mobile is personal data: stored only encrypted, shown
/// masked, revealed by a POST that is audited. A removed officer's row stays (who was the
/// contact when), without the mobile.
final class LiaisonOfficer: Model, @unchecked Sendable {
    static let schema = "liaison_officers"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "name") var name: String
    @Field(key: "post") var post: String
    @Field(key: "office_phone") var officePhone: String
    @OptionalField(key: "mobile_cipher") var mobileCipher: String?
    @OptionalField(key: "mobile_masked") var mobileMasked: String?
    @Field(key: "updated_by") var updatedBy: String
    @OptionalField(key: "removed_at") var removedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

enum MeetingDecisions {
    /// Adds a meeting's decision to a work plan: an item in the section named after the
    /// meeting, after the plan's last item, with its lead and participating units. Call it
    /// inside the caller's transaction.
    @discardableResult
    static func create(_ text: String, deliverables: String, due: LocalDate, lead: Int, participants: [Int],
                       meeting: JointMeeting, planID: Int, on db: any Database) async throws -> PlanItem {
        let item = PlanItem()
        let position = (try await PlanItem.query(on: db).filter(\.$planID == planID).max(\.$position) ?? 0) + 1
        (item.planID, item.section, item.position) = (planID, JointMeetingRules.planSection(session: meeting.session), position)
        (item.title, item.deliverables, item.dueOn) = (String(text.prefix(2000)), String(deliverables.prefix(2000)), due.iso)
        try await item.create(on: db)
        for (organisationID, isLead) in [(lead, true)] + Set(participants).subtracting([lead]).sorted().map({ ($0, false) }) {
            let unit = PlanItemUnit()
            (unit.itemID, unit.organisationID, unit.isLead) = (try item.requireID(), organisationID, isLead)
            try await unit.create(on: db)
        }
        let decision = MeetingDecision()
        (decision.meetingID, decision.text, decision.planItemID) = (try meeting.requireID(), item.title, try item.requireID())
        try await decision.create(on: db)
        return item
    }
}

struct CreateMeetingsAndLiaisons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JointMeeting.schema)
            .field("id", .int, .identifier(auto: true))
            .field("year", .int, .required).field("session", .int, .required)
            .field("title", .string, .required).field("date", .string, .required).field("time", .string, .required)
            .field("place", .string, .required).field("notice", .string, .required).field("called_by", .string, .required)
            .field("minutes_number", .string).field("minutes", .string).field("minutes_by", .string)
            .field("created_at", .datetime)
            .unique(on: "year", "session")
            .unique(on: "minutes_number")
            .create()
        try await database.schema(MeetingAttendance.schema)
            .field("id", .int, .identifier(auto: true))
            .field("meeting_id", .int, .required, .references(JointMeeting.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("attendee_name", .string).field("attendee_post", .string)
            .field("confirmed_at", .datetime).field("confirmed_by", .string)
            .field("signed_in_at", .datetime).field("signed_in_by", .string)
            .unique(on: "meeting_id", "organisation_id")
            .create()
        try await database.schema(MeetingDecision.schema)
            .field("id", .int, .identifier(auto: true))
            .field("meeting_id", .int, .required, .references(JointMeeting.schema, "id"))
            .field("text", .string, .required)
            .field("plan_item_id", .int, .required, .references(PlanItem.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema(LiaisonOfficer.schema)
            .field("id", .int, .identifier(auto: true))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("name", .string, .required).field("post", .string, .required).field("office_phone", .string, .required)
            .field("mobile_cipher", .string).field("mobile_masked", .string)
            .field("updated_by", .string, .required).field("removed_at", .datetime).field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        // A unit's accounts ask "which meetings am I called to" on every visit to /meetings.
        try await sql.create(index: "meeting_attendance_org").on(MeetingAttendance.schema).column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [LiaisonOfficer.schema, MeetingDecision.schema, MeetingAttendance.schema, JointMeeting.schema] {
            try await database.schema(schema).delete()
        }
    }
}
