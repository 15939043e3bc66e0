import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// Issue 15 #17: a Chinese page, file or sheet speaks Chinese only — no English labels, markers
/// or halves of bilingual texts inside it.
@Suite("One language per page")
struct PageLanguageTests {
    @Test("Import history names the CLI and API uploads in the page's language; the annual return's sheet is Chinese")
    func labelsAndSheetNames() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            try await app.testing().test(.POST, "/api/v1/imports/records", headers: headers,
                                         body: ByteBuffer(string: RecordsTests.csv)) { #expect($0.status == .ok) }
            let cli = ImportRun()
            (cli.kind, cli.fileName, cli.actorName, cli.summary, cli.state) =
                ("records", "big_records.csv", Audit.Actor.commandLine.name, "{}", .applied)
            try await cli.save(on: app.db)

            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let history = try await admin.send(.GET, "/imports?lang=zh")
            #expect(history.text.contains("接口上传（未命名文件）") && history.text.contains("命令行"))
            #expect(!history.text.contains("api-upload") && !history.text.contains("command line"))
            let english = try await admin.send(.GET, "/imports?lang=en")
            #expect(english.text.contains("API upload (no file name)") && english.text.contains("command line"))

            _ = try await admin.send(.GET, "/?lang=zh")
            let xlsx = try await admin.send(.GET, "/dashboard/annual/export?year=2014")
            #expect(xlsx.status == .ok)
            let sheets = try Sheet.readAll(Data(buffer: xlsx.body))
            #expect(sheets.first?.name == "2014年度统计表")

            // The demo's population source, written in both languages, shows only the page's half.
            let home = try await admin.send(.GET, "/?lang=zh")
            #expect(home.text.contains("示例数据") && !home.text.contains("demo figures estimated"))
            let targets = try await admin.send(.GET, "/dashboard/targets?year=2014")
            #expect(targets.text.contains("示例数据") && !targets.text.contains("demo figures estimated"))
            let englishHome = try await admin.send(.GET, "/?lang=en")
            #expect(englishHome.text.contains("demo figures estimated") && !englishHome.text.contains("示例数据"))
        }
    }

    @Test("The funds report's half-year is chosen from a list in the page's language, not typed as “2014-H2”")
    func halfYearChooser() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let page = try await admin.send(.GET, "/funds/report?half=2014-H2&lang=zh")
            #expect(page.status == .ok && page.text.contains(#"<select name="half""#))
            #expect(page.text.contains(#"<option value="2014-H2" selected="selected">2014年下半年</option>"#))
            #expect(page.text.contains(#"<option value="2014-H1">2014年上半年</option>"#))
            #expect(!page.text.contains("2014-H1 / 2014-H2"))
        }
    }
}

