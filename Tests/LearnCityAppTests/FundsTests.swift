import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// A form POST with a bearer token, as an integration or a test caller sends it.
private func post(_ app: Application, _ path: String, token: String, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders()
    headers.bearerAuthorization = .init(token: token)
    headers.contentType = .urlEncodedForm
    var captured: TestingHTTPResponse?
    try await app.testing().test(.POST, path, headers: headers, body: formBody(fields)) { captured = $0 }
    return try #require(captured)
}

private func get(_ app: Application, _ path: String, token: String) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders()
    headers.bearerAuthorization = .init(token: token)
    var captured: TestingHTTPResponse?
    try await app.testing().test(.GET, path, headers: headers) { captured = $0 }
    return try #require(captured)
}

private func project(_ title: String, _ app: Application) async throws -> Project {
    try #require(try await Project.query(on: app.db).filter(\.$title == title).first())
}

@Suite("Funds")
struct FundsTests {
    @Test("The finance officer adds a source, allocates and disburses; over the budget or the allocation is 422 with the message, nothing written")
    func ledger() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let finance = world.callers[.financeOfficer]!, office = world.callers[.cityOffice]!
            let bad = try await post(app, "/funds/sources", token: finance, [("year", "2015"), ("name", "测试专项资金"), ("kind", "municipal"), ("budget", "-5")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("金额不能为负数") && bad.text.contains("budget-error"))
            let added = try await post(app, "/funds/sources", token: finance, [("year", "2015"), ("name", "测试专项资金"), ("kind", "municipal"), ("budget", "１０,０００")])
            #expect(added.status == .ok && added.text.contains("已保存"))
            let source = try #require(try await FundSource.query(on: app.db).filter(\.$name == "测试专项资金").first())
            #expect(source.budgetFen == 1_000_000 && source.year == 2015 && source.kind == .municipal)
            let c1 = try await project("宣汉县东乡街道社区学习中心场地建设", app)
            let allocate = { (amount: String, token: String) in
                try await post(app, "/funds/allocations", token: token, [("source", "\(source.id!)"), ("recipient", "project:\(c1.id!)"),
                                                                         ("allocated_on", "2015-03-01"), ("amount", amount), ("purpose", "测试下拨")])
            }
            #expect(try await allocate("6,000.50", office).status == .ok)
            let before = try await FundAllocation.query(on: app.db).count()
            let over = try await allocate("4,000", finance)
            #expect(over.status == .unprocessableEntity)
            #expect(over.text.contains("超出来源预算：该来源尚可下拨 3,999.50 元") && over.text.contains("amount-error"))
            #expect(try await allocate("1.234", finance).text.contains("金额最多两位小数"))
            #expect(try await FundAllocation.query(on: app.db).count() == before)
            let allocation = try #require(try await FundAllocation.query(on: app.db).filter(\.$sourceID == source.id!).first())
            #expect(allocation.amountFen == 600_050 && allocation.recipientName == c1.title)
            let pay = { (amount: String) in
                try await post(app, "/funds/disbursements", token: finance, [("allocation", "\(allocation.id!)"), ("paid_on", "2015-03-10"), ("pay_amount", amount)])
            }
            #expect(try await pay("6000").status == .ok)
            let overPaid = try await pay("0.51")
            #expect(overPaid.status == .unprocessableEntity && overPaid.text.contains("超出下拨金额：该笔下拨尚可拨付 0.50 元"))
            #expect(try await FundDisbursement.query(on: app.db).filter(\.$allocationID == allocation.id!).count() == 1)
            #expect(try await pay("0.50").status == .ok)
            // Dates: a 2015 budget allocates in 2015; a payment is not dated before its allocation.
            let wrongYear = try await post(app, "/funds/allocations", token: finance, [("source", "\(source.id!)"), ("recipient", "project:\(c1.id!)"),
                                                                                     ("allocated_on", "2016-01-02"), ("amount", "1"), ("purpose", "x")])
            #expect(wrongYear.status == .unprocessableEntity && wrongYear.text.contains("下拨日期应在该来源的预算年度内"))
            let early = try await post(app, "/funds/disbursements", token: finance, [("allocation", "\(allocation.id!)"), ("paid_on", "2015-02-28"), ("pay_amount", "0.01")])
            #expect(early.status == .unprocessableEntity && early.text.contains("拨付日期不能早于下拨日期"))
            #expect(try await FundAllocation.query(on: app.db).filter(\.$sourceID == source.id!).count() == 1)
            // A project receives no more than its own budget (宣汉's centre: 300,000; 180,000 given in the demo and 6,000.50 above).
            _ = try await post(app, "/funds/sources", token: finance, [("year", "2014"), ("name", "测试追加资金"), ("kind", "county"), ("budget", "1,000,000")])
            let extra = try #require(try await FundSource.query(on: app.db).filter(\.$name == "测试追加资金").first())
            let tooMuch = try await post(app, "/funds/allocations", token: finance, [("source", "\(extra.id!)"), ("recipient", "project:\(c1.id!)"),
                                                                                   ("allocated_on", "2014-12-01"), ("amount", "120,000.01"), ("purpose", "追加")])
            #expect(tooMuch.status == .unprocessableEntity && tooMuch.text.contains("超出项目预算：该项目尚可下拨 113,999.50 元"))
            #expect(try await FundAllocation.query(on: app.db).filter(\.$sourceID == extra.id!).count() == 0)
            // Balances on the page: the source's budget, allocated, disbursed and what is left.
            let page = try await get(app, "/funds", token: finance)
            #expect(page.status == .ok && page.text.contains("10,000.00") && page.text.contains("6,000.50") && page.text.contains("3,999.50"))
            // An empty POST is a clear 422; a unit without the permission sees nothing.
            #expect(try await post(app, "/funds/allocations", token: finance, []).status == .unprocessableEntity)
            #expect(try await get(app, "/funds", token: world.callers[.memberUnitReporter]!).status == .notFound)
        }
    }

    @Test("The half-year report lists exactly the allocations dated in that half, with totals, and downloads as Excel")
    func halfYearReport() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let finance = world.callers[.financeOfficer]!
            let h1 = try await FundAllocation.query(on: app.db).filter(\.$allocatedOn >= "2014-01-01").filter(\.$allocatedOn <= "2014-06-30").all()
            #expect(h1.count == 4)
            let page = try await get(app, "/funds/report?half=2014-H1", token: finance)
            #expect(page.status == .ok && page.text.contains("2014年上半年"))
            #expect(page.text.components(separatedBy: "<tr><td>2014-").count - 1 == h1.count)
            for allocation in h1 { #expect(page.text.contains(allocation.purpose)) }
            #expect(!page.text.contains("实训设备购置") && !page.text.contains("网络课程制作"))   // H2's
            #expect(page.text.contains(NumberText.yuan(fen: h1.reduce(0) { $0 + $1.amountFen })))
            let h2 = try await get(app, "/funds/report?half=2014-H2", token: finance)
            #expect(h2.text.contains("实训设备购置") && !h2.text.contains("继续教育大学挂牌筹建"))
            let xlsx = try await get(app, "/funds/report?half=2014-H1&format=xlsx", token: finance)
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.subType.contains("spreadsheetml") == true)
            #expect(xlsx.body.getString(at: 0, length: 2) == "PK")
            let wrong = try await get(app, "/funds/report?half=2014-Q1", token: finance)
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("2014-H1 或 2014-H2"))
        }
    }
}

