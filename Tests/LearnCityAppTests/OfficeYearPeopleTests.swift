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
            for (title, due, done) in [("场地改造", "2014-06-30", nil), ("师资培训", today.adding(days: 3).iso, nil),
                                       ("年终验收", today.adding(days: 60).iso, nil), ("方案报批", "2014-03-31", "2014-03-20")] {
                let milestone = ProjectMilestone()
                (milestone.projectID, milestone.title, milestone.dueOn, milestone.doneOn) = (project.id!, title, due, done)
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
                (update.projectID, update.organisationID, update.text, update.percent, update.author)
                    = (project.id!, project.ownerID, "进展 \(author)", 40, author)
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
            let units = try await Organisation.query(on: app.db).filter(\.$nameZh ~~ ["万源市", "大竹县", "宣汉县", "市委宣传部"])
                .filter(\.$kind ~~ NoticesController.addressees).sort(\.$path).all()
            #expect(units.count == 4)
            let inTree = units.map(\.nameZh)
            #expect(inTree != inTree.sorted())   // else this test proves nothing
            let issued = try await admin.send(.POST, "/notices", form: [
                ("_csrf", csrf), ("number", "达市继教办〔2014〕41号"), ("title", "报送名单")]
                + units.reversed().map { ("units[]", "\($0.id!)") })
            #expect(issued.status == .seeOther)
            #expect(try await admin.send(.GET, "/notices").text.contains(inTree.joined(separator: "、")))
        }
    }
}
