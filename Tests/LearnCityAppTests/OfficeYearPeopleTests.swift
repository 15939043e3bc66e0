import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting

@testable import LearnCityApp

/// Issue 15, the office's year as units and people see it: a centre's reminders, people named by
/// their names rather than logins, the fill-in table's headings.
@Suite("The office's year: reminders and names")
struct OfficeYearPeopleTests {
    @Test("A centre's to-do list has its projects' overdue and coming milestones, not far or done ones")
    func centreMilestones() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)
            let centre = try await OfficeYearTests.org("DC-04", app)
            let project = Project()
            (project.year, project.title, project.track, project.focus) = (2014, "社区学习点建设", .community, .venues)
            (project.ownerID, project.budgetFen, project.status, project.summary) = (centre.id!, 0, .active, "")
            try await project.create(on: app.db)
            let today = LocalDate(Date(), in: app.learnCity.config.timeZone)
            for (title, due, done) in [
                ("场地改造", "2014-06-30", nil), ("师资培训", today.adding(days: 3).iso, nil),
                ("年终验收", today.adding(days: 60).iso, nil), ("方案报批", "2014-03-31", "2014-03-20"),
            ] {
                let milestone = ProjectMilestone()
                (milestone.projectID, milestone.title, milestone.dueOn, milestone.doneOn) = (
                    project.id!, title, due, done
                )
                try await milestone.create(on: app.db)
            }
            var (centreAdmin, _) = try await ReportsTests.signedIn(app, "t-centre_admin")
            let page = try await centreAdmin.send(.GET, "/workspace").text
            #expect(page.contains("项目节点：社区学习点建设 · 场地改造 · 期限 2014-06-30 · 已逾期"))
            #expect(page.contains("师资培训") && page.contains("即将到期"))
            #expect(!page.contains("年终验收") && !page.contains("方案报批"))
            #expect(page.contains("/projects/\(project.id!)"))
        }
    }

    @Test("Progress reports and the meeting's convener show the account's name, the login only when it has none")
    func namesNotLogins() async throws {
        try await withLearnCity { app in
            let (user, _) = try await AccountService.createStaff(
                username: "zhangli", displayName: "张丽", roles: [.cityOffice], organisationID: nil,
                password: "password-123", hasher: app.password.sync, actor: .commandLine, on: app.db)
            let project = try #require(try await Project.query(on: app.db).first())
            for author in [user.username, "gone-account"] {
                let update = ProjectUpdate()
                (update.projectID, update.organisationID, update.text, update.percent, update.author) = (
                    project.id!, project.ownerID, "进展 \(author)", 40, author
                )
                try await update.create(on: app.db)
            }
            let names = try await PersonNames.load(["zhangli", "gone-account", nil], on: app.db)
            #expect(names("zhangli") == "张丽" && names("gone-account") == "gone-account" && names.optional(nil) == nil)
            var (admin, _) = try await OfficeYearTests.admin(app)
            let page = try await admin.send(.GET, "/projects/\(project.id!)").text
            #expect(page.contains("张丽") && !page.contains(">zhangli<") && page.contains("gone-account"))
        }
    }

    @Test("A unit's fill-in table heads its first column 项目, not the designer's hint")
    func fillInHeading() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let id = try #require(world.ownSubmission[.memberUnitReporter])
            var (unit, _) = try await ReportsTests.signedIn(app, "t-member_unit")
            let page = try await unit.send(.GET, "/reports/submissions/\(id)").text
            #expect(page.contains("<th>项目</th>") && !page.contains("字段（每行一个）"))
        }
    }

    @Test("Units are listed in the organisation tree's order, not their names' code points")
    func treeOrder() async throws {
        try await withLearnCity { app in
            var (admin, csrf) = try await OfficeYearTests.admin(app)
            let units = try await Organisation.query(on: app.db)
                .filter(\.$code ~~ ["CEC-511781", "CEC-511724", "CEC-511722", "MU-PROP"]).sort(\.$path).all()
            #expect(units.count == 4)
            let inTree = units.map(\.nameZh)
            #expect(inTree != inTree.sorted())  // else this test proves nothing
            let issued = try await admin.send(
                .POST, "/notices",
                form: [
                    ("_csrf", csrf), ("number", "达市继教办〔2014〕41号"), ("title", "报送名单"),
                ]
                    + units.reversed().map { ("units[]", "\($0.id!)") })
            #expect(issued.status == .seeOther)
            #expect(try await admin.send(.GET, "/notices").text.contains(inTree.joined(separator: "、")))
        }
    }

    @Test("The office corrects a notice (units see 已更正) and withdraws it with a reason (已撤回, no receipt owed), audited")
    func correctAndWithdrawNotice() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)
            var (admin, csrf) = try await OfficeYearTests.admin(app)
            let edu = try await OfficeYearTests.org("MU-EDU", app)
            #expect(
                try await admin.send(
                    .POST, "/notices",
                    form: [
                        ("_csrf", csrf), ("number", "达市继教办〔2014〕51号"), ("title", "报送总结的通知"), ("body", "12月10日前报送"),
                        ("units[]", "\(edu.id!)"),
                    ]
                ).status == .seeOther)
            let notice = try #require(try await Notice.query(on: app.db).filter(\.$number == "达市继教办〔2014〕51号").first())
            let path = "/notices/\(notice.id!)"
            var (unit, _) = try await ReportsTests.signedIn(app, "t-member_unit")
            let owedBefore = try await unit.send(.GET, "/workspace").text
            let empty = try await admin.send(
                .POST, path, form: [("_csrf", csrf), ("action", "correct"), ("title", " "), ("body", "x")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("field-error"))
            let fixed = try await admin.send(
                .POST, path,
                form: [
                    ("_csrf", csrf), ("action", "correct"), ("title", "报送年度总结的通知"), ("body", "12月15日前报送"),
                ])
            #expect(fixed.status == .seeOther)
            let corrected = try #require(try await Notice.find(notice.id!, on: app.db))
            #expect(corrected.title == "报送年度总结的通知" && corrected.correctedAt != nil && corrected.withdrawnAt == nil)
            let unitPage = try await unit.send(.GET, "/notices").text
            #expect(unitPage.contains("已更正") && unitPage.contains("12月15日前报送") && !unitPage.contains("12月10日前报送"))
            let noReason = try await admin.send(
                .POST, path, form: [("_csrf", csrf), ("action", "withdraw"), ("reason", "")])
            #expect(
                noReason.status == .unprocessableEntity && noReason.text.contains("请写明撤回理由")
                    && noReason.text.contains("<details open>"))
            #expect(
                try await admin.send(
                    .POST, path, form: [("_csrf", csrf), ("action", "withdraw"), ("reason", "与31号通知重复")]
                )
                .status == .seeOther)
            let withdrawnPage = try await unit.send(.GET, "/notices").text
            #expect(withdrawnPage.contains("已撤回") && withdrawnPage.contains("与31号通知重复"))
            let again = try await admin.send(
                .POST, path, form: [("_csrf", csrf), ("action", "correct"), ("title", "又改"), ("body", "")])
            #expect(again.status == .unprocessableEntity && again.text.contains("此通知已撤回"))
            // No longer awaiting the unit's receipt: one notice fewer to sign for.
            func owed(_ page: String) -> Int? {
                page.firstRange(of: /有 (\d+) 份通知待签收/).flatMap { Int(page[$0].filter(\.isNumber)) }
            }
            #expect((owed(try await unit.send(.GET, "/workspace").text) ?? 0) == (owed(owedBefore) ?? 0) - 1)
            let audited = try await AuditEvent.query(on: app.db).filter(\.$entityType == "notice")
                .filter(\.$entityID == String(notice.id!)).filter(\.$action == .update).count()
            #expect(audited == 2)
        }
    }

    @Test("The funds half-year report prints in the office's document frame, in Chinese, with its tables")
    func fundsReportPrints() async throws {
        try await withLearnCity { app in
            var (admin, _) = try await OfficeYearTests.admin(app)
            let page = try await admin.send(.GET, "/funds/report?half=2014-H2").text
            #expect(page.contains("/funds/report?half=2014-H2&amp;format=print"))
            let printed = try await admin.send(
                .GET, "/funds/report?half=2014-H2&format=print",
                headers: [("Accept-Language", "en")]
            ).text
            #expect(
                printed.contains("/assets/document.css") && printed.contains("class=\"issuer\"")
                    && printed.contains("class=\"rule\""))
            #expect(printed.contains("2014年下半年继续教育培训经费下拨情况报告"))
            #expect(printed.contains("附表一　经费下拨明细") && printed.contains("<thead>") && printed.contains("1,340,000.00"))
            #expect(!printed.contains("Project:") && !printed.contains("Teaching team"))
            #expect(!printed.contains("签发人"))  // no document number: no number line
        }
    }
}
