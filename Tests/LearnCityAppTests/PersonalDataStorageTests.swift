import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Personal data at rest, reveal, audit, backup")
struct PersonalDataStorageTests {
    /// A temporary data directory with a key file, and a config that uses a SQLite file in it.
    func fileConfig() throws -> (AppConfig, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lc-pd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var config = try AppConfig.testing()
        config.dataDirectory = directory
        config.database = .sqlite(path: directory.appendingPathComponent("learncity.sqlite").path)
        config.secretKey = try KeyFile.loadOrCreate(in: directory).key
        return (config, directory)
    }

    func app(_ config: AppConfig) async throws -> Application {
        TestLogging.bootstrap()
        let app = try await Application.make(.testing)
        try LearnCity.configure(app, config: config)
        return app
    }

    @Test("The database file never holds a resident ID or phone number in plain text; the key file is 0600")
    func rawFile() async throws {
        guard !isPostgresRun else { return } // a file-level check: SQLite only
        let (config, directory) = try fileConfig()
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await app(config)
        do {
            _ = try await LearnCity.prepare(app)
            _ = try await ScopeFixture.build(app)
            try await (app.db as! any SQLDatabase).raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        } catch { try? await app.asyncShutdown(); throw error }
        try await app.asyncShutdown()
        var bytes = Data()
        for suffix in ["", "-wal"] {
            bytes += (try? Data(contentsOf: URL(fileURLWithPath: config.dataDirectory.appendingPathComponent("learncity.sqlite" + suffix).path))) ?? Data()
        }
        #expect(bytes.count > 10_000)
        for secret in [ScopeFixture.xuanhanID, ScopeFixture.quID, "13812345678", "199001011237"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) found in the database file")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(KeyFile.name).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("With another key, LearnCity refuses to start on the same data")
    func keyMismatch() async throws {
        guard !isPostgresRun else { return }
        let (config, directory) = try fileConfig()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await app(config)
        _ = try await LearnCity.prepare(first)
        try await first.asyncShutdown()
        var other = config
        other.secretKey = PersonalDataCrypto.generateKey()
        let second = try await app(other)
        await #expect(throws: StartupError.self) { _ = try await LearnCity.prepare(second) }
        try await second.asyncShutdown()
    }

    @Test("A backup (database + key) restores into a fresh directory with readable personal data")
    func backupAndRestore() async throws {
        guard !isPostgresRun else { return }
        let (config, directory) = try fileConfig()
        let restoredDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lc-restore-\(UUID().uuidString)")
        defer { for url in [directory, restoredDirectory] { try? FileManager.default.removeItem(at: url) } }
        let source = try await app(config)
        var written: [String] = []
        do {
            _ = try await LearnCity.prepare(source)
            _ = try await ScopeFixture.build(source)
            // A library file, stored by its hash: the backup carries it too.
            let stored = ResourceStore.path(of: "ab" + String(repeating: "0", count: 62), source)
            try FileManager.default.createDirectory(at: stored.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("video".utf8).write(to: stored)
            written = try await LearnCity.backup(source, into: directory.appendingPathComponent("backup"))
        } catch { try? await source.asyncShutdown(); throw error }
        try await source.asyncShutdown()
        #expect(written.count == 3 && written.contains { $0.hasSuffix(KeyFile.name) })
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("backup/resources/ab/ab" + String(repeating: "0", count: 62)).path))

        // Restore as the README says: the .sqlite file as learncity.sqlite, the key file beside it.
        try FileManager.default.createDirectory(at: restoredDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: written.first { $0.hasSuffix(".sqlite") }!,
                                         toPath: restoredDirectory.appendingPathComponent("learncity.sqlite").path)
        try FileManager.default.copyItem(atPath: written.first { $0.hasSuffix(KeyFile.name) }!,
                                         toPath: restoredDirectory.appendingPathComponent(KeyFile.name).path)
        var restored = config
        restored.dataDirectory = restoredDirectory
        restored.database = .sqlite(path: restoredDirectory.appendingPathComponent("learncity.sqlite").path)
        restored.secretKey = try KeyFile.loadOrCreate(in: restoredDirectory).key
        let target = try await app(restored)
        do {
            _ = try await LearnCity.prepare(target)
            let person = try #require(try await Person.query(on: target.db).filter(\.$name == "宣汉人").first())
            #expect(try target.learnCity.vault.open(person.residentIDCipher) == ScopeFixture.xuanhanID)
        } catch { try? await target.asyncShutdown(); throw error }
        try await target.asyncShutdown()
    }

