import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// The files of Tests/Fixtures, for app tests.
enum Samples {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }
}

@Suite("Importing people")
struct ImportTests {
    struct Summary: Decodable {
        struct Conflict: Decodable { var row: Int?; var column: String?; var code: String; var message: String }
        var importId: Int?; var status: String; var dryRun: Bool; var rows, imported, updated, ignored: Int
        var conflicts: [Conflict]; var unknownColumns: [String]
        var conflictRows: Int { Set(conflicts.compactMap(\.row)).count }
    }

    func post(_ app: Application, _ data: Data, query: String = "", token: String) async throws -> (HTTPResponseStatus, Summary) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.contentType = .init(type: "text", subType: "csv")
        var result: (HTTPResponseStatus, Summary)?
        try await app.testing().test(.POST, "/api/v1/imports/people?\(query)", headers: headers, body: ByteBuffer(data: data)) { res in
            result = (res.status, try JSONDecoder().decode(Summary.self, from: Data(res.text.utf8)))
        }
        return try #require(result)
    }

    @Test("The GBK sample: 200 imported, 6 bad rows named; the same file again is ignored row by row")
    func sampleTwice() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let data = try Samples.data("people-gbk.csv")
            let dry = try await post(app, data, query: "dryRun=true", token: world.callers[.cityOffice]!)
            #expect(dry.1.dryRun && dry.1.imported == 200 && dry.1.importId == nil)
            let before = try await Person.query(on: app.db).count()
            #expect(before == 2)

            let (status, first) = try await post(app, data, token: world.callers[.cityOffice]!)
            #expect(status == .ok && first.status == "warning")
            #expect(first.rows == 206 && first.imported == 200 && first.updated == 0 && first.ignored == 0)
            #expect(first.conflictRows == 6 && Set(first.conflicts.compactMap(\.row)) == [12, 42, 72, 102, 132, 162])
            #expect(first.rows == first.imported + first.updated + first.ignored + first.conflictRows)
            let after = try await Person.query(on: app.db).count()
            #expect(after == 202)

            let (_, second) = try await post(app, data, token: world.callers[.cityOffice]!)
            #expect(second.imported == 0 && second.updated == 0 && second.ignored == 200 && second.conflictRows == 6)
        }
    }

    @Test("--strict writes nothing when any row is bad")
    func strict() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let (status, summary) = try await post(app, try Samples.data("people-gbk.csv"), query: "strict=true", token: world.callers[.cityOffice]!)
            #expect(status == .unprocessableEntity && summary.status == "error" && summary.importId == nil)
            let count = try await Person.query(on: app.db).count()
            #expect(count == 2)
        }
    }

    @Test("A county admin imports their county; other counties' rows are conflicts; others' people are untouched and not revealed")
    func scope() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let csv = """
            姓名,身份证号,区县
            新人,511722198001011232,宣汉县
            渠县人改名,\(ScopeFixture.quID),渠县
            外县新人,511725199001011236,渠县
            宣汉人,\(ScopeFixture.xuanhanID),宣汉县
            """
            let (_, summary) = try await post(app, Data(csv.utf8), token: world.callers[.countyAdmin]!)
            #expect(summary.imported == 1 && summary.ignored == 1 && summary.updated == 1)
            #expect(summary.conflicts.map(\.code) == ["region_out_of_scope"] && summary.conflicts.first?.row == 4)
            let qu = try #require(try await Person.find(world.quPerson, on: app.db))
            #expect(qu.name == "渠县人")
        }
    }

    @Test("Rows changed by hand since are conflicts; a repeat with other content is a duplicate")
    func changedByUserAndDuplicates() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let person = try #require(try await Person.find(world.xuanhanPerson, on: app.db))
            person.editedAt = Date()
            try await person.update(on: app.db)
            let csv = "姓名,身份证号\n宣汉人新名,\(ScopeFixture.xuanhanID)\n张三,511722198001011232\n张三,511722198001011232\n张四,511722198001011232\n"
            let (_, summary) = try await post(app, Data(csv.utf8), token: world.callers[.cityOffice]!)
            #expect(summary.rows == 4 && summary.imported == 1 && summary.ignored == 1)
            #expect(Set(summary.conflicts.map(\.code)) == ["changed_by_user", "duplicate_in_file"])
            let unchanged = try #require(try await Person.find(world.xuanhanPerson, on: app.db))
            #expect(unchanged.name == "宣汉人")
        }
    }

    @Test("Files that cannot be imported are refused with one message and change nothing", arguments: [
        (Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0x01]), "not_a_spreadsheet"), (Data(), "empty_file"),
        (Data("姓名,电话\n张三,1\n".utf8), "missing_column"), (Data("姓名,身份证号\n".utf8), "empty_file"),
    ])
    func refused(data: Data, code: String) async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            try await app.testing().test(.POST, "/api/v1/imports/people", headers: headers, body: ByteBuffer(data: data)) { res in
                #expect(res.status == .unprocessableEntity || res.status == .badRequest)
                #expect(res.text.contains(code) || (data.isEmpty && res.text.contains("bad_request")))
            }
            let count = try await Person.query(on: app.db).count()
            #expect(count == 2)
        }
    }

    @Test("An import is undone as a whole, unless one of its rows was changed since")
    func undo() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            let csv = "姓名,身份证号,区县\n宣汉人新名,\(ScopeFixture.xuanhanID),宣汉县\n张三,511722198001011232,宣汉县\n"
            let (_, first) = try await post(app, Data(csv.utf8), token: world.callers[.cityOffice]!)
            #expect(first.imported == 1 && first.updated == 1)
            let importID = try #require(first.importId)
            try await app.testing().test(.POST, "/api/v1/imports/\(importID)/undo", headers: headers) { res in
                #expect(res.status == .ok && res.text.contains(#""state":"undone""#))
            }
            let restored = try #require(try await Person.find(world.xuanhanPerson, on: app.db))
            #expect(restored.name == "宣汉人")
            let count = try await Person.query(on: app.db).count()
            #expect(count == 2)
            try await app.testing().test(.POST, "/api/v1/imports/\(importID)/undo", headers: headers) { #expect($0.status == .conflict) }

            let (_, second) = try await post(app, Data(csv.utf8), token: world.callers[.cityOffice]!)
            let created = try #require(try await Person.query(on: app.db).filter(\.$name == "张三").first())
            created.editedAt = Date()
            try await created.update(on: app.db)
            try await app.testing().test(.POST, "/api/v1/imports/\(second.importId!)/undo", headers: headers) { res in
                #expect(res.status == .conflict)
            }
            let still = try await Person.query(on: app.db).count()
            #expect(still == 3)
        }
    }

    @Test("The browser path: upload, dry run with preview and conflicts, confirm, progress, done")
    func browserFlow() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let boundary = "----learncity"
            var body = Data()
            func part(_ name: String, _ value: String) { body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8) }
            part("_csrf", admin.cookies[CSRF.cookieName]!)
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people-gbk.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
            body += try Samples.data("people-gbk.csv") + Data("\r\n--\(boundary)--\r\n".utf8)
            var headers = cookieHeaders(admin.cookies)
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            var staged = ""
            try await app.testing().test(.POST, "/imports", headers: headers, body: ByteBuffer(data: body)) { res in
                #expect(res.status == .ok && res.text.contains("试运行结果"))
                #expect(res.text.contains(#"id="preview""#) && res.text.contains("511723********639X") && !res.text.contains("51172319720906639X"))
                #expect(res.text.contains("校验位错误"))
                staged = String(res.text.firstMatch(of: /name="staged" value="([0-9A-F-]+)"/)?.1 ?? "")
            }
            #expect(try await Person.query(on: app.db).count() == 0)
            let confirmed = try await admin.send(.POST, "/imports/confirm", form: [("_csrf", admin.cookies[CSRF.cookieName]!),
                                                                                  ("staged", staged), ("fileName", "people-gbk.csv")])
            let jobPath = try #require(confirmed.headers.first(name: .location))
            var page = ""
            for _ in 0..<100 {
                page = try await admin.send(.GET, jobPath).text
                if page.contains("导入完成") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(page.contains("导入完成"))
            #expect(try await Person.query(on: app.db).count() == 200)
            let history = try await admin.send(.GET, "/imports")
            #expect(history.text.contains("people-gbk.csv") && history.text.contains("撤销"))
        }
    }
}