@Suite("Projects")
struct ProjectsTests {
    @Test("The demo loads the ten 2014 projects, their sources and allocations once, within the invariants")
    func demo() async throws {
        try await withLearnCity { app in
            #expect(try await Project.query(on: app.db).count() == 10)
            _ = try await LearnCity.loadDemo(app)
            try await FundsLoader.loadDemo(on: app.db)
            #expect(try await Project.query(on: app.db).count() == 10)
            #expect(try await Project.query(on: app.db).filter(\.$track == .community).count() == 5)
            #expect(try await FundSource.query(on: app.db).count() == 5)
            #expect(try await FundAllocation.query(on: app.db).count() == 10)
            #expect(try await ProjectMilestone.query(on: app.db).count() >= 20)
            let world = try await ScopeFixture.build(app)
            let list = try await get(app, "/projects", token: world.callers[.teacher]!)
            #expect(list.status == .ok && list.text.contains("社区教育特色课程资源开发") && list.text.contains("校企合作"))
        }
    }

    @Test("A unit reports progress on its own project and gets 409 on another's; the office adds milestones and links experts")
    func progress() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let unit = world.callers[.memberUnitReporter]!   // 市教育局
            let own = try await project("社区教育专兼职师资队伍建设", app), other = try await project("宣汉县东乡街道社区学习中心场地建设", app)
            let updates = try await ProjectUpdate.query(on: app.db).count()
            let badPercent = try await post(app, "/projects/\(own.id!)", token: unit, [("action", "update"), ("text", "第二期培训"), ("percent", "150")])
            #expect(badPercent.status == .unprocessableEntity && badPercent.text.contains("请填写 0–100 的整数"))
            let posted = try await post(app, "/projects/\(own.id!)", token: unit, [("action", "update"), ("text", "第二期兼职教师培训结业"), ("percent", "６０")])
            #expect(posted.status == .seeOther)
            #expect(try await ProjectUpdate.query(on: app.db).filter(\.$projectID == own.id!).sort(\.$id, .descending).first()?.percent == 60)
            let foreign = try await post(app, "/projects/\(other.id!)", token: unit, [("action", "update"), ("text", "x"), ("percent", "10")])
            #expect(foreign.status == .conflict)
            #expect(try await ProjectUpdate.query(on: app.db).count() == updates + 1)
            #expect(try await post(app, "/projects/\(own.id!)", token: unit, [("action", "milestone"), ("title", "x"), ("due_on", "2014-12-01")]).status == .conflict)
            let open = try #require(try await ProjectMilestone.query(on: app.db).filter(\.$projectID == own.id!).filter(\.$doneOn == nil).first())
            #expect(try await post(app, "/projects/\(own.id!)", token: unit, [("action", "milestone_done"), ("milestone", "\(open.id!)")]).status == .seeOther)
            #expect(try await ProjectMilestone.find(open.id, on: app.db)?.doneOn != nil)
            // An empty POST from an account of the owner unit is a clear 422, not an error; a teacher
            // there does not report on the project at all.
            #expect(try await post(app, "/projects/\(other.id!)", token: world.callers[.centreAdmin]!, []).status == .unprocessableEntity)
            #expect(try await post(app, "/projects/\(other.id!)", token: world.callers[.teacher]!, [("action", "milestone_done")]).status == .notFound)

