import Fluent
import Foundation
import LearnCityCore
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Organisations: create, move with history, close")
struct OrganisationEditingTests {
    @Test("A new centre with a child moves with its subtree, keeps where it hung, refuses a cycle, and closes")
    func lifecycle() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            func org(_ code: String) async throws -> Organisation { try #require(try await Organisation.query(on: app.db).filter(\.$code == code).first()) }
            let college = try await org("CEC-511722")
            let token = admin.cookies[CSRF.cookieName]!
            let missing = try await admin.send(.POST, "/organisations", form: [("_csrf", token), ("nameZh", ""), ("code", "X")])
            #expect(missing.status == .unprocessableEntity && missing.text.contains(#"id="nameZh-error""#))
            let created = try await admin.send(.POST, "/organisations", form: [
                ("_csrf", token), ("nameZh", "南坝镇社区中心"), ("nameEn", "Nanba Centre"), ("code", "NB-01"),
                ("kind", "community_centre"), ("parent", String(college.id!)), ("region", "511722"), ("director", "李老师")])
            #expect(created.status == .seeOther)
            let centre = try await org("NB-01")
            #expect(centre.path.hasPrefix(college.path) && centre.depth == college.depth + 1 && centre.director == "李老师")
            let child = try await OrganisationService.create(code: "NB-01-A", kind: .villageCentre, nameZh: "村点", nameEn: "Village",
                                                             region: RegionCode("511722")!, parent: centre, demonstration: false,
                                                             director: nil, actor: .commandLine, on: app.db)
            let duplicate = try await admin.send(.POST, "/organisations", form: [
                ("_csrf", token), ("nameZh", "重复"), ("nameEn", "Dup"), ("code", "NB-01"), ("kind", "community_centre"),
                ("parent", String(college.id!)), ("region", "511722")])
            #expect(duplicate.text.contains("该代码已被使用"))

            let target = try await org("CEC-511725")
            let moved = try await admin.send(.POST, "/organisations/\(centre.id!)/move", form: [("_csrf", token), ("parent", String(target.id!))])
            #expect(moved.status == .seeOther)
            let movedCentre = try await org("NB-01"), movedChild = try #require(try await Organisation.find(child.id, on: app.db))
            #expect(movedCentre.parentID == target.id && movedCentre.path.hasPrefix(target.path))
            #expect(movedChild.path.hasPrefix(movedCentre.path) && movedChild.depth == movedCentre.depth + 1)
            let history = try await OrganisationMove.query(on: app.db).all()
            #expect(history.count == 1 && history[0].fromParentID == college.id && history[0].fromPath == centre.path)
            let detail = try await admin.send(.GET, "/organisations/\(centre.id!)")
            #expect(detail.text.contains("隶属变更记录"))

            let cycle = try await admin.send(.POST, "/organisations/\(centre.id!)/move", form: [("_csrf", token), ("parent", String(child.id!))])
            #expect(cycle.status == .conflict)

            _ = try await admin.send(.POST, "/organisations/\(centre.id!)/close", form: [("_csrf", token)])
            #expect(try await org("NB-01").closedAt != nil)
            let portal = try await admin.send(.GET, "/")
            #expect(!portal.text.contains("南坝镇社区中心"))
        }
    }
}

@Suite("Exports")
struct ExportTests {
    @Test("Organisations and people export to CSV and XLSX within the caller's scope, and each export is audited")
    func scopedExports() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.countyAdmin]!)
            for path in ["/organisations/export?format=xlsx", "/people/export.csv?format=xlsx"] {
                try await app.testing().test(.GET, path, headers: headers) { res in
                    #expect(res.status == .ok && res.headers.contentType?.subType.contains("spreadsheetml") == true)
                    let sheet = try Sheet.read(Data(buffer: res.body))
                    let text = sheet.rows.flatMap(\.cells).map(\.text).joined(separator: "|")
                    #expect(!text.contains("渠县") && !text.contains("511725********"), "\(path)")
                    #expect(text.contains("宣汉"), "\(path)")
                }
            }
            try await app.testing().test(.GET, "/organisations/export", headers: headers) { res in
                #expect(res.text.hasPrefix("\u{FEFF}") && res.text.contains("宣汉县继续教育学院") && !res.text.contains("渠县继续教育学院"))
            }
            let exports = try await AuditEvent.query(on: app.db).filter(\.$action == .export).count()
            #expect(exports == 3)
        }
    }
}

