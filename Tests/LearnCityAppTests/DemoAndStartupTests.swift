import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
@testable import LearnCityApp

@Suite("Demo city, reference data and the first admin")
struct DemoAndStartupTests {
    @Test("The demo city loads its network, targets and populations once")
    func demoCounts() async throws {
        try await withLearnCity { app in
            let value1 = try await Organisation.query(on: app.db).filter(\.$kind == .university).count()
            #expect(value1 == 1)
            let value2 = try await Organisation.query(on: app.db).filter(\.$kind == .college).count()
            #expect(value2 == 6)
            let value3 = try await Organisation.query(on: app.db).filter(\.$isDemonstration == true).count()
            #expect(value3 == 10)
            let value4 = try await IndicatorTarget.query(on: app.db).filter(\.$year == 2014).count()
            #expect(value4 == 5)
            let value5 = try await Population.query(on: app.db).count()
            #expect(value5 == 8)
            let before = try await Organisation.query(on: app.db).count()

            _ = try await LearnCity.prepare(app)
            let again = try await LearnCity.loadDemo(app)
            #expect(again.created == 0 && again.alreadyLoaded)
            let value6 = try await Organisation.query(on: app.db).count()
            #expect(value6 == before)
            let value7 = try await IndicatorTarget.query(on: app.db).count()
            #expect(value7 == 5)
        }
    }

    @Test("Organisation paths nest colleges under the university and centres under colleges")
    func paths() async throws {
        try await withLearnCity { app in
            let university = try #require(try await Organisation.query(on: app.db).filter(\.$kind == .university).first())
            let colleges = try await Organisation.query(on: app.db).filter(\.$kind == .college).all()
            #expect(colleges.allSatisfy { $0.path.hasPrefix(university.path) && $0.parentID == university.id })
            let centres = try await Organisation.query(on: app.db).filter(\.$isDemonstration == true).all()
            #expect(centres.allSatisfy { $0.path.hasPrefix(university.path) && $0.depth == OrganisationPath.depth(of: $0.path) - 1 })
        }
    }

    @Test("Reference data is loaded even without the demo")
    func referenceWithoutDemo() async throws {
        try await withLearnCity(demo: false) { app in
            let value8 = try await Organisation.query(on: app.db).count()
            #expect(value8 == 0)
            let value9 = try await Industry.query(on: app.db).count()
            #expect(value9 == 20)
            let value10 = try await Region.query(on: app.db).filter(\.$level == 1).count()
            #expect(value10 == 34)
        }
    }

    @Test("The first admin is created once; a generated password is returned once and works")
    func adminBootstrap() async throws {
        try await withLearnCity(demo: false) { app in
            try await User.query(on: app.db).delete()
            let generated = try #require(try await AdminBootstrap.ensureAdmin(on: app.db, password: nil, hasher: app.password.sync))
            #expect(generated.count == 16)
            let value11 = try await AdminBootstrap.ensureAdmin(on: app.db, password: nil, hasher: app.password.sync)
            #expect(value11 == nil)
            let admin = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first())
            #expect(try app.password.verify(generated, created: admin.passwordHash))
            #expect(admin.roles == [.systemAdmin])
        }
    }

    @Test("The bundled demo file is valid and city-neutral code reads it")
    func bundledDemo() throws {
        let dataset = try DemoLoader.bundledDataset()
        #expect(dataset.validate().isEmpty)
        #expect(dataset.indicators.map(\.code) == ["T1", "T2", "T3", "T4", "T5"])
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("Defaults: ./data, SQLite, Shanghai time, demo on")
    func defaults() throws {
        let config = try AppConfig.fromEnvironment([:])
        #expect(config.dataDirectory.lastPathComponent == "data")
        #expect(config.database == .sqlite(path: config.dataDirectory.appendingPathComponent("learncity.sqlite").path))
        #expect(config.timeZone.identifier == "Asia/Shanghai")
        #expect(config.loadsDemo)
        #expect(try AppConfig.fromEnvironment(["LEARNCITY_DEMO": "0"]).loadsDemo == false)
    }

    @Test("A malformed DATABASE_URL or time zone is refused with a message that says what to fix",
          arguments: [["DATABASE_URL": "mysql://u@h/db"], ["DATABASE_URL": "postgres://u@/db"],
                      ["DATABASE_URL": "postgres://host/db"], ["DATABASE_URL": "postgres://u@host"],
                      ["LEARNCITY_TIMEZONE": "Mars/Olympus"]])
    func badConfiguration(env: [String: String]) {
        #expect(throws: StartupError.self) { try AppConfig.fromEnvironment(env) }
        do { _ = try AppConfig.fromEnvironment(env); Issue.record("accepted \(env)") }
        catch let error as StartupError { #expect(!error.message.contains("\n") && error.message.contains("/")) }
        catch { Issue.record("unexpected \(error)") }
    }

    @Test("A data directory that cannot be created is refused before anything is written")
    func unwritableDirectory() {
        let env = ["LEARNCITY_DATA_DIR": "/proc/learncity-test/data"]
        #expect(throws: StartupError.self) { try DataDirectory(config: AppConfig.fromEnvironment(env)) }
    }

    @Test("A first start that fails removes the directory and database file it created")
    func rollback() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lc-rollback-\(UUID().uuidString)")
        let config = try AppConfig.fromEnvironment(["LEARNCITY_DATA_DIR": base.path])
        let directory = try DataDirectory(config: config)
        guard case .sqlite(let path) = config.database else { Issue.record("expected SQLite"); return }
        FileManager.default.createFile(atPath: path, contents: Data("half".utf8))
        directory.rollback()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: base.path))
    }
}
