import Fluent
import Foundation
import LearnCityCore
import Vapor

/// `POST /meetings/:id`: confirm (报名) and sign in (签到) for a unit; minutes and decisions for
/// the office. A unit not called, or a unit doing the office's part, changes nothing (409).
extension MeetingsController {
    @Sendable static func act(_ request: Request) async throws -> Response {
        guard let meeting = try await JointMeeting.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        let user = try request.requireUser()
        let office = user.roles.allows(.governCity), s = request.strings.meetings
        let meetingID = try meeting.requireID()
        let own = try await MeetingAttendance.query(on: request.db).filter(\.$meetingID == meetingID)
            .filter(\.$organisationID == (user.organisationID ?? -1)).first()
        // A meeting a unit is not called to is, for that unit, not there (design.md §5).
        guard office || own != nil else { throw AppError(.notFound) }
        let form = (try? request.content.decode(ActionForm.self)) ?? ActionForm()
        let today = request.today, day = meeting.day ?? today
        switch form.action {
        case "confirm", "sign_in":
            // The office acts for the unit it names; a unit only for itself.
            var target = own
            if !office, let unit = BoundedNumber.integer(trimmed(form.unit), in: BoundedNumber.ids), unit != own?.organisationID { throw AppError(.conflict, detail: s.notAttendee) }
            if office {
                target = try await BoundedNumber.integer(trimmed(form.unit), in: BoundedNumber.ids).asyncMap { unit in
                    try await MeetingAttendance.query(on: request.db).filter(\.$meetingID == meetingID).filter(\.$organisationID == unit).first()
                } ?? nil
            }
            guard let target else { return try await detailPage(request, meeting: meeting, form: form, errors: ["action": s.notAttendee], status: .unprocessableEntity) }
            if form.action == "confirm" {
                return try await confirm(request, meeting: meeting, row: target, form: form, allowed: JointMeetingRules.mayConfirm(meetingDay: day, today: today))
            }
            return try await signIn(request, meeting: meeting, row: target, allowed: JointMeetingRules.maySignIn(office: office, meetingDay: day, today: today))
        case "minutes", "decision":
            guard office else { throw AppError(.conflict, detail: s.officeOnly) }
            guard JointMeetingRules.mayRecordOutcome(meetingDay: day, today: today) else { throw AppError(.conflict, detail: s.notYet) }
            if form.action == "minutes" { return try await minutes(request, meeting: meeting, form: form) }
            return try await decision(request, meeting: meeting, form: form)
        default:
            return try await detailPage(request, meeting: meeting, form: form, errors: ["action": s.unknownAction], status: .unprocessableEntity)
        }
    }

    private static func trimmed(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    private static func confirm(_ request: Request, meeting: JointMeeting, row: MeetingAttendance, form: ActionForm, allowed: Bool) async throws -> Response {
        guard allowed else { throw AppError(.conflict, detail: request.strings.meetings.confirmClosed) }
        let name = trimmed(form.name), post = trimmed(form.post)
        guard !name.isEmpty else {
            return try await detailPage(request, meeting: meeting, form: form, errors: ["name": request.strings.fieldRequired], status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            (row.attendeeName, row.attendeePost) = (String(name.prefix(100)), String(post.prefix(100)))
            (row.confirmedAt, row.confirmedBy) = (Date(), actor.name)
            try await row.update(on: db)
            try await Audit.record(.update, entity: "meeting_attendance", id: row.id.map(String.init),
                                   summary: "meeting \(meeting.id ?? 0): unit \(row.organisationID) confirmed", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.meeting(try meeting.requireID()).path)
    }

    /// Signing in twice keeps the first time.
    private static func signIn(_ request: Request, meeting: JointMeeting, row: MeetingAttendance, allowed: Bool) async throws -> Response {
        guard allowed else { throw AppError(.conflict, detail: request.strings.meetings.signInClosed) }
        if row.signedInAt == nil {
            let actor = Audit.Actor(request)
            try await request.db.transaction { db in
                (row.signedInAt, row.signedInBy) = (Date(), actor.name)
                try await row.update(on: db)
                try await Audit.record(.update, entity: "meeting_attendance", id: row.id.map(String.init),
                                       summary: "meeting \(meeting.id ?? 0): unit \(row.organisationID) signed in", by: actor, on: db)
            }
        }
        return request.redirect(to: SiteURL.meeting(try meeting.requireID()).path)
    }

    /// The minutes' number is stored in one form, so `[2014]1号` and `〔2014〕1号` collide.
    private static func minutes(_ request: Request, meeting: JointMeeting, form: ActionForm) async throws -> Response {
        let s = request.strings.meetings
        var errors: [String: String] = [:]
        let number = MinutesNumber(trimmed(form.number))
        if number == nil { errors["number"] = s.minutesNumberInvalid }
        else if try await JointMeeting.query(on: request.db).filter(\.$minutesNumber == number!.description)
            .filter(\.$id != meeting.requireID()).count() > 0 { errors["number"] = s.minutesNumberTaken }
        let text = trimmed(form.minutes)
        if text.isEmpty { errors["minutes"] = request.strings.fieldRequired }
        guard errors.isEmpty, let number else {
            return try await detailPage(request, meeting: meeting, form: form, errors: errors, status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            (meeting.minutesNumber, meeting.minutes, meeting.minutesBy) = (number.description, String(text.prefix(50_000)), actor.name)
            try await meeting.update(on: db)
            try await Audit.record(.update, entity: "meeting", id: meeting.id.map(String.init), summary: "minutes \(number)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.meeting(try meeting.requireID()).path)
    }

    /// A decision becomes an item of the latest work plan, in the section named after the
    /// meeting, so its progress is followed on /plan like every other item.
    private static func decision(_ request: Request, meeting: JointMeeting, form: ActionForm) async throws -> Response {
        let s = request.strings.meetings
        var errors: [String: String] = [:]
        let text = trimmed(form.decision)
        if text.isEmpty { errors["decision"] = request.strings.fieldRequired }
        let lead = try await BoundedNumber.integer(trimmed(form.lead), in: BoundedNumber.ids).asyncMap { try await Organisation.find($0, on: request.db) } ?? nil
        if lead == nil { errors["lead"] = request.strings.fieldRequired }
        let due = LocalDate.parse(trimmed(form.due))
        if due == nil { errors["due"] = s.dateInvalid }
        guard errors.isEmpty, let lead, let due else {
            return try await detailPage(request, meeting: meeting, form: form, errors: errors, status: .unprocessableEntity)
        }
        guard let plan = try await WorkPlan.query(on: request.db).sort(\.$year, .descending).first() else {
            throw AppError(.conflict, detail: s.noPlan)
        }
        let leadID = try lead.requireID(), planID = try plan.requireID(), meetingID = try meeting.requireID()
        let participants = try await Organisation.query(on: request.db).filter(\.$id ~~ (form.participants ?? [])).all().compactMap(\.id)
        let actor = Audit.Actor(request), deliverables = trimmed(form.deliverables)
        try await request.db.transaction { db in
            let item = try await MeetingDecisions.create(text, deliverables: deliverables, due: due, lead: leadID,
                                                         participants: participants, meeting: meeting, planID: planID, on: db)
            try await Audit.record(.create, entity: "plan_item", id: item.id.map(String.init),
                                   summary: "decision of meeting \(meetingID) (\(item.section)), due \(due.iso)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.meeting(meetingID).path)
    }
}
