import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Importing organisations; merging duplicate people; external ids")
struct NetworkImportAndMergeTests {
    func post(_ app: Application, _ kind: String, _ csv: String, query: String = "", token: String)
        async throws -> (HTTPResponseStatus, ImportTests.Summary) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        var result: (HTTPResponseStatus, ImportTests.Summary)?
        try await app.testing().test(.POST, "/api/v1/imports/\(kind)?\(query)", headers: headers, body: ByteBuffer(string: csv)) { res in
            result = (res.status, try JSONDecoder().decode(ImportTests.Summary.self, from: Data(res.text.utf8)))
        }
        return try #require(result)
    }

    // A village centre listed before the college it hangs under; an existing centre renamed and
    // no longer a demonstration centre; a parent nobody knows; a row out of the county admin's scope.
    static let orgs = """
    编码,名称,类型,上级,区县,示范,负责人
    XH-V1,宣汉县某村继续教育中心,村级中心,XH-C2,,否,李主任
    XH-C2,宣汉县第二学院,继续教育学院,CEU,宣汉县,,
    DC-04,宣汉县东乡街道社区学习中心,社区继续教育中心,,,否,
    XH-X,不知挂在哪里,培训机构,火星学院,宣汉县,,
    """

    @Test("Organisations import in any order, update and move existing ones, and undo as a whole")
    func importOrganisations() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let token = world.callers[.cityOffice]!
            let (dryStatus, dry) = try await post(app, "orgs", Self.orgs, query: "dryRun=true", token: token)
            #expect(dryStatus == .ok && dry.dryRun && dry.imported == 2 && dry.updated == 1 && dry.conflictRows == 1)
            #expect(dry.conflicts.map(\.code) == ["unknown_parent"] && dry.conflicts[0].row == 5)
            #expect(try await Organisation.query(on: app.db).filter(\.$code == "XH-V1").count() == 0)

            let (_, summary) = try await post(app, "orgs", Self.orgs, token: token)
            #expect(summary.imported == 2 && summary.updated == 1 && summary.status == "warning")
            let college = try #require(try await Organisation.query(on: app.db).filter(\.$code == "XH-C2").first())
            let village = try #require(try await Organisation.query(on: app.db).filter(\.$code == "XH-V1").first())
            #expect(village.parentID == college.id && village.path.hasPrefix(college.path) && village.regionCode == "511722")
            #expect(village.kind == .villageCentre && village.director == "李主任")
            let renamed = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            #expect(renamed.nameZh == "宣汉县东乡街道社区学习中心" && !renamed.isDemonstration)

            let (_, again) = try await post(app, "orgs", Self.orgs, token: token)
            #expect(again.imported == 0 && again.updated == 0 && again.ignored == 3)

            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            try await app.testing().test(.POST, "/api/v1/imports/\(summary.importId!)/undo", headers: headers) { #expect($0.status == .ok) }
            #expect(try await Organisation.query(on: app.db).filter(\.$code ~~ ["XH-V1", "XH-C2"]).count() == 0)
            let restored = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            #expect(restored.nameZh == "宣汉县东乡街道继续教育中心" && restored.isDemonstration)
        }
    }

    @Test("A county admin's organisation import cannot touch other counties, and does not reveal them")
    func organisationScope() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let csv = "编码,名称,类型,上级\nDC-08,渠县改名,村级中心,\nQX-NEW,渠县新中心,村级中心,CEC-511725\n"
            let (_, summary) = try await post(app, "orgs", csv, token: world.callers[.countyAdmin]!)
            #expect(summary.ignored == 1 && summary.imported == 0 && summary.conflicts.map(\.code) == ["unknown_parent"])
            // Under its own college, but placed in another county: refused.
            let elsewhere = "编码,名称,类型,上级,区县\nXH-Q,挂错县的中心,村级中心,CL-511722,渠县\n"
            let (_, misplaced) = try await post(app, "orgs", elsewhere, token: world.callers[.countyAdmin]!)
            #expect(misplaced.imported == 0 && misplaced.conflicts.map(\.code) == ["region_out_of_scope"])
            #expect(try await Organisation.query(on: app.db).filter(\.$code == "DC-08").first()?.nameZh == "渠县三汇镇村级继续教育中心")
        }
    }

    @Test("Merging moves accounts and external ids to the survivor; the merged registration stays, out of every list")
    func merge() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            // The same human registered again under a mistyped resident ID (same name, birth date, phone).
            let input = PersonService.Input(name: "宣汉人", residentID: "511722199001011253", phone: "13812345678", gender: nil, region: "511722")
            let typo = try await PersonService.create(input, id: try ResidentID(input.residentID), phone: MobileNumber(input.phone),
                                                      region: RegionCode("511722")!, vault: app.learnCity.vault, actor: .commandLine, on: app.db)
            let kept = try #require(try await Person.find(world.xuanhanPerson, on: app.db))
            let provider = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            let link = PersonExternalID()
            (link.personID, link.providerID, link.externalID) = (typo.id!, provider.id!, "u-42")
            try await link.create(on: app.db)
            let citizen = try await User.query(on: app.db).first()!
            citizen.personID = typo.id
            try await citizen.update(on: app.db)

            let report = try await admin.send(.GET, "/people/duplicates")
            #expect(report.status == .ok && report.text.contains("511722********1237") && report.text.contains("511722********1253"))
            let page = try await admin.send(.GET, "/people/\(kept.id!)")
            #expect(page.text.contains(#"id="possible-duplicates""#))
            let csrf = admin.cookies[CSRF.cookieName]!
            let noReason = try await admin.send(.POST, "/people/merge", form: [("_csrf", csrf), ("keep", "\(kept.id!)"), ("members[]", "\(kept.id!)"),
                                                                               ("members[]", "\(typo.id!)"), ("reason", " ")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("请填写合并理由"))
            let merged = try await admin.send(.POST, "/people/merge", form: [("_csrf", csrf), ("keep", "\(kept.id!)"), ("members[]", "\(kept.id!)"),
                                                                             ("members[]", "\(typo.id!)"), ("reason", "身份证号录错")])
            #expect(merged.status == .seeOther)
            #expect(try await PersonExternalID.query(on: app.db).first()?.personID == kept.id)
            #expect(try await User.find(citizen.id, on: app.db)?.personID == kept.id)
            #expect(try await Person.find(typo.id, on: app.db)?.mergedIntoID == kept.id)
            #expect(try await admin.send(.GET, "/people/\(typo.id!)").status == .notFound)
            #expect(try await admin.send(.GET, "/people?q=宣汉人").text.contains("共 1 人"))
            #expect(try await PersonMerge.query(on: app.db).count() == 1)
            #expect(!(try await admin.send(.GET, "/people/duplicates").text.contains("511722********1253")))

            // The merged registration's ID, imported again, is ignored: the survivor speaks for it.
            let csv = "姓名,身份证号,区县\n宣汉人甲,511722199001011253,宣汉县\n"
            let (_, summary) = try await post(app, "people", csv, token: world.callers[.cityOffice]!)
            #expect(summary.ignored == 1 && summary.imported == 0)
        }
    }

    @Test("External ids: added on the person's page, one person per provider id")
    func externalIDs() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let provider = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            let csrf = admin.cookies[CSRF.cookieName]!
            let added = try await admin.send(.POST, "/people/\(world.xuanhanPerson)/external-ids",
                                             form: [("_csrf", csrf), ("provider", "\(provider.id!)"), ("externalID", "dx-001")])
            #expect(added.status == .seeOther)
            #expect(try await admin.send(.GET, "/people/\(world.xuanhanPerson)").text.contains("dx-001"))
            let taken = try await admin.send(.POST, "/people/\(world.quPerson)/external-ids",
                                             form: [("_csrf", csrf), ("provider", "\(provider.id!)"), ("externalID", "dx-001")])
            #expect(taken.status == .conflict && taken.text.contains("已对应另一个人"))
            let empty = try await admin.send(.POST, "/people/\(world.quPerson)/external-ids",
                                             form: [("_csrf", csrf), ("provider", "\(provider.id!)"), ("externalID", "")])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await PersonExternalID.query(on: app.db).count() == 1)
        }
    }
}