@Suite("Expert database")
struct ExpertTests {
    @Test("Experts are added with a masked phone and found by two-character Chinese words and by field")
    func searchByBigram() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let token = admin.cookies[CSRF.cookieName]!
            for (name, fields, keywords) in [("周教授", "法律", "民商法 合同纠纷"), ("吴经理", "金融", "家庭理财 投资"), ("郑老师", "教育", "社区教育 坝坝舞")] {
                let res = try await admin.send(.POST, "/experts", form: [("_csrf", token), ("name", name), ("title", "教授"),
                    ("affiliation", "四川文理学院"), ("fields", fields), ("keywords", keywords), ("phone", "13800001111"), ("availability", "周末")])
                #expect(res.status == .seeOther)
            }
            let bad = try await admin.send(.POST, "/experts", form: [("_csrf", token), ("name", ""), ("phone", "12")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains(#"id="phone-error""#))
            func names(_ query: String) async throws -> [String] {
                let page = try await admin.send(.GET, "/experts?" + query).text
                return ["周教授", "吴经理", "郑老师"].filter { page.contains("<td>\($0)</td>") }
            }
            #expect(try await names("q=%E6%B3%95%E5%BE%8B") == ["周教授"])          // 法律
            #expect(try await names("q=%E9%87%91%E8%9E%8D") == ["吴经理"])          // 金融
            #expect(try await names("q=%E7%90%86%E8%B4%A2") == ["吴经理"])          // 理财
            #expect(try await names("q=%E6%95%99%E8%82%B2") == ["郑老师"])          // 教育
            #expect(try await names("field=%E6%B3%95%E5%BE%8B") == ["周教授"])
            #expect(try await names("q=%E5%BE%8B%E5%B8%88").isEmpty)                 // 律师
            let page = try await admin.send(.GET, "/experts").text
            #expect(page.contains("138****1111") && !page.contains("13800001111"))
        }
    }
}

@Suite("Teaching corps and volunteers")
struct TeacherTests {
    @Test("A centre adds a volunteer, logs service; totals per county and unit; another county sees nothing")
    func corps() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.centreAdmin]!)
            headers.contentType = .urlEncodedForm
            let college = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            var location = ""
            try await app.testing().test(.POST, "/teachers", headers: headers, body: formBody([
                ("name", "王志愿"), ("kind", "volunteer"), ("organisation", String(college.id!)), ("subjects", "健康坝坝舞"),
                ("phone", "13700001111"), ("doubleReporting", "1")])) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            for (contribution, hours, amount) in [("teaching", "12", "0"), ("money", "0", "500"), ("equipment", "0", "1200")] {
                try await app.testing().test(.POST, location + "/service", headers: headers, body: formBody([
                    ("date", "2014-07-01"), ("contribution", contribution), ("hours", hours), ("amount", amount)])) { res in
                    #expect(res.status == .seeOther)
                }
            }
            try await app.testing().test(.POST, location + "/service", headers: headers, body: formBody([
                ("date", "2014-02-30x"), ("contribution", "teaching"), ("hours", "5000")])) { res in
                #expect(res.status == .unprocessableEntity && res.text.contains(#"id="date-error""#) && res.text.contains(#"id="hours-error""#))
            }
            try await app.testing().test(.GET, "/teachers", headers: headers) { res in
                #expect(res.text.contains("王志愿") && res.text.contains("双报到党员") && res.text.contains("按区县合计"))
                #expect(res.text.contains("<td>宣汉县</td><td>0</td><td>0</td><td>2</td><td>12</td><td>500</td><td>1,200</td>"))
                #expect(!res.text.contains("13700001111"))
            }
            var quHeaders = HTTPHeaders()
            quHeaders.bearerAuthorization = .init(token: world.callers[.memberUnitReporter]!)
            try await app.testing().test(.GET, "/teachers", headers: quHeaders) { res in
                #expect(!res.text.contains("王志愿"))
            }
            try await app.testing().test(.GET, location, headers: quHeaders) { #expect($0.status == .notFound) }
        }
    }
}
