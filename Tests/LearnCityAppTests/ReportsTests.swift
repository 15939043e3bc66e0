import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Reports: forms, units' reports, review, completeness, the report to government")
struct ReportsTests {
    static func demoForm(_ app: Application) async throws -> ReportForm {
        try #require(try await ReportForm.query(on: app.db).filter(\.$title == "成员单位季度工作情况报表").first())
    }

    /// Signs in a test account of the fixture and returns the browser with its CSRF token.
    static func signedIn(_ app: Application, _ username: String, _ password: String = "password-123") async throws -> (Browser, String) {
        var browser = Browser(app: app)
        _ = try await browser.signIn(username, password)
        return (browser, browser.cookies[CSRF.cookieName]!)
    }

    @Test("A unit starts its report prefilled from records, saves, submits; the office returns it, it is resubmitted and approved, filed as a reported figure, locked, unlocked on request")
    func lifecycle() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)
            let form = try await Self.demoForm(app)
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first())
            // Two records provided by 市教育局 in 2014 Q2, one in Q3, one voided: the Q2 report sees two.
            let person = try #require(try await Person.query(on: app.db).first())
            for (day, hours) in [("2014-04-02", 3.0), ("2014-06-30", 2.0), ("2014-07-01", 9.0), ("2014-05-05", 4.0)] {
                let input = RecordService.Input(kind: .training, status: .completed, date: LocalDate.parse(day)!, hours: hours, provider: edu, courseTitle: "课 \(day)")
                let record = try await RecordService.create(input, person: person, source: .manual, namespace: "t", sourceID: day, actor: .commandLine, on: app.db)
                if day == "2014-05-05" { try await RecordService.void(record, reason: "重复", actor: .commandLine, on: app.db) }
            }
            var (unit, csrf) = try await Self.signedIn(app, "t-member_unit")
            #expect(try await unit.send(.GET, "/reports").text.contains("2014年第二季度"))
            let started = try await unit.send(.POST, "/reports/forms/\(form.id!)/start", form: [("_csrf", csrf), ("period", "2014-Q2")])
            #expect(started.status == .seeOther)
            let path = try #require(started.headers.first(name: .location))
            let again = try await unit.send(.POST, "/reports/forms/\(form.id!)/start", form: [("_csrf", csrf), ("period", "2014-Q2")])
            #expect(again.headers.first(name: .location) == path)   // starting twice opens the same report
            let submission = try #require(try await ReportSubmission.query(on: app.db).filter(\.$organisationID == edu.id!).filter(\.$formID == form.id!).first())
            #expect(submission.values["f1"] == "2" && submission.values["f2"] == "1" && submission.values["f3"] == "5")
            // Submitting with fields missing names them; nothing changes.
            let incomplete = try await unit.send(.POST, path, form: [("_csrf", csrf), ("version", "1"), ("action", "submit"), ("f1", "abc")])
            #expect(incomplete.status == .unprocessableEntity && incomplete.text.contains("应为不小于 0 的数字"))
            #expect(try await ReportSubmission.find(submission.id, on: app.db)?.state == .draft)
            let values = [("f1", "3"), ("f2", "1"), ("f3", "5"), ("f4", "12.5"), ("f5", "开展培训两期"), ("f6", "是")]
            let saved = try await unit.send(.POST, path, form: [("_csrf", csrf), ("version", "1"), ("action", "save")] + values)
            #expect(saved.status == .seeOther)
            // The page flags 3 against 2 recorded (more than 10%).
            #expect(try await unit.send(.GET, path).text.contains("与系统记录相差超过 10%"))
            let submitted = try await unit.send(.POST, path, form: [("_csrf", csrf), ("version", "2"), ("action", "submit")] + values)
            #expect(submitted.status == .seeOther)
            #expect(try await unit.send(.POST, path, form: [("_csrf", csrf), ("version", "3"), ("action", "save")] + values).status == .conflict)
            // The office: a unit cannot approve; the office returns with a comment (required).
            #expect(try await unit.send(.POST, path, form: [("_csrf", csrf), ("version", "3"), ("action", "approve")]).status == .conflict)
            var (office, officeCSRF) = try await Self.signedIn(app, "t-city_office")
            let queue = try await office.send(.GET, "/reports").text
            #expect(queue.contains("待审核") && queue.contains("⚠ 差异 1"))   // 3 reported against 2 recorded
            let noComment = try await office.send(.POST, path, form: [("_csrf", officeCSRF), ("version", "3"), ("action", "return")])
            #expect(noComment.status == .unprocessableEntity && noComment.text.contains("退回时请写明意见"))
            #expect(try await office.send(.POST, path, form: [("_csrf", officeCSRF), ("version", "3"), ("action", "return"), ("comment", "人次与记录不符")]).status == .seeOther)
            #expect(try await unit.send(.GET, path).text.contains("人次与记录不符"))
            let fixed = values.map { $0.0 == "f1" ? ("f1", "2") : $0 }
            #expect(try await unit.send(.POST, path, form: [("_csrf", csrf), ("version", "4"), ("action", "submit")] + fixed).status == .seeOther)
            #expect(try await office.send(.POST, path, form: [("_csrf", officeCSRF), ("version", "5"), ("action", "approve")]).status == .seeOther)
            let stored = try #require(try await ReportSubmission.find(submission.id, on: app.db))
            #expect(stored.state == .approved && stored.firstSubmittedAt != nil && stored.version == 6)
            // Filed beside the recorded figures: T3, 2014 Q2, 2.
            let figure = try #require(try await ReportedFigure.query(on: app.db).filter(\.$organisationID == edu.id!).filter(\.$indicatorCode == "T3").first())
            #expect(figure.year == 2014 && figure.quarter == 2 && figure.value == 2)
            #expect(figure.reportedBy == "t-member_unit")   // 填报人: the unit's submitter, not the approver
            // Locked: saving is refused; unlock is a request the office grants.
            #expect(try await unit.send(.POST, path, form: [("_csrf", csrf), ("version", "6"), ("action", "save")] + values).status == .conflict)
            #expect(try await office.send(.POST, path, form: [("_csrf", officeCSRF), ("version", "6"), ("action", "unlock")]).status == .conflict)
            #expect(try await unit.send(.POST, path, form: [("_csrf", csrf), ("version", "6"), ("action", "request_unlock"), ("comment", "经费填错")]).status == .seeOther)
            #expect(try await office.send(.POST, path, form: [("_csrf", officeCSRF), ("version", "7"), ("action", "unlock")]).status == .seeOther)
            #expect(try await ReportSubmission.find(submission.id, on: app.db)?.state == .returned)
            // Being corrected, its figure has left the dashboard until it is approved again.
            #expect(try await ReportedFigure.query(on: app.db).filter(\.$organisationID == edu.id!).filter(\.$indicatorCode == "T3").count() == 0)
            let actions = try await ReportEvent.query(on: app.db).filter(\.$submissionID == submission.id!).sort(\.$id).all().map(\.action)
            #expect(actions == ["save", "submit", "return", "submit", "approve", "request_unlock", "unlock"])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entityType == "report_submission").count() >= 8)
            // Another unit's report is not found; a unit not assigned cannot start one.
            var (school, schoolCSRF) = try await Self.signedIn(app, "t-provider_staff")
            #expect(try await school.send(.GET, path).status == .notFound)
            #expect(try await school.send(.POST, "/reports/forms/\(form.id!)/start", form: [("_csrf", schoolCSRF), ("period", "2014-Q2")]).status == .conflict)
        }
    }

    @Test("Two people editing one report: the second save gets a conflict with their entries kept, and nothing of the first is lost")
    func concurrentEdits() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)
            let form = try await Self.demoForm(app)
            var (first, csrf1) = try await Self.signedIn(app, "t-member_unit")
            let path = try #require(try await first.send(.POST, "/reports/forms/\(form.id!)/start", form: [("_csrf", csrf1), ("period", "2014-Q1")]).headers.first(name: .location))
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first())
            _ = try await AccountService.createStaff(username: "edu-2", displayName: "第二填报人", roles: [.memberUnitReporter], organisationID: edu.id,
                                                     password: "password-123", hasher: app.password.sync, actor: .commandLine, on: app.db)
            try await User.query(on: app.db).filter(\.$username == "edu-2").set(\.$mustChangePassword, to: false).update()
            var (second, csrf2) = try await Self.signedIn(app, "edu-2")
            // Both opened version 1; the first saves, then the second.
            #expect(try await first.send(.POST, path, form: [("_csrf", csrf1), ("version", "1"), ("action", "save"), ("f4", "10")]).status == .seeOther)
            let late = try await second.send(.POST, path, form: [("_csrf", csrf2), ("version", "1"), ("action", "save"), ("f4", "99")])
            #expect(late.status == .conflict && late.text.contains("刚被") && late.text.contains("value=\"99\""))
            let stored = try #require(try await ReportSubmission.query(on: app.db).filter(\.$organisationID == edu.id!).filter(\.$formID == form.id!).first())
            #expect(stored.values["f4"] == "10" && stored.version == 2)
            // Having seen the conflict (the page now carries version 2), the second saves.
            #expect(late.text.contains("name=\"version\" value=\"2\""))
            #expect(try await second.send(.POST, path, form: [("_csrf", csrf2), ("version", "2"), ("action", "save"), ("f4", "99")]).status == .seeOther)
        }
    }

    @Test("The report downloads as Excel and uploads filled in; a non-spreadsheet is refused and changes nothing")
    func excelRoundTrip() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)
            let form = try await Self.demoForm(app)
            var (unit, csrf) = try await Self.signedIn(app, "t-member_unit")
            let path = try #require(try await unit.send(.POST, "/reports/forms/\(form.id!)/start", form: [("_csrf", csrf), ("period", "2014-Q1")]).headers.first(name: .location))
            let download = try await unit.send(.GET, path + "/xlsx")
            #expect(download.status == .ok)
            var sheet = try Sheet.read(Data(buffer: download.body))
            #expect(sheet.rows.count == 7 && sheet.rows[1].cells[1].text == "非学历教育培训人次")
            // Fill in the value column as an office would in Excel, and upload it.
            for index in 1..<sheet.rows.count where sheet.rows[index].cells[0].text == "f4" { sheet.rows[index].cells[2] = .init("８８") }
            let filled = try XLSXWriter.workbook(sheetName: "r", header: sheet.rows[0].cells.map(\.text), rows: sheet.rows.dropFirst().map { $0.cells.map(\.text) })
            func upload(_ bytes: Data, name: String) async throws -> TestingHTTPResponse {
                let (type, body) = LibraryTests.multipart([("_csrf", csrf), ("version", "1")], file: (name, bytes))
                var headers = cookieHeaders(unit.cookies)
                headers.replaceOrAdd(name: .contentType, value: type)
                var captured: TestingHTTPResponse?
                try await app.testing().test(.POST, path + "/xlsx", headers: headers, body: ByteBuffer(data: body)) { captured = $0 }
                return try #require(captured)
            }
            let refused = try await upload(Data("%PDF-1.4".utf8) + Data([0, 1, 2]), name: "scan.pdf")
            #expect(refused.status == .unprocessableEntity && refused.text.contains("无法读取此文件"))
            #expect(try await upload(filled, name: "filled.xlsx").status == .seeOther)
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first())
            let stored = try #require(try await ReportSubmission.query(on: app.db).filter(\.$organisationID == edu.id!).filter(\.$formID == form.id!).first())
            #expect(stored.values["f4"] == "88" && stored.version == 2)
        }
    }

    @Test("The office designs a form (line errors next to the field), sees completeness with the missing units, and late units are reminded at sign-in")
    func formsAndCompleteness() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var (office, csrf) = try await Self.signedIn(app, "t-city_office")
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first())
            let fin = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-FIN").first())
            let bad = try await office.send(.POST, "/reports/forms", form: [("_csrf", csrf), ("title", "年报"), ("kind", "year"), ("first", "2014-Q1"),
                                                                            ("days", "200"), ("fields", "人数 | 数字\n金额 | 货币"), ("units[]", "\(edu.id!)")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("第 2 行") && bad.text.contains("应为 0–90 的整数") && bad.text.contains("期别格式"))
            #expect(try await ReportForm.query(on: app.db).filter(\.$title == "年报").count() == 0)
            let made = try await office.send(.POST, "/reports/forms", form: [("_csrf", csrf), ("title", "年报"), ("kind", "year"), ("first", "2014"), ("last", "2014"),
                                                                             ("days", "31"), ("fields", "人数 | 数字 | 来源=people"), ("units[]", "\(edu.id!)"), ("units[]", "\(fin.id!)")])
            #expect(made.status == .seeOther)
            let formPath = try #require(made.headers.first(name: .location))
            var (unit, unitCSRF) = try await Self.signedIn(app, "t-member_unit")
            // 2014's deadlines have passed: the unit is reminded at sign-in, overdue first.
            let workspace = try await unit.send(.GET, "/workspace")
            #expect(workspace.text.contains("待办提醒") && workspace.text.contains("年报") && workspace.text.contains("逾期未报"))
            // 市教育局 leads late 2014 plan items and has unsigned notices (the fixture's) too.
            #expect(workspace.text.contains("项工作要点逾期未完成") && workspace.text.contains("份通知待签收"))
            let form = try #require(try await ReportForm.query(on: app.db).filter(\.$title == "年报").first())
            let path = try #require(try await unit.send(.POST, "/reports/forms/\(form.id!)/start", form: [("_csrf", unitCSRF), ("period", "2014")]).headers.first(name: .location))
            #expect(try await unit.send(.POST, path, form: [("_csrf", unitCSRF), ("version", "1"), ("action", "submit"), ("f1", "0")]).status == .seeOther)
            // 宣汉县's leadership has an open rectification from the demo's published inspection, listed with its due date.
            var (county, _) = try await Self.signedIn(app, "t-county_admin")
            let countyTodo = try await county.send(.GET, "/workspace").text
            #expect(countyTodo.contains("整改要求：") && countyTodo.contains("期限 20"))
            // The same completeness as JSON for the office's scripts.
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            try await app.testing().test(.GET, "/api/v1/reports/completeness?form=\(form.id!)&period=2014", headers: headers) { res in
                #expect(res.status == .ok)
                let body = try res.content.decode(ReportsAPI.Completeness.self)
                #expect(body.expected == 2 && body.submitted == 1 && body.onTime == 0 && body.deadline == "2015-01-31")
                #expect(body.units.first { $0.code == "MU-EDU" }?.state == "submitted" && body.units.first { $0.code == "MU-FIN" }?.onTime == false)
                #expect(body.units.first { $0.code == "MU-EDU" }?.firstSubmittedAt?.hasSuffix("+08:00") == true)
            }
            try await app.testing().test(.GET, "/api/v1/reports/completeness?form=\(form.id!)&period=2014-Q9", headers: headers) { #expect($0.status == .badRequest) }
            headers.bearerAuthorization = .init(token: world.callers[.memberUnitReporter]!)
            try await app.testing().test(.GET, "/api/v1/reports/completeness?form=\(form.id!)", headers: headers) { #expect($0.status == .notFound) }
            // The office is reminded of what waits for it.
            #expect(try await office.send(.GET, "/workspace").text.contains("有 1 份报表待审核"))
            let page = try await office.send(.GET, formPath)
            #expect(page.text.contains("应报 2 · 已报 1 · 按时 0") && page.text.contains("1 个单位未报") && page.text.contains("市财政局"))
            #expect(page.text.contains("id=\"matrix\"") && page.text.contains("已提交 · 逾期") && page.text.contains("未填报 · 逾期"))
            // The consolidated table: one row per unit and period, with the values.
            let sheet = try Sheet.read(Data(buffer: try await office.send(.GET, formPath + "?format=xlsx").body))
            #expect(sheet.rows.count == 3 && sheet.rows[0].cells.last?.text == "人数")
            #expect(sheet.rows.contains { $0.cells[1].text == "市教育局" && $0.cells[2].text == "已提交" && $0.cells[5].text == "逾期" && $0.cells[6].text == "0" })
            #expect(!(try await unit.send(.GET, "/workspace").text.contains("年报 · 2014年")))
        }
    }

    @Test("The report to the government: frozen figures, reviewed by another, issued with a unique number, printed in the official layout; a stale page is a conflict")
    func governmentReport() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)
            let person = try #require(try await Person.query(on: app.db).first())
            let centre = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            for day in ["2014-06-30", "2014-07-01"] {
                let input = RecordService.Input(kind: .community, status: .completed, date: LocalDate.parse(day)!, hours: 2, provider: centre, courseTitle: "课 \(day)")
                _ = try await RecordService.create(input, person: person, source: .manual, namespace: "g", sourceID: day, actor: .commandLine, on: app.db)
            }
            var (drafter, csrf) = try await Self.signedIn(app, "t-city_office")
            let made = try await drafter.send(.POST, "/reports/government", form: [("_csrf", csrf), ("period", "2014-Q2")])
            #expect(made.status == .seeOther)
            let path = try #require(made.headers.first(name: .location))
            let report = try #require(try await GovernmentReport.query(on: app.db).filter(\.$period == "2014-Q2").first())
            /// The version the page shows now.
            func version(_ id: Int? = nil) async throws -> String { String(try #require(try await GovernmentReport.find(id ?? report.id, on: app.db)).version) }
            let content = try #require(report.content)
            // T3 counts the records up to 30 June only: the one dated in July is the next quarter's.
            #expect(content.indicators.first { $0.code == "T3" }?.numerator == 1)
            #expect(content.indicators.count == 5 && content.forms.contains { $0.title == "成员单位季度工作情况报表" && $0.expected == 19 })
            #expect(content.plan.total == 14)
            // The demo's 2014 funds as the ledger stood at the end of June; its ten projects.
            #expect(content.projects?.total == 10 && (content.funds?.budget ?? 0) > 0)
            #expect((content.funds?.allocated ?? 0) > 0 && (content.funds?.allocated ?? 0) <= (content.funds?.budget ?? 0))
            let own = try await drafter.send(.POST, path, form: [("_csrf", csrf), ("version", try await version()), ("action", "review")])
            #expect(own.status == .unprocessableEntity && own.text.contains("审核须由拟稿人和最后修改人以外的人进行"))
            #expect(try await drafter.send(.POST, path, form: [("_csrf", csrf), ("version", try await version()), ("action", "issue"), ("number", "x")]).status == .unprocessableEntity)
            var (reviewer, csrf2) = try await Self.signedIn(app, "admin", "admin-test-password")
            // The reviewer's page was loaded at version 1; the drafter saves a new text: the review of the old one is refused.
            let stale = try await version()
            #expect(try await drafter.send(.POST, path, form: [("_csrf", csrf), ("version", stale), ("action", "save"), ("title", "改后的标题"), ("body", "正文")]).status == .seeOther)
            let refused = try await reviewer.send(.POST, path, form: [("_csrf", csrf2), ("version", stale), ("action", "review")])
            #expect(refused.status == .conflict && refused.text.contains("刚被他人修改过"))
            #expect(try await GovernmentReport.find(report.id, on: app.db)?.state == .draft)
            #expect(try await reviewer.send(.POST, path, form: [("_csrf", csrf2), ("version", try await version()), ("action", "review")]).status == .seeOther)
            #expect(try await drafter.send(.POST, path, form: [("_csrf", csrf), ("version", try await version()), ("action", "save"), ("title", "改"), ("body", "")]).status == .unprocessableEntity)
            let issued = try await drafter.send(.POST, path, form: [("_csrf", csrf), ("version", try await version()), ("action", "issue"), ("number", "测试继教办〔2014〕15号")])
            #expect(issued.status == .seeOther)
            // Once issued, a reopen made on the reviewed page changes nothing.
            #expect(try await reviewer.send(.POST, path, form: [("_csrf", csrf2), ("version", String(Int(try await version())! - 1)), ("action", "reopen")]).status == .conflict)
            #expect(try await GovernmentReport.find(report.id, on: app.db)?.state == .issued)
            let print = try await drafter.send(.GET, path + "/print")
            #expect(print.text.contains("测试继教办〔2014〕15号") && print.text.contains("document.css") && print.text.contains("数据截至"))
            #expect(try await drafter.send(.GET, "/assets/document.css").text.contains("counter(page)"))   // page numbers under the CSP: no inline style
            #expect(try await drafter.send(.GET, path + "/xlsx").status == .ok)
            // A second report cannot take the same number, nor can a notice.
            let second = try await drafter.send(.POST, "/reports/government", form: [("_csrf", csrf), ("period", "2014-Q3")])
            let secondPath = try #require(second.headers.first(name: .location))
            let secondID = Int(secondPath.split(separator: "/").last!)!
            _ = try await reviewer.send(.POST, secondPath, form: [("_csrf", csrf2), ("version", try await version(secondID)), ("action", "review")])
            let taken = try await drafter.send(.POST, secondPath, form: [("_csrf", csrf), ("version", try await version(secondID)), ("action", "issue"), ("number", "测试继教办〔2014〕15号")])
            #expect(taken.status == .unprocessableEntity && taken.text.contains("该文号已使用"))
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first())
            let notice = try await reviewer.send(.POST, "/notices", form: [("_csrf", csrf2), ("number", "测试继教办〔2014〕15号"), ("title", "x"), ("units[]", "\(edu.id!)")])
            #expect(notice.status == .unprocessableEntity && notice.text.contains("该文号已使用"))
        }
    }

    @Test("Reports on time for the assessment: every report owed counts, started or not; a unit owing none has no figure")
    func onTimeFigures() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first())
            let school = try #require(try await Organisation.query(on: app.db).filter(\.$code == "SCH-DZVTC").first())
            let tz = TimeZone(identifier: "Asia/Shanghai")!
            let afterYear = LocalDate(year: 2015, month: 3, day: 1)
            var ratios = try await ReportsOnTimeFigures().ratios(year: 2014, today: afterYear, timeZone: tz, on: app.db)
            #expect(ratios[edu.id!] == 0)            // 8 reports owed in 2014 (two quarterly forms), none submitted
            #expect(ratios[school.id!] == nil)       // owes nothing: nothing to measure
            // One submitted by its deadline (10 April, Shanghai time, late in the evening).
            let fixture = try #require(try await ReportSubmission.query(on: app.db).filter(\.$organisationID == edu.id!).filter(\.$period == "2014-Q1").first())
            fixture.firstSubmittedAt = ISO8601DateFormatter().date(from: "2014-04-10T15:30:00Z")   // 23:30 in Shanghai
            try await fixture.update(on: app.db)
            ratios = try await ReportsOnTimeFigures().ratios(year: 2014, today: afterYear, timeZone: tz, on: app.db)
            #expect(ratios[edu.id!] == 1.0 / 8.0)
            fixture.firstSubmittedAt = ISO8601DateFormatter().date(from: "2014-04-10T16:30:00Z")   // 00:30 on 11 April: late
            try await fixture.update(on: app.db)
            ratios = try await ReportsOnTimeFigures().ratios(year: 2014, today: afterYear, timeZone: tz, on: app.db)
            #expect(ratios[edu.id!] == 0)
        }
    }
}
