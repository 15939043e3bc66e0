import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// A request with a role's bearer token (and a form body), for the governance tests.
func meetingsRequest(_ app: Application, _ token: String, _ method: HTTPMethod, _ path: String,
                     _ form: [(String, String)]? = nil) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders()
    headers.bearerAuthorization = .init(token: token)
    if form != nil { headers.contentType = .urlEncodedForm }
    var captured: TestingHTTPResponse?
    try await app.testing().test(method, path, headers: headers, body: form.map(formBody)) { captured = $0 }
    return try #require(captured)
}

@Suite("Joint meetings")
struct MeetingsTests {
    func org(_ code: String, _ app: Application) async throws -> Int {
        try #require(try await Organisation.query(on: app.db).filter(\.$code == code).first()?.id)
    }

    @Test("The demo's first meeting of 2014: who came, who did not, its minutes and two decisions on the work plan; loaded once")
    func demo() async throws {
        try await withLearnCity { app in
            let meeting = try #require(try await JointMeeting.query(on: app.db).filter(\.$year == 2014).filter(\.$session == 1).first())
            #expect(meeting.minutesNumber == "〔2014〕1号")
            #expect(try await MeetingAttendance.query(on: app.db).filter(\.$meetingID == meeting.id!).count() == 19)
            #expect(try await PlanItem.query(on: app.db).filter(\.$section == "联席会议第1次").count() == 2)
            let liaisons = try await LiaisonOfficer.query(on: app.db).count()
            #expect(liaisons >= 20)
            _ = try await LearnCity.loadDemo(app)
            #expect(try await JointMeeting.query(on: app.db).count() == 1)
            #expect(try await MeetingDecision.query(on: app.db).count() == 2)
            #expect(try await LiaisonOfficer.query(on: app.db).count() == liaisons)
            let world = try await ScopeFixture.build(app)
            let page = try await meetingsRequest(app, world.callers[.cityOffice]!, .GET, "/meetings/\(meeting.id!)")
            #expect(page.status == .ok && page.text.contains("〔2014〕1号") && page.text.contains("王建国"))
            #expect(page.text.contains("缺席单位：") && page.text.contains("达州日报社"))   // confirmed, never signed in
        }
    }

    @Test("The office calls a meeting; a called unit confirms and signs in on the day; a unit not called sees 404 and changes nothing")
    func callConfirmSignIn() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let office = world.callers[.cityOffice]!, edu = world.callers[.memberUnitReporter]!, centre = world.callers[.centreAdmin]!
            let (eduID, finID) = (try await org("MU-EDU", app), try await org("MU-FIN", app))
            let today = LocalDate(Date(), in: app.learnCity.config.timeZone).iso
            let meetingsBefore = try await JointMeeting.query(on: app.db).count()
            let fields = [("title", "继续教育工作联席会议"), ("session", "2"), ("date", today), ("time", "9:30"), ("place", "市政府第三会议室")]
            let noUnits = try await meetingsRequest(app, office, .POST, "/meetings", fields)
            #expect(noUnits.status == .unprocessableEntity && noUnits.text.contains("请至少选择一个单位"))
            let badTime = try await meetingsRequest(app, office, .POST, "/meetings", fields.map { $0.0 == "time" ? ("time", "25:00") : $0 } + [("units[]", "\(eduID)")])
            #expect(badTime.status == .unprocessableEntity && badTime.text.contains("时间无效"))
            #expect(try await JointMeeting.query(on: app.db).count() == meetingsBefore)
            let called = try await meetingsRequest(app, office, .POST, "/meetings", fields + [("units[]", "\(eduID)"), ("units[]", "\(finID)")])
            #expect(called.status == .seeOther)
            let meeting = try #require(try await JointMeeting.query(on: app.db).filter(\.$session == 2).filter(\.$date == today).first())
            #expect(meeting.time == "09:30")
            let again = try await meetingsRequest(app, office, .POST, "/meetings", fields + [("units[]", "\(eduID)")])
            #expect(again.status == .unprocessableEntity && again.text.contains("本年度已有这一次会议"))
            let path = "/meetings/\(meeting.id!)"

            // A called unit: sees it, says who comes (a name is needed), signs in on the day.
            #expect(try await meetingsRequest(app, edu, .GET, "/meetings").text.contains(path))
            let noName = try await meetingsRequest(app, edu, .POST, path, [("action", "confirm"), ("name", " ")])
            #expect(noName.status == .unprocessableEntity)
            #expect(try await meetingsRequest(app, edu, .POST, path, [("action", "confirm"), ("name", "王建国"), ("post", "副局长")]).status == .seeOther)
            #expect(try await meetingsRequest(app, edu, .POST, path, [("action", "sign_in")]).status == .seeOther)
            let row = try #require(try await MeetingAttendance.query(on: app.db).filter(\.$meetingID == meeting.id!).filter(\.$organisationID == eduID).first())
            #expect(row.attendeeName == "王建国" && row.confirmedAt != nil && row.signedInAt != nil)

