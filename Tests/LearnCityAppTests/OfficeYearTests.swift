import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
import ZIPFoundation
@testable import LearnCityApp

/// The city office's year as it goes wrong in a browser (issue 15): line breaks, a county's
/// figures, sign-in and receipts, the report to government, exports, the region chooser, dates.
@Suite("The city office's year")
struct OfficeYearTests {
    static func org(_ code: String, _ app: Application) async throws -> Organisation {
        try #require(try await Organisation.query(on: app.db).filter(\.$code == code).first())
    }

    static func admin(_ app: Application) async throws -> (Browser, String) {
        var admin = Browser(app: app)
        _ = try await admin.signIn("admin", "admin-test-password")
        return (admin, admin.cookies[CSRF.cookieName]!)
    }

    @Test("Line breaks typed in a browser (CRLF) split a report form's fields and an inspection's lines")
    func browserLineBreaks() async throws {
        try await withLearnCity { app in
            var (admin, csrf) = try await Self.admin(app)
            let edu = try await Self.org("MU-EDU", app), xuanhan = try await Self.org("CL-511722", app)
            let made = try await admin.send(.POST, "/reports/forms", form: [
                ("_csrf", csrf), ("title", "活动报表"), ("kind", "year"), ("first", "2014"), ("last", "2014"),
                ("days", "31"),
                ("fields", "开展活动场次 | 数字\r\n参与人次 | 数字\r说明 | 文本"), ("units[]", "\(edu.id!)")])
            #expect(made.status == .seeOther)
            let form = try #require(try await ReportForm.query(on: app.db).filter(\.$title == "活动报表").first())
            #expect(form.fields.map(\.label) == ["开展活动场次", "参与人次", "说明"])
            let inspected = try await admin.send(.POST, "/inspections", form: [
                ("_csrf", csrf), ("date", "2014-11-21"), ("organisation", "\(xuanhan.id!)"), ("inspectors", "督导组"),
                ("findings", "台账不全\r\n制度未上墙"), ("rectifications", "完善台账 | 2014-12-31\r\n补录档案 | 2014-12-15")])
            #expect(inspected.status == .seeOther)
            let inspection = try #require(try await Inspection.query(on: app.db)
                .filter(\.$inspectedOn == "2014-11-21").first())
            let lines = try await Rectification.query(on: app.db)
                .filter(\.$inspectionID == inspection.id!).all()
            #expect(Set(lines.map(\.requirement)) == ["完善台账", "补录档案"])
            // Stored as typed, with LF only.
            #expect(inspection.findings == "台账不全\n制度未上墙")
        }
    }

    @Test("A county's leadership body reports its region's figures: records of providers in the county")
    func countyRecordedFigures() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)   // people to hold the records
            let body = try await Self.org("CL-511722", app)
            let providers = try await Organisation.query(on: app.db).filter(\.$regionCode =~ "511722")
                .filter(\.$kind ~~ [.college, .communityCentre, .trainingProvider, .school]).all()
                .filter { !$0.path.hasPrefix(body.path) }
            let provider = try #require(providers.first)
            let q3 = try #require(ReportPeriod("2014-Q3"))
            let before = try await RecordedFigures.of(body, q3, on: app.db)
            let person = try #require(try await Person.query(on: app.db).first())
            for day in ["2014-07-02", "2014-09-30"] {
                let input = RecordService.Input(kind: .training, status: .completed, date: LocalDate.parse(day)!,
                                                hours: 2, provider: provider, courseTitle: "课 \(day)")
                _ = try await RecordService.create(input, person: person, source: .manual, namespace: "t",
                                                   sourceID: day, actor: .commandLine, on: app.db)
            }
            let after = try await RecordedFigures.of(body, q3, on: app.db)
            #expect(after[.records]! - before[.records]! == 2 && after[.hours]! - before[.hours]! == 4)
            // A department is not geographic: its figures stay its own subtree's.
            #expect(try await RecordedFigures.of(Self.org("MU-EDU", app), q3, on: app.db)[.records] == 0)
        }
    }

    @Test("Once the office's own unit has signed in, the office still signs the others in; the session reads once")
    func officeSignsUnitsIn() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let office = world.callers[.cityOffice]!
            let lgo = try await Self.org("LGO", app).id!
            let edu = try await Self.org("MU-EDU", app).id!, fin = try await Self.org("MU-FIN", app).id!
            let today = LocalDate(Date(), in: app.learnCity.config.timeZone).iso
            let called = try await meetingsRequest(app, office, .POST, "/meetings", [
                ("title", "继续教育工作联席会议（第2次）"), ("session", "2"), ("date", today), ("time", "9:30"),
                ("place", "市政府"),
                ("units[]", "\(lgo)"), ("units[]", "\(edu)"), ("units[]", "\(fin)")])
            #expect(called.status == .seeOther)
            let meeting = try #require(try await JointMeeting.query(on: app.db).filter(\.$session == 2)
                .filter(\.$date == today).first())
            let path = "/meetings/\(meeting.id!)"
            let own = try await meetingsRequest(app, office, .POST, path, [("action", "sign_in"), ("unit", "\(lgo)")])
            #expect(own.status == .seeOther)
            let page = try await meetingsRequest(app, office, .GET, path).text
            #expect(page.contains("name=\"unit\" value=\"\(edu)\"") && page.contains("name=\"unit\" value=\"\(fin)\""))
            #expect(!page.contains("name=\"unit\" value=\"\(lgo)\""))   // signed in: no button
            #expect(page.contains("继续教育工作联席会议（第2次）") && !page.contains("（第2次）（第2次）"))
            let other = try await meetingsRequest(app, office, .POST, path, [("action", "sign_in"), ("unit", "\(edu)")])
            #expect(other.status == .seeOther)
        }
    }

    @Test("A unit that signed for a notice without replying can still reply, and leaves the unreplied list")
    func replyAfterSigning() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var (admin, csrf) = try await Self.admin(app)
            let edu = try await Self.org("MU-EDU", app)
            let issued = try await admin.send(.POST, "/notices", form: [
                ("_csrf", csrf), ("number", "达市继教办〔2014〕31号"), ("title", "报送总结"), ("body", "一、总结\r\n二、计划"),
                ("units[]", "\(edu.id!)")])
            #expect(issued.status == .seeOther)
            let notice = try #require(try await Notice.query(on: app.db).filter(\.$number == "达市继教办〔2014〕31号").first())
            #expect(notice.body == "一、总结\n二、计划")
            let receipt = try #require(try await NoticeReceipt.query(on: app.db)
                .filter(\.$noticeID == notice.id!).first())
            let receiptPath = "/notices/receipts/\(receipt.id!)"
            let unit = world.callers[.memberUnitReporter]!   // 市教育局
            #expect(try await meetingsRequest(app, unit, .POST, receiptPath, [("reply", "")]).status == .seeOther)
            let signed = try #require(try await NoticeReceipt.find(receipt.id, on: app.db))
            #expect(signed.signedAt != nil && signed.reply == nil)
            let page = try await meetingsRequest(app, unit, .GET, "/notices").text
            #expect(page.contains(receiptPath) && page.contains("提交回执"))
            #expect(page.contains("class=\"lines\""))   // the body keeps its line breaks on screen
            #expect(try await meetingsRequest(app, unit, .POST, receiptPath, [("reply", "已报送")]).status == .seeOther)
            let replied = try #require(try await NoticeReceipt.find(receipt.id, on: app.db))
            #expect(replied.reply == "已报送" && replied.signedAt == signed.signedAt)
            let officePage = try await admin.send(.GET, "/notices").text
            let article = try #require(officePage.range(of: "(?s)达市继教办〔2014〕31号.*?</article>",
                                                        options: .regularExpression))
            #expect(officePage[article].contains("各单位均已回执"))
        }
    }

    @Test("The report to government judges plan items at the quarter's end, as it cuts its figures")
    func governmentReportAtPeriodEnd() async throws {
        try await withLearnCity { app in
            let plan = try #require(try await WorkPlan.query(on: app.db).filter(\.$year == 2014)
                .sort(\.$id, .descending).first())
            // Due after the quarter: late today, not at the quarter's end. Done in October, due in
            // September: late at the quarter's end, done today.
            let added: [(String, String, String?)] = [("十月到期", "2014-10-15", nil),
                                                      ("九月到期十月完成", "2014-09-01", "2014-10-05")]
            for (title, due, done) in added {
                let item = PlanItem()
                (item.planID, item.section, item.position, item.title) = (try plan.requireID(), "五", 99, title)
                item.deliverables = ""
                (item.dueOn, item.doneOn) = (due, done)
                try await item.create(on: app.db)
            }
            let q3 = try #require(ReportPeriod("2014-Q3"))
            let today = LocalDate(year: 2014, month: 12, day: 1), end = LocalDate(year: 2014, month: 9, day: 30)
            let tz = app.learnCity.config.timeZone
            let content = try await GovernmentSnapshot.build(q3, today: today, timeZone: tz, on: app.db)
            let items = try await PlanItem.query(on: app.db).filter(\.$planID == plan.requireID()).all()
            #expect(content.plan.late == items.filter { $0.state(today: end) == .late }.count)
            #expect(content.plan.done == items.filter { $0.state(today: end) == .done }.count)
            #expect(content.plan.lateItems.contains { $0.contains("九月到期十月完成") })
            #expect(!content.plan.lateItems.contains { $0.hasSuffix(" 十月到期") })
        }
    }

    /// The first sheet's XML of a workbook.
    static func sheetXML(_ body: ByteBuffer) throws -> String {
        let archive = try Archive(data: Data(buffer: body), accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("Exports write numbers as numbers: XLSX number cells with a format, CSV without thousands separators")
    func numericExports() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            let records = ByteBuffer(string: RecordsTests.csv)
            try await app.testing().test(.POST, "/api/v1/imports/records", headers: headers, body: records) {
                #expect($0.status == .ok)
            }
            var (admin, _) = try await Self.admin(app)
            let xlsx = try await admin.send(.GET, "/dashboard/export?year=2014&table=quarter&format=xlsx")
            let xml = try Self.sheetXML(xlsx.body)
            // Row 2 (Q1): the key as text, then person-times, people and hours as typed numbers.
            let row = try #require(xml.range(of: #"<row r="2">.*?</row>"#, options: .regularExpression)
                .map { String(xml[$0]) })
            #expect(row.contains(#"<c r="B2" s="2"><v>1</v></c>"#) && row.contains(#"<c r="C2" s="2"><v>1</v></c>"#))
            #expect(row.contains(#"<c r="D2" s="3"><v>"#) && !row.contains(#"r="B2" t="inlineStr""#))
            let sheet = try Sheet.read(Data(buffer: xlsx.body))
            #expect(sheet.rows[1].cells[1].text == "1")
            let annual = try await admin.send(.GET, "/dashboard/export?year=2014&table=regions&format=xlsx")
            #expect(try Self.sheetXML(annual.body).contains(#" s="2"><v>"#))
        }
    }

    @Test("A county's region chooser offers only what it may see; the office's, the city and every county")
    func regionChooser() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let county = try await meetingsRequest(app, world.callers[.countyAdmin]!, .GET, "/dashboard?year=2014").text
            #expect(county.contains(#"value="511722""#) && !county.contains(#"value="511725""#))
            #expect(!county.contains(#"value="511700""#))
            let office = try await meetingsRequest(app, world.callers[.cityOffice]!, .GET,
                                                   "/dashboard?year=2014&region=511722").text
            #expect(office.contains(#"value="511725""#) && office.contains(#"value="511700""#))
        }
    }

    @Test("Closing a plan item records the day it was done (default today, never in the future)")
    func completionDates() async throws {
        try await withLearnCity { app in
            var (admin, csrf) = try await Self.admin(app)
            let item = try #require(try await PlanItem.query(on: app.db).filter(\.$doneOn == nil).first())
            let path = "/plan/items/\(item.id!)"
            let future = LocalDate(Date().addingTimeInterval(3 * 86_400), in: app.learnCity.config.timeZone).iso
            let refused = try await admin.send(.POST, path, form: [("_csrf", csrf), ("text", "验收"), ("done", "1"),
                                                                   ("done_on", future)])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("不晚于今天"))
            #expect(try await PlanItem.find(item.id, on: app.db)?.doneOn == nil)
            #expect(try await admin.send(.GET, path).text.contains(#"name="done_on""#))
            let closed = try await admin.send(.POST, path, form: [("_csrf", csrf), ("text", "验收"), ("done", "1"),
                                                                  ("done_on", "2014-10-05")])
            #expect(closed.status == .seeOther)
            #expect(try await PlanItem.find(item.id, on: app.db)?.doneOn == "2014-10-05")
        }
    }
}