    @Test("Pages show masked numbers; a reveal shows them once and is audited without plaintext")
    func revealIsAudited() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let page = try await admin.send(.GET, "/people/\(world.xuanhanPerson)")
            #expect(page.text.contains("511722********1237") && page.text.contains("138****5678"))
            #expect(!page.text.contains(ScopeFixture.xuanhanID))
            let revealed = try await admin.send(.POST, "/people/\(world.xuanhanPerson)/reveal", form: [("_csrf", admin.cookies[CSRF.cookieName]!)])
            #expect(revealed.text.contains(ScopeFixture.xuanhanID) && revealed.text.contains("13812345678"))
            let export = try await admin.send(.GET, "/people/export.csv")
            #expect(export.text.hasPrefix("\u{FEFF}") && export.text.contains("511722********1237") && !export.text.contains(ScopeFixture.xuanhanID))

            let events = try await AuditEvent.query(on: app.db).all()
            #expect(events.contains { $0.action == .reveal && $0.entityID == String(world.xuanhanPerson) && $0.actorName == "admin" })
            #expect(events.contains { $0.action == .export })
            #expect(events.contains { $0.action == .signIn })
            for event in events {
                #expect(!event.summary.contains(ScopeFixture.xuanhanID) && !event.summary.contains("13812345678"))
            }
            let log = try await admin.send(.GET, "/admin/audit?action=reveal")
            #expect(log.status == .ok && log.text.contains("<td>查看完整号码</td>") && !log.text.contains("<td>登录</td>"))
        }
    }

    @Test("Creating a person validates every field and refuses a duplicate ID; editing keeps the masked phone")
    func createAndEdit() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let token = admin.cookies[CSRF.cookieName]!
            let bad = try await admin.send(.POST, "/people", form: [("_csrf", token), ("name", ""), ("residentID", "511722199002301234"),
                                                                   ("phone", "1381234"), ("gender", "female"), ("region", "511722")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains(#"id="name-error""#) && bad.text.contains("出生日期无效") && bad.text.contains(#"id="phone-error""#))
            let good = try await admin.send(.POST, "/people", form: [("_csrf", token), ("name", "张三"), ("residentID", ScopeFixture.xuanhanID),
                                                                    ("phone", "13812345678"), ("gender", "male"), ("region", "511722")])
            #expect(good.status == .seeOther)
            let duplicate = try await admin.send(.POST, "/people", form: [("_csrf", token), ("name", "张三"), ("residentID", " 511722199001011237 "),
                                                                         ("region", "511722")])
            #expect(duplicate.text.contains("已登记"))
            let person = try #require(try await Person.query(on: app.db).first())
            let edit = try await admin.send(.GET, "/people/\(person.id!)/edit")
            #expect(edit.text.contains("138****5678") && !edit.text.contains("13812345678"))
            _ = try await admin.send(.POST, "/people/\(person.id!)", form: [("_csrf", token), ("name", "张三丰"), ("phone", "138****5678"), ("region", "511722")])
            let badChoice = try await admin.send(.POST, "/people/\(person.id!)", form: [("_csrf", token), ("name", "张三丰"),
                ("region", "511722"), ("industry", "Z"), ("urbanRural", "city")])
            #expect(badChoice.status == .unprocessableEntity && badChoice.text.contains(#"id="industry-error""#)
                    && badChoice.text.contains(#"id="urbanRural-error""#))
            _ = try await admin.send(.POST, "/people/\(person.id!)", form: [("_csrf", token), ("name", "张三丰"), ("phone", "138****5678"),
                ("region", "511722"), ("urbanRural", "rural"), ("employed", "yes"), ("industry", "P"), ("workplace", "宣汉中学")])
            let shown = try await admin.send(.GET, "/people/\(person.id!)")
            #expect(shown.text.contains("<dd>农村</dd>") && shown.text.contains("<dd>在职</dd>") && shown.text.contains("P 教育")
                    && shown.text.contains("宣汉中学"))
            let after = try #require(try await Person.find(person.id, on: app.db))
            let phone = try app.learnCity.vault.open(after.phoneCipher!)
            #expect(after.name == "张三丰" && phone == "13812345678")
        }
    }
}
