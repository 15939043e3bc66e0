import Fluent
import Foundation
import LearnCityCore

/// Loads joint meetings and liaison officers given as data (the demo's first meeting of 2014),
/// once: a meeting of the same year and session, an officer of the same unit and name, is not
/// loaded again. Run it after the work plan: decisions become items of the plan of their year.
enum MeetingsDemo {
    static let demoFile = "demo/dazhou-2014-meetings.json"

    static func loadDemo(on database: any Database, vault: PersonalDataVault) async throws {
        let data = try JSONDecoder().decode(JointMeetingData.self, from: try BundledResource.data(demoFile))
        try await load(data, vault: vault, on: database)
    }

    static func load(_ data: JointMeetingData, vault: PersonalDataVault, on database: any Database) async throws {
        let organisations = Dictionary(try await Organisation.query(on: database).all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let problems = data.problems(knownUnits: Set(organisations.keys))
        guard problems.isEmpty else { throw StartupError("联席会议数据有误 / meetings data is invalid: " + problems.joined(separator: "; ")) }
        @Sendable func id(_ code: String) throws -> Int { try organisations[code]!.requireID() }
        try await database.transaction { db in
            for entry in data.meetings {
                let day = LocalDate.parse(entry.date)!
                guard try await JointMeeting.query(on: db).filter(\.$year == day.year).filter(\.$session == entry.session).count() == 0 else { continue }
                let meeting = JointMeeting()
                (meeting.year, meeting.session, meeting.title, meeting.date, meeting.time) = (day.year, entry.session, entry.title, day.iso, MeetingTime.parse(entry.time)!)
                (meeting.place, meeting.notice, meeting.calledBy) = (entry.place, entry.notice, "demo")
                (meeting.minutesNumber, meeting.minutes) = (entry.minutesNumber.flatMap(MinutesNumber.init)?.description, entry.minutes)
                meeting.minutesBy = entry.minutes == nil ? nil : "demo"
                try await meeting.create(on: db)
                for attendee in entry.attendees {
                    let row = MeetingAttendance()
                    (row.meetingID, row.organisationID) = (try meeting.requireID(), try id(attendee.unit))
                    if let name = attendee.name {
                        (row.attendeeName, row.attendeePost, row.confirmedBy) = (name, attendee.post, "demo")
                        row.confirmedAt = entry.confirmedAt.flatMap(JointMeetingData.instant)
                    }
                    if attendee.attended == true {
                        (row.signedInAt, row.signedInBy) = (entry.signedInAt.flatMap(JointMeetingData.instant), "demo")
                    }
                    try await row.create(on: db)
                }
                guard !entry.decisions.isEmpty else { continue }
                guard let plan = try await WorkPlan.query(on: db).filter(\.$year == day.year).first() else {
                    throw StartupError("联席会议的议定事项没有对应年度的工作要点 / no work plan of \(day.year) for the meeting's decisions")
                }
                for decision in entry.decisions {
                    try await MeetingDecisions.create(decision.text, deliverables: decision.deliverables ?? "", due: LocalDate.parse(decision.due)!,
                                                      lead: try id(decision.lead), participants: try decision.participants.map(id),
                                                      meeting: meeting, planID: try plan.requireID(), on: db)
                }
            }
            for entry in data.liaisons {
                let unit = try id(entry.unit)
                guard try await LiaisonOfficer.query(on: db).filter(\.$organisationID == unit).filter(\.$name == entry.name).count() == 0 else { continue }
                let officer = LiaisonOfficer()
                (officer.organisationID, officer.name, officer.post, officer.updatedBy) = (unit, entry.name, entry.post, "demo")
                officer.officePhone = entry.officePhone.flatMap(OfficePhone.normalise) ?? ""
                if let mobile = entry.mobile.flatMap(MobileNumber.init) {
                    (officer.mobileCipher, officer.mobileMasked) = (try vault.seal(mobile.value), mobile.masked)
                }
                try await officer.create(on: db)
            }
        }
    }
}
