import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting

@testable import LearnCityApp

/// Issue 15: the office writes the work plan — a year's plan copied from last year's, items
/// added, edited, moved and retired, each change audited.
@Suite("Writing the work plan")
struct WorkPlanAuthoringTests {
    @Test("Last year's plan copied (due a year on, same units); items added, edited, moved up and retired")
    func writePlan() async throws {
        try await withLearnCity { app in
            var (admin, csrf) = try await OfficeYearTests.admin(app)
            #expect(try await admin.send(.GET, "/plan/manage").text.contains("新建年度工作要点"))
            let badYear = try await admin.send(
                .POST, "/plan/manage",
                form: [
                    ("_csrf", csrf), ("action", "create"), ("year", "二〇一五"), ("title", "要点"), ("document", ""),
                ])
            #expect(
                badYear.status == .unprocessableEntity && badYear.text.contains("四位数的年份")
                    && badYear.text.contains("field-error"))
            let nothing = try await admin.send(
                .POST, "/plan/manage",
                form: [
                    ("_csrf", csrf), ("action", "copy"), ("year", "2031"), ("title", "要点"),
                    ("document", "达市继教〔2031〕1号"),
                ])
            #expect(nothing.status == .unprocessableEntity && nothing.text.contains("上一年度没有工作要点可复制"))

            let old = try #require(try await WorkPlan.query(on: app.db).filter(\.$year == 2014).first())
            let oldItems = try await PlanItem.query(on: app.db).filter(\.$planID == old.id!).sort(\.$position).all()
            let copied = try await admin.send(
                .POST, "/plan/manage",
                form: [
                    ("_csrf", csrf), ("action", "copy"), ("year", "2015"), ("title", "2015年继续教育工作要点"),
                    ("document", "达市继教〔2015〕1号"),
                ])
            #expect(copied.status == .seeOther)
            let plan = try #require(try await WorkPlan.query(on: app.db).filter(\.$year == 2015).first())
            let items = try await PlanItem.query(on: app.db).filter(\.$planID == plan.id!).sort(\.$position).all()
            #expect(items.count == oldItems.count && items.first?.title == oldItems.first?.title)
            #expect(
                items.first.map { $0.dueOn.hasPrefix("2015-") } == true
                    && items.first?.dueOn.dropFirst(4) == oldItems.first?.dueOn.dropFirst(4))
            let oldUnits = try await PlanItemUnit.query(on: app.db).filter(\.$itemID == oldItems[0].id!).all()
            let newUnits = try await PlanItemUnit.query(on: app.db).filter(\.$itemID == items[0].id!).all()
            #expect(
                Set(newUnits.map { "\($0.organisationID)\($0.isLead)" })
                    == Set(oldUnits.map { "\($0.organisationID)\($0.isLead)" }))

            let edu = try await OfficeYearTests.org("MU-EDU", app)
            let fin = try await OfficeYearTests.org("MU-FIN", app)
            let manage = "/plan/manage/\(plan.id!)"
            let noLead = try await admin.send(
                .POST, manage,
                form: [
                    ("_csrf", csrf), ("section", "五（一）"), ("title", "开展全民终身学习活动周"), ("due", "2015-11-30"),
                ])
            #expect(noLead.status == .unprocessableEntity && noLead.text.contains("请选择牵头单位"))
            #expect(
                try await admin.send(
                    .POST, manage,
                    form: [
                        ("_csrf", csrf), ("section", "五（一）"), ("title", "开展全民终身学习活动周"), ("deliverables", "活动总结"),
                        ("due", "2015-11-30"), ("lead", "\(edu.id!)"), ("participants[]", "\(edu.id!)"),
                        ("participants[]", "\(fin.id!)"),
                    ]
                )
                .status == .seeOther)
            let added = try #require(
                try await PlanItem.query(on: app.db).filter(\.$planID == plan.id!)
                    .filter(\.$section == "五（一）").first())
            #expect(added.position == items.count + 1)
            let links = try await PlanItemUnit.query(on: app.db).filter(\.$itemID == added.id!).all()
            #expect(
                links.count == 2 && links.contains { $0.organisationID == edu.id! && $0.isLead }
                    && links.contains { $0.organisationID == fin.id! && !$0.isLead })

            let edit = "/plan/items/\(added.id!)/edit"
            #expect(try await admin.send(.GET, edit).text.contains("开展全民终身学习活动周"))
            let badDate = try await admin.send(
                .POST, edit,
                form: [
                    ("_csrf", csrf), ("action", "save"), ("section", "五（一）"), ("title", "活动周"), ("due", "2015-13-01"),
                    ("lead", "\(edu.id!)"),
                ])
            #expect(badDate.status == .unprocessableEntity && badDate.text.contains("日期格式"))
            #expect(
                try await admin.send(
                    .POST, edit,
                    form: [
                        ("_csrf", csrf), ("action", "save"), ("section", "五（一）"), ("title", "开展终身学习活动周"),
                        ("due", "2015-10-31"),
                        ("lead", "\(fin.id!)"),
                    ]
                ).status == .seeOther)
            let edited = try #require(try await PlanItem.find(added.id!, on: app.db))
            #expect(edited.title == "开展终身学习活动周" && edited.dueOn == "2015-10-31")
            #expect(
                try await PlanItemUnit.query(on: app.db).filter(\.$itemID == added.id!).all().map(\.organisationID) == [
                    fin.id!
                ])

            #expect(try await admin.send(.POST, edit, form: [("_csrf", csrf), ("action", "up")]).status == .seeOther)
            let order = try await PlanItem.query(on: app.db).filter(\.$planID == plan.id!).sort(\.$position).all().map(
                \.id)
            #expect(order.suffix(2) == [added.id, items.last?.id])

            #expect(
                try await admin.send(.POST, edit, form: [("_csrf", csrf), ("action", "retire")]).status == .seeOther)
            #expect(try await PlanItem.find(added.id!, on: app.db)?.retiredAt != nil)
            #expect(!(try await admin.send(.GET, "/plan").text.contains("开展终身学习活动周")))
            let managed = try await admin.send(.GET, "/plan/manage?plan=\(plan.id!)").text
            #expect(managed.contains("已撤销的事项") && managed.contains("开展终身学习活动周"))

            let audited = try await AuditEvent.query(on: app.db).filter(\.$entityType ~~ ["work_plan", "plan_item"])
                .count()
            #expect(audited == 5)  // the plan, the item added, edited, moved, retired
        }
    }

    @Test("Items from a spreadsheet, units by name or code; a file with problems imports nothing, its rows listed")
    func importItems() async throws {
        try await withLearnCity { app in
            let (admin, csrf) = try await OfficeYearTests.admin(app)
            let plan = try #require(try await WorkPlan.query(on: app.db).filter(\.$year == 2014).first())
            let before = try await PlanItem.query(on: app.db).filter(\.$planID == plan.id!).count()
            func upload(_ csv: String) async throws -> TestingHTTPResponse {
                let (type, body) = LibraryTests.multipart([("_csrf", csrf)], file: ("plan.csv", Data(csv.utf8)))
                var headers = cookieHeaders(admin.cookies)
                headers.replaceOrAdd(name: .contentType, value: type)
                var captured: TestingHTTPResponse?
                try await app.testing().test(
                    .POST, "/plan/manage/\(plan.id!)/import", headers: headers,
                    body: ByteBuffer(data: body)
                ) { captured = $0 }
                return try #require(captured)
            }
            let bad = try await upload(
                """
                章节,事项,牵头单位,配合单位,成果,完成时限
                五（一）,举办学习成果展,市教育局,市财政局、MU-EDU,展览,2014-10-31
                五（二）,评选学习型家庭,不存在的局,,名单,2014-13-01
                """)
            #expect(
                bad.status == .unprocessableEntity && bad.text.contains("未知单位：不存在的局") && bad.text.contains("<td>3</td>")
            )
            #expect(bad.text.contains("完成时限不是日期"))
            #expect(try await PlanItem.query(on: app.db).filter(\.$planID == plan.id!).count() == before)
            let good = try await upload(
                """
                章节,事项,牵头单位,配合单位,成果,完成时限
                五（一）,举办学习成果展,MU-EDU,市财政局,展览,2014-10-31
                """)
            #expect(good.status == .seeOther)
            let item = try #require(
                try await PlanItem.query(on: app.db).filter(\.$planID == plan.id!).filter(\.$title == "举办学习成果展").first()
            )
            #expect(item.section == "五(一)")  // cells are normalised: full-width brackets as the demo writes them
            #expect(item.dueOn == "2014-10-31" && item.deliverables == "展览")
            let last = try await PlanItem.query(on: app.db).filter(\.$planID == plan.id!).sort(\.$position, .descending)
                .first()
            #expect(last?.id == item.id)  // appended after the plan's items
            let edu = try await OfficeYearTests.org("MU-EDU", app)
            let fin = try await OfficeYearTests.org("MU-FIN", app)
            let links = try await PlanItemUnit.query(on: app.db).filter(\.$itemID == item.id!).all()
            #expect(Set(links.map { "\($0.organisationID)\($0.isLead)" }) == ["\(edu.id!)true", "\(fin.id!)false"])
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$summary == "1 items imported into plan \(plan.id!)")
                    .count() == 1)
        }
    }
}
