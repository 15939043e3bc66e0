import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// Issue 15 item 12: the shortcuts above the unit checkboxes ("all member units", …) are posted
/// as `group[]` values the server expands, the same way for notices, meetings and report forms.
@Suite("Recipient shortcuts")
struct RecipientGroupsTests {
    /// Closes one member unit (so the expansion is seen to skip it) and returns the open ones'
    /// ids, which is what `kind:member_unit` must address.
    static func openMemberUnits(_ app: Application) async throws -> Set<Int> {
        let members = try await Organisation.query(on: app.db).filter(\.$kind == .memberUnit)
            .filter(\.$closedAt == nil).sort(\.$path).all()
        try #require(members.count > 2)
        let closed = members[members.count - 1]
        closed.closedAt = Date()
        try await closed.save(on: app.db)
        return Set(members.dropLast().compactMap(\.id))
    }

    @Test("A notice sent to 全部成员单位 has one receipt per open member unit and nothing else")
    func noticeToAllMemberUnits() async throws {
        try await withLearnCity { app in
            let expected = try await Self.openMemberUnits(app)
            var (admin, csrf) = try await OfficeYearTests.admin(app)
            let page = try await admin.send(.GET, "/notices").text
            #expect(page.contains("value=\"kind:member_unit\"") && page.contains("全部成员单位"))
            let issued = try await admin.send(.POST, "/notices", form: [
                ("_csrf", csrf), ("number", "达市继教办〔2014〕41号"), ("title", "全体成员单位"),
                ("group[]", "kind:member_unit")])
            #expect(issued.status == .seeOther)
            let notice = try #require(try await Notice.query(on: app.db).filter(\.$number == "达市继教办〔2014〕41号").first())
            let receipts = try await NoticeReceipt.query(on: app.db).filter(\.$noticeID == notice.id!).all()
            #expect(Set(receipts.map(\.organisationID)) == expected && receipts.count == expected.count)
        }
    }

    @Test("A group and single ticks add up: kind:college plus one member unit")
    func groupPlusTicks() async throws {
        try await withLearnCity { app in
            var (admin, csrf) = try await OfficeYearTests.admin(app)
            let edu = try await OfficeYearTests.org("MU-EDU", app)
            let colleges = Set(try await Organisation.query(on: app.db).filter(\.$kind == .college)
                .filter(\.$closedAt == nil).all().compactMap(\.id))
            let issued = try await admin.send(.POST, "/notices", form: [
                ("_csrf", csrf), ("number", "达市继教办〔2014〕42号"), ("title", "学院"),
                ("group[]", "kind:college"), ("units[]", "\(edu.id!)")])
            #expect(issued.status == .seeOther)
            let notice = try #require(try await Notice.query(on: app.db).filter(\.$number == "达市继教办〔2014〕42号").first())
            let receipts = try await NoticeReceipt.query(on: app.db).filter(\.$noticeID == notice.id!).all()
            #expect(Set(receipts.map(\.organisationID)) == colleges.union([edu.id!]))
        }
    }

    @Test("A meeting called with 全部成员单位 calls every open member unit and nothing else")
    func meetingToAllMemberUnits() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let office = world.callers[.cityOffice]!
            let expected = try await Self.openMemberUnits(app)
            let today = LocalDate(Date(), in: app.learnCity.config.timeZone).iso
            let called = try await meetingsRequest(app, office, .POST, "/meetings", [
                ("title", "成员单位会议"), ("session", "7"), ("date", today), ("time", "9:30"), ("place", "三楼"),
                ("group[]", "kind:member_unit")])
            #expect(called.status == .seeOther)
            let meeting = try #require(try await JointMeeting.query(on: app.db).filter(\.$title == "成员单位会议").first())
            let rows = try await MeetingAttendance.query(on: app.db).filter(\.$meetingID == meeting.id!).all()
            #expect(Set(rows.map(\.organisationID)) == expected && rows.count == expected.count)
        }
    }

    @Test("A report form assigned with 全部成员单位 goes to every open member unit and nothing else")
    func reportFormToAllMemberUnits() async throws {
        try await withLearnCity { app in
            let expected = try await Self.openMemberUnits(app)
            var (admin, csrf) = try await OfficeYearTests.admin(app)
            let made = try await admin.send(.POST, "/reports/forms", form: [
                ("_csrf", csrf), ("title", "成员单位报表"), ("kind", "year"), ("first", "2014"), ("last", "2014"),
                ("days", "31"), ("fields", "开展活动场次 | 数字"), ("group[]", "kind:member_unit")])
            #expect(made.status == .seeOther)
            let form = try #require(try await ReportForm.query(on: app.db).filter(\.$title == "成员单位报表").first())
            let assigned = try await ReportFormUnit.query(on: app.db).filter(\.$formID == form.id!).all()
            #expect(Set(assigned.map(\.organisationID)) == expected && assigned.count == expected.count)
            // The shortcuts speak the page's language, and a form offers only kinds it may address.
            let english = try await admin.send(.GET, "/reports?lang=en").text
            #expect(english.contains("All member units") && english.contains("All colleges"))
            #expect(!english.contains("All centres") && !english.contains("全部成员单位"))
        }
    }

    @Test("A forged group (kind:nonsense, saved:999999, a kind the form does not offer) is a 422 next to the units")
    func forgedGroups() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var (admin, csrf) = try await OfficeYearTests.admin(app)
            let edu = try await OfficeYearTests.org("MU-EDU", app)
            let message = Strings.zh.recipients.unknownGroup
            let notices = try await Notice.query(on: app.db).count()
            let forms = try await ReportForm.query(on: app.db).count()
            let meetings = try await JointMeeting.query(on: app.db).count()
            for forged in ["kind:nonsense", "saved:999999", "kind:centre"] {
                let notice = try await admin.send(.POST, "/notices", form: [
                    ("_csrf", csrf), ("number", "达市继教办〔2014〕43号"), ("title", "伪造"),
                    ("units[]", "\(edu.id!)"), ("group[]", forged)])
                #expect(notice.status == .unprocessableEntity && notice.text.contains(message))
                #expect(notice.text.contains("units-error"))
                let form = try await admin.send(.POST, "/reports/forms", form: [
                    ("_csrf", csrf), ("title", "伪造报表"), ("kind", "year"), ("first", "2014"), ("last", "2014"),
                    ("days", "31"), ("fields", "场次 | 数字"), ("units[]", "\(edu.id!)"), ("group[]", forged)])
                #expect(form.status == .unprocessableEntity && form.text.contains(message))
                let today = LocalDate(Date(), in: app.learnCity.config.timeZone).iso
                let meeting = try await meetingsRequest(app, world.callers[.cityOffice]!, .POST, "/meetings", [
                    ("title", "伪造会议"), ("session", "8"), ("date", today), ("time", "9:30"), ("place", "三楼"),
                    ("units[]", "\(edu.id!)"), ("group[]", forged)])
                #expect(meeting.status == .unprocessableEntity && meeting.text.contains(message))
            }
            #expect(try await Notice.query(on: app.db).count() == notices)
            #expect(try await ReportForm.query(on: app.db).count() == forms)
            #expect(try await JointMeeting.query(on: app.db).count() == meetings)
        }
    }
}
