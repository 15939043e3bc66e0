import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// Joint meetings: the office calls them and sees every one; a unit sees the meetings it is
/// called to (others are "not found", design.md §5), says who comes and signs in.
enum MeetingsController {
    struct CallForm: Content {
        var title, session, date, time, place, notice: String?
        var units: [Int]?
        var group: [String]?
    }

    /// One form for every action on a meeting page; field names differ per action so errors
    /// can stand next to the right field.
    struct ActionForm: Content {
        var action, unit, name, post, number, minutes, decision, deliverables, lead, due: String?
        var participants: [Int]?
    }

    /// The units that can be called to a meeting (and are listed in the liaison directory).
    static func units(_ request: Request) async throws -> [Organisation] {
        try await Organisation.query(on: request.db).filter(\.$kind ~~ JointMeetingRules.unitKinds)
            .filter(\.$closedAt == nil).sort(\.$path).all()
    }

    private static func unitOptions(_ request: Request, office: Bool) async throws -> [(String, String)] {
        guard office else { return [] }
        return try await units(request).map { (String($0.id ?? 0), $0.name(request.language)) }
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await listPage(request, form: CallForm(), errors: [:])
    }

    @Sendable static func call(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(CallForm.self)) ?? CallForm()
        let s = request.strings.meetings, required = request.strings.fieldRequired
        func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var errors: [String: String] = [:]
        if text(form.title).isEmpty { errors["title"] = required }
        if text(form.place).isEmpty { errors["place"] = required }
        let session = BoundedNumber.integer(text(form.session), in: 1...999)
        if session == nil { errors["session"] = s.sessionInvalid }
        let day = LocalDate.parse(text(form.date))
        if day == nil { errors["date"] = s.dateInvalid }
        let time = MeetingTime.parse(text(form.time))
        if time == nil { errors["time"] = s.timeInvalid }
        if let day, let session, try await JointMeeting.query(on: request.db).filter(\.$year == day.year).filter(\.$session == session).count() > 0 {
            errors["session"] = s.sessionTaken
        }
        let resolved = try await Recipients.resolve(units: form.units, groups: form.group,
                                                    allowed: JointMeetingRules.unitKinds, on: request.db)
        let chosen = try (resolved ?? []).map { try $0.requireID() }
        if resolved == nil { errors["units"] = request.strings.recipients.unknownGroup }
        else if chosen.isEmpty { errors["units"] = s.unitsRequired }
        guard errors.isEmpty, let day, let session, let time else {
            return try await listPage(request, form: form, errors: errors, status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        let meeting = JointMeeting()
        (meeting.year, meeting.session, meeting.title, meeting.date, meeting.time) = (day.year, session, String(text(form.title).prefix(200)), day.iso, time)
        (meeting.place, meeting.notice, meeting.calledBy) = (String(text(form.place).prefix(200)), String(text(form.notice).prefix(20_000)), actor.name)
        try await request.db.transaction { db in
            try await meeting.create(on: db)
            for organisationID in chosen {
                let row = MeetingAttendance()
                (row.meetingID, row.organisationID) = (try meeting.requireID(), organisationID)
                try await row.create(on: db)
            }
            try await Audit.record(.create, entity: "meeting", id: meeting.id.map(String.init),
                                   summary: "\(day.year) session \(session) on \(day.iso), \(chosen.count) units", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.meeting(try meeting.requireID()).path)
    }

    /// A meeting the account may see: the office sees all, a unit those it is called to.
    static func visibleMeeting(_ request: Request) async throws -> JointMeeting {
        let user = try request.requireUser()
        guard let meeting = try await JointMeeting.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        if user.roles.allows(.governCity) { return meeting }
        guard try await MeetingAttendance.query(on: request.db).filter(\.$meetingID == meeting.requireID())
            .filter(\.$organisationID == (user.organisationID ?? -1)).count() > 0 else { throw AppError(.notFound) }
        return meeting
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await detailPage(request, meeting: try await visibleMeeting(request), form: ActionForm(), errors: [:])
    }

    private static func listPage(_ request: Request, form: CallForm, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let office = user.roles.allows(.governCity)
        var query = JointMeeting.query(on: request.db)
        if !office {
            let mine = try await MeetingAttendance.query(on: request.db).filter(\.$organisationID == (user.organisationID ?? -1)).all()
            query = query.filter(\.$id ~~ mine.map(\.meetingID))
        }
        let meetings = try await query.sort(\.$date, .descending).sort(\.$id, .descending).all()
        let rows = try await MeetingAttendance.query(on: request.db).filter(\.$meetingID ~~ meetings.compactMap(\.id)).all()
        let today = request.today, s = request.strings.meetings
        let model = MeetingPages.ListModel(
            office: office,
            meetings: meetings.map { meeting in
                let mine = rows.filter { $0.meetingID == meeting.id }
                let own = mine.first { $0.organisationID == user.organisationID }
                let state = (own?.state(meetingDay: meeting.day ?? today, today: today)).flatMap { s.stateNames[$0] }
                return MeetingPages.ListItem(
                    id: meeting.id ?? 0, title: heading(meeting, s), when: "\(meeting.date) \(meeting.time)",
                    place: meeting.place, summary: s.summary(mine.count, mine.filter { $0.confirmedAt != nil }.count, mine.filter { $0.signedInAt != nil }.count),
                    ownState: office ? nil : state)
            },
            units: try await unitOptions(request, office: office),
            form: form, errors: errors)
        return MeetingPages.List(model: model, context: PageContext(request)).response(status: status)
    }

    static func heading(_ meeting: JointMeeting, _ s: MeetingStrings) -> String {
        JointMeetingRules.heading(title: meeting.title, session: meeting.session,
                                  label: s.sessionLabel(meeting.session))
    }

    static func detailPage(_ request: Request, meeting: JointMeeting, form: ActionForm, errors: [String: String],
                           status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let office = user.roles.allows(.governCity)
        let meetingID = try meeting.requireID()
        let tz = request.application.learnCity.config.timeZone
        let today = request.today, day = meeting.day ?? today
        let rows = try await MeetingAttendance.query(on: request.db).filter(\.$meetingID == meetingID).all()
        let decisions = try await MeetingDecision.query(on: request.db).filter(\.$meetingID == meetingID).sort(\.$id).all()
        let items = try await PlanItem.query(on: request.db).filter(\.$id ~~ decisions.map(\.planItemID)).all()
        let leads = try await PlanItemUnit.query(on: request.db).filter(\.$itemID ~~ items.compactMap(\.id)).filter(\.$isLead == true).all()
        let names = try await WorkPlanController.organisationNames(rows.map(\.organisationID) + leads.map(\.organisationID), request)
        let own = rows.first { $0.organisationID == user.organisationID }
        let people = try await PersonNames.load([meeting.calledBy], on: request.db)
        let model = MeetingPages.DetailModel(
            id: meetingID, title: heading(meeting, request.strings.meetings),
            when: "\(meeting.date) \(meeting.time)", place: meeting.place, notice: meeting.notice, calledBy: people(meeting.calledBy),
            attendance: names.ordered(rows) { $0.organisationID }.map { row in
                MeetingPages.AttendanceRow(organisationID: row.organisationID, unit: names[row.organisationID] ?? "—",
                                           attendee: row.attendeeName.map { [$0, row.attendeePost ?? ""].filter { !$0.isEmpty }.joined(separator: "，") },
                                           signedIn: row.signedInAt.map { DateText.minute($0, tz) }, state: row.state(meetingDay: day, today: today))
            },
            minutesNumber: meeting.minutesNumber, minutes: meeting.minutes,
            decisions: decisions.map { decision in
                let item = items.first { $0.id == decision.planItemID }
                return (decision.text, decision.planItemID, item?.dueOn ?? "", leads.first { $0.itemID == decision.planItemID }.flatMap { names[$0.organisationID] } ?? "—",
                        item?.state(today: today) ?? .onTrack)
            },
            office: office,
            canConfirm: !office && own != nil && JointMeetingRules.mayConfirm(meetingDay: day, today: today),
            // The office signs units in row by row (the page checks each row); a unit signs itself in once.
            canSignIn: (office || own?.signedInAt == nil)
                && JointMeetingRules.maySignIn(office: office, meetingDay: day, today: today),
            canRecord: office && JointMeetingRules.mayRecordOutcome(meetingDay: day, today: today),
            units: try await unitOptions(request, office: office),
            attachments: try await Attachments.list(.meeting, meetingID, on: request.db),
            form: form, errors: errors)
        return MeetingPages.Detail(model: model, context: PageContext(request)).response(status: status)
    }
}
