import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Supervision and assessment")
struct SupervisionAppTests {
    static func org(_ code: String, _ app: Application) async throws -> Organisation {
        try #require(try await Organisation.query(on: app.db).filter(\.$code == code).first())
    }

    static func bearer(_ world: ScopeFixture, _ role: Role) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: world.callers[role]!)
        headers.contentType = .urlEncodedForm
        return headers
    }

    @Test("The office records a draft (bad lines → 422 by line), a unit cannot see it until published; the inspected unit answers, another unit gets 409; the office closes")
    func inspection() async throws {
        try await withLearnCity { app in
            try await SupervisionLoader.loadDemo(on: app.db)
            try await SupervisionLoader.loadDemo(on: app.db)   // not twice
            #expect(try await Inspection.query(on: app.db).count() == 2)
            #expect(try await Rectification.query(on: app.db).filter(\.$state == .closed).count() == 1)
            let world = try await ScopeFixture.build(app)
            let xuanhan = try await Self.org("CL-511722", app)   // the county admin's home
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let fields = [("_csrf", csrf), ("date", "2014-11-20"), ("organisation", "\(xuanhan.id!)"), ("inspectors", "督导组"), ("findings", "台账不全")]
            let bad = try await admin.send(.POST, "/inspections", form: fields + [("rectifications", "完善台账 | 2014-12-31\n补录档案 2014-12-31")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("第 2 行"))
            let noDate = try await admin.send(.POST, "/inspections", form: Array(fields.dropFirst(2)) + [("_csrf", csrf)])
            #expect(noDate.status == .unprocessableEntity && noDate.text.contains("请填写有效日期"))
            #expect(try await Inspection.query(on: app.db).count() == 2)
            let created = try await admin.send(.POST, "/inspections", form: fields + [("rectifications", "完善台账 | 2014-12-31")])
            #expect(created.status == .seeOther)
            let inspection = try #require(try await Inspection.query(on: app.db).filter(\.$inspectedOn == "2014-11-20").first())
            let rectification = try #require(try await Rectification.query(on: app.db).filter(\.$inspectionID == inspection.id!).first())
            let unit = Self.bearer(world, .countyAdmin), other = Self.bearer(world, .memberUnitReporter)

            // A draft does not exist for the unit.
            try await app.testing().test(.GET, "/inspections/\(inspection.id!)", headers: unit) { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/inspections", headers: unit) { #expect(!$0.text.contains("2014-11-20")) }
            try await app.testing().test(.POST, "/rectifications/\(rectification.id!)", headers: unit,
                                         body: formBody([("action", "answer"), ("text", "已完善")])) { #expect($0.status == .notFound) }
            #expect(try await admin.send(.POST, "/inspections/\(inspection.id!)", form: [("_csrf", csrf), ("action", "publish")]).status == .seeOther)
            try await app.testing().test(.GET, "/inspections", headers: unit) { res in
                #expect(res.status == .ok && res.text.contains("本单位待整改事项") && res.text.contains("完善台账"))
            }

            // Another unit may read it but not answer; the inspected unit must say what it did.
            try await app.testing().test(.GET, "/inspections/\(inspection.id!)", headers: other) { #expect($0.status == .ok) }
            try await app.testing().test(.POST, "/rectifications/\(rectification.id!)", headers: other,
                                         body: formBody([("action", "answer"), ("text", "x")])) { #expect($0.status == .conflict) }
            try await app.testing().test(.POST, "/rectifications/\(rectification.id!)", headers: unit,
                                         body: formBody([("action", "answer"), ("text", " ")])) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains("请写明整改情况"))
            }
            #expect(try await Rectification.find(rectification.id, on: app.db)?.state == .open)
            try await app.testing().test(.POST, "/rectifications/\(rectification.id!)", headers: unit,
                                         body: formBody([("action", "answer"), ("text", "已建立台账并补录")])) { #expect($0.status == .seeOther) }
            try await app.testing().test(.POST, "/rectifications/\(rectification.id!)", headers: unit,
                                         body: formBody([("action", "close")])) { #expect($0.status == .conflict) }
            #expect(try await Rectification.find(rectification.id, on: app.db)?.state == .answered)
            let closed = try await admin.send(.POST, "/rectifications/\(rectification.id!)", form: [("_csrf", csrf), ("action", "close")])
            #expect(closed.status == .seeOther)
            let after = try #require(try await Rectification.find(rectification.id, on: app.db))
            #expect(after.state == .closed && after.closedOn != nil && after.answer == "已建立台账并补录")
            #expect(try await admin.send(.GET, "/inspections/\(inspection.id!)").text.contains("已建立台账并补录"))
        }
    }

    @Test("Scores outside 0…weight are refused with nothing written; totals rank with ties; automatic scores come from the work plan")
    func scores() async throws {
        try await withLearnCity { app in
            try await SupervisionLoader.loadDemo(on: app.db)
            let scheme = try #require(try await AssessmentScheme.query(on: app.db).filter(\.$year == 2014).first())
            let criteria = try await AssessmentCriterion.query(on: app.db).filter(\.$schemeID == scheme.id!).sort(\.$position).all()
            #expect(criteria.map(\.weight) == [30, 20, 30, 20])
            let (targets, rectified) = (criteria[2].id!, criteria[3].id!)
            let edu = try await Self.org("MU-EDU", app).id!, fin = try await Self.org("MU-FIN", app).id!, xh = try await Self.org("CL-511722", app).id!
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let base = [("_csrf", csrf), ("action", "scores"), ("year", "2014")]
            let bad = try await admin.send(.POST, "/assessment", form: base + [("s\(targets)_\(edu)", "31"), ("s\(targets)_\(fin)", "20")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("应为 0 至 30 的数字"))
            #expect(try await AssessmentScore.query(on: app.db).count() == 0)
            let good = try await admin.send(.POST, "/assessment", form: base + [
                ("s\(targets)_\(edu)", "28"), ("s\(rectified)_\(edu)", "15"), ("s\(targets)_\(fin)", "28"), ("s\(rectified)_\(fin)", "15"),
                ("s\(targets)_\(xh)", "29.5")])
            #expect(good.status == .seeOther)
            #expect(try await AssessmentScore.query(on: app.db).count() == 5)
            let page = try await admin.send(.GET, "/assessment?year=2014").text
            let start = try #require(page.range(of: "id=\"ranking\""))
            let table = String(page[start.lowerBound...])
            let positions = ["市教育局", "市财政局", "宣汉县继续教育工作领导小组"].map { table.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil } && positions[0]! < positions[2]! && positions[1]! < positions[2]!)
            #expect(table.contains("<td>1</td><td>市教育局</td>") && table.contains("<td>1</td><td>市财政局</td>") && table.contains("<td>3</td><td>宣汉县"))

            // Every plan item done: every unit the plan names scores the full 30 on 工作要点任务完成.
            for item in try await PlanItem.query(on: app.db).all() { item.doneOn = "2014-12-20"; try await item.update(on: app.db) }
            #expect(try await admin.send(.POST, "/assessment", form: [("_csrf", csrf), ("action", "compute"), ("year", "2014")]).status == .seeOther)
            let planDone = try await AssessmentScore.query(on: app.db).filter(\.$criterionID == criteria[0].id!).filter(\.$organisationID == edu).first()
            #expect(planDone?.tenths == 300)
        }
    }

    @Test("The ranking and advanced units reach a unit only once published; then nothing changes")
    func advancedUnits() async throws {
        try await withLearnCity { app in
            try await SupervisionLoader.loadDemo(on: app.db)
            let world = try await ScopeFixture.build(app)
            let edu = try await Self.org("MU-EDU", app).id!
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let noReason = try await admin.send(.POST, "/assessment", form: [("_csrf", csrf), ("action", "advanced"), ("year", "2014"), ("units[]", "\(edu)")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("请填写评定理由"))
            let marked = try await admin.send(.POST, "/assessment", form: [("_csrf", csrf), ("action", "advanced"), ("year", "2014"),
                                                                           ("units[]", "\(edu)"), ("reason_\(edu)", "工作要点任务全部完成")])
            #expect(marked.status == .seeOther)
            #expect(try await AdvancedUnit.query(on: app.db).count() == 1)
            let unit = Self.bearer(world, .financeOfficer)
            try await app.testing().test(.GET, "/assessment?year=2014", headers: unit) { res in
                #expect(res.status == .ok && res.text.contains("考核结果尚未公布") && !res.text.contains("工作要点任务全部完成"))
            }
            #expect(try await admin.send(.POST, "/assessment", form: [("_csrf", csrf), ("action", "publish"), ("year", "2014")]).status == .seeOther)
            try await app.testing().test(.GET, "/assessment?year=2014", headers: unit) { res in
                #expect(res.status == .ok && res.text.contains("工作要点任务全部完成") && res.text.contains("id=\"ranking\""))
                #expect(!res.text.contains("name=\"action\""))   // no forms for a unit
            }
            let late = try await admin.send(.POST, "/assessment", form: [("_csrf", csrf), ("action", "advanced"), ("year", "2014"), ("units[]", "\(edu)"),
                                                                         ("reason_\(edu)", "改")])
            #expect(late.status == .conflict)
            #expect(try await AdvancedUnit.query(on: app.db).first()?.reason == "工作要点任务全部完成")
            // Closing and renaming the advanced unit later does not move the published results.
            let closed = try await Self.org("MU-EDU", app)
            (closed.closedAt, closed.nameZh) = (Date(), "市教育和体育局")
            try await closed.update(on: app.db)
            try await app.testing().test(.GET, "/assessment?year=2014", headers: unit) { res in
                #expect(res.text.contains("市教育局") && !res.text.contains("市教育和体育局"))
            }
        }
    }
}