            // Forged: a unit confirming for another unit, a unit not called at all.
            let forged = try await meetingsRequest(app, edu, .POST, path, [("action", "confirm"), ("unit", "\(finID)"), ("name", "假冒")])
            #expect(forged.status == .conflict)
            #expect(try await meetingsRequest(app, centre, .GET, path).status == .notFound)
            let centreList = try await meetingsRequest(app, centre, .GET, "/meetings")
            #expect(centreList.status == .ok && !centreList.text.contains(path))
            let stranger = try await meetingsRequest(app, centre, .POST, path, [("action", "confirm"), ("name", "不速之客")])
            #expect(stranger.status == .conflict || stranger.status == .notFound)
            let rows = try await MeetingAttendance.query(on: app.db).filter(\.$meetingID == meeting.id!).all()
            #expect(rows.count == 2 && rows.filter { $0.confirmedAt != nil }.count == 1)
            #expect(try await meetingsRequest(app, office, .GET, "/meetings/999999").status == .notFound)

            // The office sees who confirmed and who signed in.
            let page = try await meetingsRequest(app, office, .GET, path)
            #expect(page.text.contains("王建国，副局长") && page.text.contains("已签到") && page.text.contains("未报名"))
        }
    }

    @Test("Minutes numbers are unique however typed; a decision becomes a work-plan item on /plan; units cannot record either")
    func minutesAndDecisions() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let office = world.callers[.cityOffice]!, edu = world.callers[.memberUnitReporter]!
            let (eduID, finID) = (try await org("MU-EDU", app), try await org("MU-FIN", app))
            let today = LocalDate(Date(), in: app.learnCity.config.timeZone).iso
            _ = try await meetingsRequest(app, office, .POST, "/meetings", [("title", "专题联席会议"), ("session", "2"), ("date", today), ("time", "14:00"),
                                                                          ("place", "市教育局"), ("units[]", "\(eduID)"), ("units[]", "\(finID)")])
            let meeting = try #require(try await JointMeeting.query(on: app.db).filter(\.$session == 2).filter(\.$date == today).first())
            let path = "/meetings/\(meeting.id!)"
            let byUnit = try await meetingsRequest(app, edu, .POST, path, [("action", "minutes"), ("number", "〔2014〕5号"), ("minutes", "x")])
            #expect(byUnit.status == .conflict)
            let taken = try await meetingsRequest(app, office, .POST, path, [("action", "minutes"), ("number", "[2014]1号"), ("minutes", "纪要")])
            #expect(taken.status == .unprocessableEntity && taken.text.contains("该纪要编号已使用"))
            let bad = try await meetingsRequest(app, office, .POST, path, [("action", "minutes"), ("number", "第一号"), ("minutes", "纪要")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("如〔2014〕1号"))
            #expect(try await JointMeeting.find(meeting.id, on: app.db)?.minutesNumber == nil)
            let saved = try await meetingsRequest(app, office, .POST, path, [("action", "minutes"), ("number", "（2014）02号"), ("minutes", "会议议定两件事。")])
            #expect(saved.status == .seeOther)
            #expect(try await JointMeeting.find(meeting.id, on: app.db)?.minutesNumber == "〔2014〕2号")

            let items = try await PlanItem.query(on: app.db).count()
            #expect(try await meetingsRequest(app, edu, .POST, path, [("action", "decision"), ("decision", "x"), ("lead", "\(eduID)"), ("due", "2014-12-31")]).status == .conflict)
            let noLead = try await meetingsRequest(app, office, .POST, path, [("action", "decision"), ("decision", "建立联络员季度例会制度"), ("due", "2014-12-31")])
            #expect(noLead.status == .unprocessableEntity && noLead.text.contains("lead-error"))
            #expect(try await PlanItem.query(on: app.db).count() == items)
            let decided = try await meetingsRequest(app, office, .POST, path, [("action", "decision"), ("decision", "建立联络员季度例会制度"), ("lead", "\(eduID)"),
                                                                              ("participants[]", "\(finID)"), ("participants[]", "\(eduID)"), ("due", "2014-12-31")])
            #expect(decided.status == .seeOther)
            let item = try #require(try await PlanItem.query(on: app.db).filter(\.$section == "联席会议第2次").first())
            #expect(item.title == "建立联络员季度例会制度" && item.dueOn == "2014-12-31")
            let units = try await PlanItemUnit.query(on: app.db).filter(\.$itemID == item.id!).all()
            #expect(units.count == 2 && units.contains { $0.organisationID == eduID && $0.isLead } && units.contains { $0.organisationID == finID && !$0.isLead })
            #expect(try await MeetingDecision.query(on: app.db).filter(\.$meetingID == meeting.id!).first()?.planItemID == item.id)
            let plan = try await meetingsRequest(app, edu, .GET, "/plan?mine=1")
            #expect(plan.text.contains("联席会议第2次") && plan.text.contains("建立联络员季度例会制度") && plan.text.contains("已逾期"))
            #expect(try await meetingsRequest(app, office, .GET, path).text.contains("/plan/items/\(item.id!)"))
        }
    }
}
