import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Liaison officers")
struct LiaisonsTests {
    @Test("A unit names its own liaison officer: the mobile is validated, stored encrypted, shown masked; another unit's is refused")
    func setOwn() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let unit = world.callers[.memberUnitReporter]!   // 市教育局
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first()?.id)
            let fin = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-FIN").first()?.id)
            let before = try await LiaisonOfficer.query(on: app.db).count()
            let fields = [("organisation", "\(edu)"), ("name", "测试联络员"), ("post", "科员"), ("office_phone", "0818-2100099")]

            let badMobile = try await meetingsRequest(app, unit, .POST, "/liaisons", fields + [("mobile", "1380000")])
            #expect(badMobile.status == .unprocessableEntity && badMobile.text.contains("mobile-error") && badMobile.text.contains("手机号码应为 11 位"))
            let noPhone = try await meetingsRequest(app, unit, .POST, "/liaisons", [("organisation", "\(edu)"), ("name", "测试联络员")])
            #expect(noPhone.status == .unprocessableEntity && noPhone.text.contains("请至少填写一个电话"))
            let other = try await meetingsRequest(app, unit, .POST, "/liaisons", [("organisation", "\(fin)"), ("name", "冒名"), ("mobile", "13800001234")])
            #expect(other.status == .conflict)
            #expect(try await LiaisonOfficer.query(on: app.db).count() == before)

            let saved = try await meetingsRequest(app, unit, .POST, "/liaisons", fields + [("mobile", "138 0000 1234")])
            #expect(saved.status == .seeOther)
            let officer = try #require(try await LiaisonOfficer.query(on: app.db).filter(\.$name == "测试联络员").first())
            #expect(officer.organisationID == edu && officer.officePhone == "0818-2100099")
            let cipher = try #require(officer.mobileCipher)
            #expect(!cipher.contains("13800001234") && officer.mobileMasked == "138****1234")
            #expect(try app.learnCity.vault.open(cipher) == "13800001234")
            let page = try await meetingsRequest(app, unit, .GET, "/liaisons")
            #expect(page.status == .ok && page.text.contains("138****1234") && !page.text.contains("13800001234"))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityType == "liaison_officer").all()
            #expect(audit.count == 1 && !audit[0].summary.contains("13800001234"))
        }
    }

    @Test("Revealing a mobile is audited; roles without the right get 404; the office sees which units have no officer")
    func revealAndRemove() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let edu = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first()?.id)
            let officer = try #require(try await LiaisonOfficer.query(on: app.db).filter(\.$organisationID == edu).first())   // demo data
            let full = try app.learnCity.vault.open(try #require(officer.mobileCipher))
            let path = "/liaisons/\(officer.id!)/reveal"
            for role in [Role.memberUnitReporter, .centreAdmin, .teacher, .financeOfficer] {
                let refused = try await meetingsRequest(app, world.callers[role]!, .POST, path)
                #expect(refused.status == .notFound, "\(role)")
                #expect(!refused.text.contains(full))
            }
            // A county admin reveals within its county only: 市教育局's officer is not theirs to show.
            let county = try await meetingsRequest(app, world.callers[.countyAdmin]!, .POST, path)
            #expect(county.status == .conflict && !county.text.contains(full))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == .reveal).count() == 0)
            let shown = try await meetingsRequest(app, world.callers[.cityOffice]!, .POST, path)
            #expect(shown.status == .ok && shown.text.contains(full))
            let reveals = try await AuditEvent.query(on: app.db).filter(\.$action == .reveal).filter(\.$entityType == "liaison_officer").all()
            #expect(reveals.count == 1 && reveals[0].entityID == String(officer.id!) && !reveals[0].summary.contains(full))
            #expect(try await meetingsRequest(app, world.callers[.cityOffice]!, .POST, "/liaisons/999999/reveal").status == .notFound)

            let directory = try await meetingsRequest(app, world.callers[.cityOffice]!, .GET, "/liaisons")
            #expect(directory.text.contains("尚未报送联络员的单位") && directory.text.contains("达州日报社"))
            #expect(!directory.text.contains(full))

            // Removing: not another unit's officer; the unit's own, which keeps the row and drops the mobile.
            #expect(try await meetingsRequest(app, world.callers[.financeOfficer]!, .POST, "/liaisons/\(officer.id!)/remove").status == .conflict)
            #expect(try await LiaisonOfficer.find(officer.id, on: app.db)?.removedAt == nil)
            #expect(try await meetingsRequest(app, world.callers[.memberUnitReporter]!, .POST, "/liaisons/\(officer.id!)/remove").status == .seeOther)
            let removed = try #require(try await LiaisonOfficer.find(officer.id, on: app.db))
            #expect(removed.removedAt != nil && removed.mobileCipher == nil)
            let after = try await meetingsRequest(app, world.callers[.cityOffice]!, .GET, "/liaisons")
            #expect(after.status == .ok && !after.text.contains(officer.name))
        }
    }
}
