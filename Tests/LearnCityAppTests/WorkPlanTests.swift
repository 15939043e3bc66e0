import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Work plan")
struct WorkPlanTests {
    @Test("The demo loads the 2014 plan once, every item with the units the seed names; a unit sees what it owes, late first")
    func demoPlan() async throws {
        try await withLearnCity { app in
            #expect(try await WorkPlan.query(on: app.db).count() == 1)
            #expect(try await PlanItem.query(on: app.db).count() == 14)   // 12 of the plan, 2 decided at the joint meeting
            _ = try await LearnCity.loadDemo(app)
            #expect(try await PlanItem.query(on: app.db).count() == 14)   // 12 of the plan, 2 decided at the joint meeting   // not twice
            let fin = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-FIN").first())
            let leads = try await PlanItemUnit.query(on: app.db).filter(\.$organisationID == fin.id!).filter(\.$isLead == true).count()
            #expect(leads == 2)   // 四(三) the special fund, 四(四) the half-yearly funds report
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.financeOfficer]!)
            try await app.testing().test(.GET, "/plan?mine=1", headers: headers) { res in
                #expect(res.status == .ok && res.text.contains("四(三)") && res.text.contains("四(四)") && !res.text.contains("三(一)"))
                #expect(res.text.contains("已逾期"))   // 2014's due dates have passed
            }
        }
    }

    @Test("A responsible unit reports progress (text required); others cannot; the office closes the item")
    func progress() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let item = try #require(try await PlanItem.query(on: app.db).filter(\.$section == "三(一)").first())
            var unit = HTTPHeaders()
            unit.bearerAuthorization = .init(token: world.callers[.memberUnitReporter]!)   // at 市教育局, the lead of 三(一)
            unit.contentType = .urlEncodedForm
            try await app.testing().test(.POST, "/plan/items/\(item.id!)", headers: unit, body: formBody([("text", " ")])) {
                #expect($0.status == .unprocessableEntity)
            }
            try await app.testing().test(.POST, "/plan/items/\(item.id!)", headers: unit,
                                         body: formBody([("text", "继续教育大学已挂牌"), ("figures", "学院 6 所"), ("done", "1")])) {
                #expect($0.status == .seeOther)
            }
            #expect(try await ProgressUpdate.query(on: app.db).count() == 1)
            #expect(try await PlanItem.find(item.id, on: app.db)?.doneOn == nil)   // a unit cannot close it
            let other = try #require(try await PlanItem.query(on: app.db).filter(\.$section == "四(三)").first())
            try await app.testing().test(.POST, "/plan/items/\(other.id!)", headers: unit, body: formBody([("text", "x")])) {
                #expect($0.status == .conflict)
            }
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let closed = try await admin.send(.POST, "/plan/items/\(item.id!)", form: [("_csrf", admin.cookies[CSRF.cookieName]!), ("text", "验收完成"), ("done", "1")])
            #expect(closed.status == .seeOther)
            #expect(try await PlanItem.find(item.id, on: app.db)?.doneOn != nil)
            #expect(try await admin.send(.GET, "/plan/items/\(item.id!)").text.contains("继续教育大学已挂牌"))
        }
    }
}

@Suite("Notices")
struct NoticesTests {
    @Test("The office issues a notice with a document number; units sign and reply; who has not is listed")
    func receipts() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first())
            let fin = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-FIN").first())
            let noUnits = try await admin.send(.POST, "/notices", form: [("_csrf", csrf), ("number", "达市继教办〔2014〕12号"), ("title", "报送季度报告")])
            #expect(noUnits.status == .unprocessableEntity && noUnits.text.contains("请至少选择一个单位"))
            let issued = try await admin.send(.POST, "/notices", form: [("_csrf", csrf), ("number", "达市继教办〔2014〕12号"), ("title", "报送季度报告"),
                                                                        ("body", "请于10月10日前报送。"), ("units[]", "\(edu.id!)"), ("units[]", "\(fin.id!)")])
            #expect(issued.status == .seeOther)
            let again = try await admin.send(.POST, "/notices", form: [("_csrf", csrf), ("number", "达市继教办〔2014〕12号"), ("title", "x"), ("units[]", "\(edu.id!)")])
            #expect(again.status == .unprocessableEntity && again.text.contains("该文号已使用"))
            let notice = try #require(try await Notice.query(on: app.db).filter(\.$number == "达市继教办〔2014〕12号").first())
            let receipt = try #require(try await NoticeReceipt.query(on: app.db).filter(\.$noticeID == notice.id!).filter(\.$organisationID == edu.id!).first())
            var unit = HTTPHeaders()
            unit.bearerAuthorization = .init(token: world.callers[.memberUnitReporter]!)   // 市教育局
            unit.contentType = .urlEncodedForm
            try await app.testing().test(.POST, "/notices/receipts/\(receipt.id!)", headers: unit, body: formBody([("reply", "已布置")])) {
                #expect($0.status == .seeOther)
            }
            let signed = try #require(try await NoticeReceipt.find(receipt.id, on: app.db))
            #expect(signed.signedAt != nil && signed.reply == "已布置")
            let page = try await admin.send(.GET, "/notices")
            #expect(page.text.contains("未签收的单位：市财政局"))
        }
    }
}