            let office = world.callers[.cityOffice]!
            let expert = Expert()
            (expert.name, expert.title, expert.affiliation, expert.fields, expert.keywords, expert.availability) = ("李明", "教授", "四川文理学院", "社区教育", "", "")
            try await expert.create(on: app.db)
            #expect(try await post(app, "/projects/\(other.id!)", token: office, [("action", "milestone"), ("title", "验收"), ("due_on", "2014-01-31")]).status == .seeOther)
            #expect(try await post(app, "/projects/\(other.id!)", token: office, [("action", "expert"), ("expert", "\(expert.id!)")]).status == .seeOther)
            let detail = try await get(app, "/projects/\(other.id!)", token: unit)
            #expect(detail.status == .ok && detail.text.contains("李明") && detail.text.contains("验收") && detail.text.contains("逾期"))
            #expect(!detail.text.contains("name=\"percent\""))   // not the unit's project: no progress form
            #expect(try await get(app, "/projects/999999", token: unit).status == .notFound)
        }
    }

    @Test("The office creates a project; a bad budget is 422 next to the field")
    func create() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let office = world.callers[.cityOffice]!
            let ceu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "CEU").first())
            var fields = [("year", "2015"), ("title", "市民学分银行试点"), ("track", "community"), ("focus", "resources"), ("owner", "\(ceu.id!)"), ("budget", "12.345")]
            let bad = try await post(app, "/projects", token: office, fields)
            #expect(bad.status == .unprocessableEntity && bad.text.contains("金额最多两位小数"))
            fields[5] = ("budget", "200,000")
            let made = try await post(app, "/projects", token: office, fields)
            #expect(made.status == .seeOther)
            let created = try await project("市民学分银行试点", app)
            #expect(created.budgetFen == 20_000_000 && created.status == .planned && created.ownerID == ceu.id)
            #expect(try await post(app, "/projects", token: world.callers[.memberUnitReporter]!, fields).status == .notFound)
        }
    }
}
