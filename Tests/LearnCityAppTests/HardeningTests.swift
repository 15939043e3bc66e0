import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// Findings of the security audit (issue 12) in imports, uploads, file serving and scope.
@Suite("Security audit: imports, uploads, files, scope")
struct HardeningTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)

    func bearer(_ token: String, form: Bool = false) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        if form { headers.contentType = .urlEncodedForm }
        return headers
    }

    func call(_ app: Application, _ method: HTTPMethod, _ path: String, token: String,
              form: [(String, String)]? = nil, body: Data? = nil) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: bearer(token, form: form != nil),
                                     body: form.map(formBody) ?? body.map { ByteBuffer(data: $0) }) { captured = $0 }
        return try #require(captured)
    }

    /// A multipart form sent to a running server (the upload routes stream their body).
    func multipart(_ app: Application, _ path: String, _ browser: Browser, fields: [(String, String)],
                   file: (String, Data)?) async throws -> TestingHTTPResponse {
        let (type, body) = LibraryTests.multipart([("_csrf", browser.cookies[CSRF.cookieName]!)] + fields, file: file)
        var headers = cookieHeaders(browser.cookies)
        headers.replaceOrAdd(name: .contentType, value: type)
        var captured: TestingHTTPResponse?
        try await app.testing(method: .running(port: 0))
            .test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { captured = $0 }
        return try #require(captured)
    }

    @Test("1,200 bad rows: 1,000 listed, all counted; the dry run links every one as CSV, for its uploader only")
    func cappedConflicts() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let csv = "姓名,身份证号,手机号\n" + String(repeating: "张三,511722199001011238,13800000000\n", count: 1_200)
            let office = world.callers[.cityOffice]!
            let api = try await call(app, .POST, "/api/v1/imports/people?dryRun=true", token: office,
                                     body: Data(csv.utf8))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])
            #expect((json["conflicts"] as? [Any])?.count == 1_000)
            #expect(json["conflictsTotal"] as? Int == 1_200 && json["conflictsTruncated"] as? Int == 200)
            #expect(json["rows"] as? Int == 1_200)

            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let (type, body) = LibraryTests.multipart([("_csrf", admin.cookies[CSRF.cookieName]!), ("kind", "people")],
                                                      file: ("people.csv", Data(csv.utf8)))
            var headers = cookieHeaders(admin.cookies)
            headers.replaceOrAdd(name: .contentType, value: type)
            var page: TestingHTTPResponse?
            try await app.testing().test(.POST, "/imports", headers: headers, body: ByteBuffer(data: body)) {
                page = $0
            }
            let dryRun = try #require(page)
            #expect(dryRun.status == .ok && dryRun.text.contains("共发现 1200 个问题，这里只列出前 1000 个"))
            let link = try #require(dryRun.text.firstMatch(of: #/\/imports\/staged\/([0-9A-F-]{36})\/conflicts\.csv/#))
            let all = try await admin.send(.GET, String(link.output.0))
            #expect(all.status == .ok && all.headers.contentType?.subType == "csv")
            let lines = all.text.split(separator: "\r\n")
            #expect(lines.count == 1_201 && lines[1].contains("invalid_resident_id"))
            // Another account does not get it, even knowing the link.
            let stranger = try await call(app, .GET, String(link.output.0), token: office)
            #expect(stranger.status == .notFound)

            // The staged file is sealed and private; the purge removes it after an hour.
            let staged = try #require(UUID(uuidString: String(link.output.1)))
            let file = ImportStaging.directory(app).appendingPathComponent(staged.uuidString)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try Data(contentsOf: file).range(of: Data("511722199001011238".utf8)) == nil)
            #expect(ImportStaging.load(staged, app: app) == Data(csv.utf8))
            ImportStaging.purge(app)
            #expect(ImportStaging.load(staged, app: app) != nil)
            ImportStaging.purge(app, now: Date().addingTimeInterval(ImportStaging.lifetime + 1))
            #expect(ImportStaging.load(staged, app: app) == nil)
            #expect(try FileManager.default.contentsOfDirectory(atPath: ImportStaging.directory(app).path).isEmpty)
        }
    }

    @Test("Staged files an hour old are purged by the timer started with the application")
    func purgeTimer() async throws {
        try await withLearnCity { app in
            let folder = ImportStaging.directory(app), file = folder.appendingPathComponent(UUID().uuidString)
            try PrivateFile.create(file).close()
            let old = Date().addingTimeInterval(-2 * ImportStaging.lifetime)
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file.path)
            // The first request boots the application, which starts the timer; its first round is at once.
            try await app.testing().test(.GET, "/healthz") { _ in }
            var left = 1
            for _ in 0..<50 where left > 0 {
                try await Task.sleep(for: .milliseconds(100))
                left = try FileManager.default.contentsOfDirectory(atPath: folder.path).count
            }
            #expect(left == 0)
        }
    }

    @Test("Uploads: too many parts or too much text stop at once with 413; an attachment needs an owner that exists")
    func uploadForms() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let many = (1...40).map { ("f\($0)", "x") }
            let parts = try await multipart(app, "/resources", admin, fields: many, file: ("a.mp4", LibraryTests.mp4))
            #expect(parts.status == .payloadTooLarge)
            let long = [("title", String(repeating: "长", count: 30_000))]
            let text = try await multipart(app, "/resources", admin, fields: long,
                                           file: ("a.mp4", LibraryTests.mp4))
            #expect(text.status == .payloadTooLarge)
            let attachmentParts = try await multipart(app, "/attachments", admin, fields: many,
                                                      file: ("a.pdf", Self.pdf))
            #expect(attachmentParts.status == .payloadTooLarge)
            #expect(try await LearningResource.query(on: app.db).count() == 0)

            // A notice or meeting that does not exist takes no file; one that exists does.
            for owner in ["notice", "meeting"] {
                let orphan = try await multipart(app, "/attachments", admin,
                                                 fields: [("owner", owner), ("owner_id", "999999")],
                                                 file: ("a.pdf", Self.pdf))
                #expect(orphan.status == .conflict, "\(owner)")
            }
            #expect(try await Attachment.query(on: app.db).count() == 0)
            let notice = Notice()
            (notice.number, notice.title, notice.body, notice.issuedBy) = ("测试〔2014〕9号", "通知", "", "test")
            try await notice.create(on: app.db)
            let attached = try await multipart(app, "/attachments", admin,
                                               fields: [("owner", "notice"), ("owner_id", "\(notice.id!)")],
                                               file: ("a.pdf", Self.pdf))
            #expect(attached.status == .ok || attached.status == .seeOther)
            #expect(try await Attachment.query(on: app.db).count() == 1)
        }
    }

    @Test("Ranges: 0-2046 of 2,046 bytes is all of it (206, 0-2045/2046); past the end is 416 with bytes */2046")
    func ranges() async throws {
        try await withLearnCity { app in
            let bytes = Data((0..<2_046).map { UInt8($0 % 251) })
            let sha = "ab" + String(repeating: "0", count: 62)
            let stored = ResourceStore.path(of: sha, app)
            try FileManager.default.createDirectory(at: stored.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try bytes.write(to: stored)
            let dc04 = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            let resource = LearningResource()
            (resource.title, resource.subject, resource.keywords, resource.licence) = ("录音", "", "", "")
            (resource.kind, resource.mime, resource.size) = (.audio, "audio/mpeg", 2_046)
            (resource.sha256, resource.fileName) = (sha, "a.mp3")
            (resource.providerID, resource.providerPath) = (dc04.id!, dc04.path)
            try await resource.create(on: app.db)
            func get(_ range: String?) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                if let range { headers.replaceOrAdd(name: .range, value: range) }
                var captured: TestingHTTPResponse?
                try await app.testing().test(.GET, "/resources/\(resource.id!)/file", headers: headers) {
                    captured = $0
                }
                return try #require(captured)
            }
            let all = try await get("bytes=0-2046")
            #expect(all.status == .partialContent && all.headers.first(name: .contentRange) == "bytes 0-2045/2046")
            #expect(Data(buffer: all.body) == bytes)
            let tail = try await get("bytes=-10")
            #expect(tail.status == .partialContent && Data(buffer: tail.body) == bytes.suffix(10))
            let past = try await get("bytes=5000-")
            #expect(past.status == .rangeNotSatisfiable && past.headers.first(name: .contentRange) == "bytes */2046")
            let whole = try await get(nil)
            #expect(whole.status == .ok && Data(buffer: whole.body) == bytes)
            #expect(whole.headers.first(name: .acceptRanges) == "bytes")
        }
    }

    @Test("A 宣汉 centre cannot record a 渠县 resident by import, known or not, nor enrol them; they stay invisible")
    func recordsOutsideTheArea() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let centre = world.callers[.centreAdmin]!
            let csv = """
            身份证号,姓名,类型,日期,学时
            \(ScopeFixture.quID),渠县人,社区教育,2014-07-01,2
            511725199001011236,外县新人,社区教育,2014-07-01,2
            511722198001011232,宣汉新人,社区教育,2014-07-01,2
            """
            let response = try await call(app, .POST, "/api/v1/imports/records", token: centre, body: Data(csv.utf8))
            let summary = try JSONDecoder().decode(ImportTests.Summary.self, from: Data(response.text.utf8))
            #expect(summary.imported == 1 && summary.conflictRows == 2 && summary.rows == 3)
            let refused = summary.conflicts.filter { $0.code == "person_out_of_scope" }
            #expect(refused.map(\.row) == [2, 3] && refused.allSatisfy { $0.column == "身份证号" })
            // The same answer whether LearnCity knows the person or not.
            #expect(Set(refused.map(\.message)).count == 1)
            #expect(try await LearningRecord.query(on: app.db).filter(\.$personID == world.quPerson).count() == 1)
            let hash = app.learnCity.vault.hash("511725199001011236", .residentID)
            #expect(try await Person.query(on: app.db).filter(\.$residentIDHash == hash).count() == 0)
            #expect(try await call(app, .GET, "/people/\(world.quPerson)", token: centre).status == .notFound)

            let path = "/courses/\(world.xuanhanCourse)/participants"
            let walkIn = try await call(app, .POST, path, token: centre,
                                        form: [("action", "enrol"), ("residentID", ScopeFixture.quID)])
            #expect(walkIn.status == .unprocessableEntity && walkIn.text.contains("没有找到此人"))
            #expect(try await Enrolment.query(on: app.db).filter(\.$personID == world.quPerson).count() == 0)
            let local = try await call(app, .POST, path, token: centre,
                                       form: [("action", "enrol"), ("residentID", ScopeFixture.xuanhanID)])
            #expect(local.status == .seeOther)
        }
    }

    @Test("Registered elsewhere looks unregistered: the lookup offers to register; registering is refused neutrally")
    func existenceNotRevealed() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let centre = world.callers[.centreAdmin]!, strings = Strings.table(for: .zh)
            for id in [ScopeFixture.quID, "511725199001011236"] {
                let page = try await call(app, .POST, "/identity", token: centre,
                                          form: [("residentID", id), ("action", "lookup")])
                #expect(page.status == .ok && page.text.contains(#"name="name""#), "\(id)")
                #expect(!page.text.contains(strings.problems.notFound), "\(id)")
            }
            let people = try await Person.query(on: app.db).count()
            let link = try await call(app, .POST, "/identity", token: centre,
                                      form: [("residentID", ScopeFixture.quID), ("action", "link"), ("name", "渠县人"),
                                             ("region", "511722")])
            #expect(link.status == .unprocessableEntity && link.text.contains(strings.registry.residentIDExists))
            #expect(try await Person.query(on: app.db).count() == people)

            // Creating a person: one neutral answer for a resident of another county and for one of the own.
            for id in [ScopeFixture.quID, ScopeFixture.xuanhanID] {
                let created = try await call(app, .POST, "/people", token: world.callers[.countyAdmin]!,
                                             form: [("name", "某人"), ("residentID", id), ("region", "511722")])
                #expect(created.status == .unprocessableEntity, "\(id)")
                #expect(created.text.contains(strings.registry.residentIDExists), "\(id)")
            }
        }
    }

    @Test("Annual return and exports: a unit's account gets its unit's figures; city-wide tables only where they cover")
    func regionFigures() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let city = try #require(RegionCode("511700"))
            let unit = try #require(try await Organisation.query(on: app.db).filter(\.$code == "MU-EDU").first())
            let cityWide = try await AnnualReturnData.compute(year: 2014, region: city, language: .zh, on: app.db)
            let own = try await AnnualReturnData.compute(year: 2014, region: city, unitPath: unit.path, language: .zh,
                                                         on: app.db)
            #expect(cityWide.total.personTimes >= 2 && own.total.personTimes == 0)
            let reporter = world.callers[.memberUnitReporter]!
            let annual = try await call(app, .GET, "/dashboard/annual?year=2014", token: reporter)
            #expect(annual.status == .ok && annual.text.contains(unit.nameZh))
            let regions = try await call(app, .GET, "/dashboard/export?table=regions", token: reporter)
            #expect(regions.status == .notFound)
            let units = try await call(app, .GET, "/dashboard/export?table=member-units",
                                       token: world.callers[.countyAdmin]!)
            #expect(units.status == .notFound)
            for table in ["regions", "member-units"] {
                let office = try await call(app, .GET, "/dashboard/export?table=\(table)",
                                            token: world.callers[.cityOffice]!)
                #expect(office.status == .ok)
            }
        }
    }
}
