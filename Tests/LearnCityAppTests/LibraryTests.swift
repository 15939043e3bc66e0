import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Resource library and online courses")
struct LibraryTests {
    /// A multipart upload as a browser sends it.
    static func multipart(_ fields: [(String, String)], file: (name: String, bytes: Data)?) -> (String, Data) {
        let boundary = "----learncity-upload"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    static let mp4 = Data([0, 0, 0, 0x18] + Array("ftypisom".utf8) + [UInt8](repeating: 7, count: 200_000))

    func upload(_ app: Application, _ browser: Browser, fields: [(String, String)], file: (String, Data)?,
                csrf: String? = nil) async throws -> TestingHTTPResponse {
        let (type, body) = Self.multipart([("_csrf", csrf ?? browser.cookies[CSRF.cookieName]!)] + fields, file: file)
        var headers = cookieHeaders(browser.cookies)
        headers.replaceOrAdd(name: .contentType, value: type)
        var captured: TestingHTTPResponse?
        try await app.testing(method: .running(port: 0)).test(.POST, "/resources", headers: headers, body: ByteBuffer(data: body)) { captured = $0 }
        return try #require(captured)
    }

    @Test("Upload checks the bytes, stores by content hash, streams with ranges; a program named .mp4 is refused and nothing kept")
    func uploadAndStream() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let dc04 = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            let fake = try await upload(app, admin, fields: [("title", "病毒"), ("provider", "\(dc04.id!)")],
                                        file: ("lesson.mp4", Data("MZ\u{90}\u{0}program".utf8)))
            #expect(fake.status == .unprocessableEntity && fake.text.contains("只能上传视频、音频、文档或图片"))
            let noFile = try await upload(app, admin, fields: [("title", "空"), ("provider", "\(dc04.id!)")], file: nil)
            #expect(noFile.status == .unprocessableEntity && noFile.text.contains("请选择要上传的文件"))
            let forged = try await upload(app, Browser(app: app, cookies: [CSRF.cookieName: String(repeating: "a", count: 43)]),
                                          fields: [("title", "x")], file: ("a.mp4", Self.mp4))
            // (A real server: the client follows the redirect to the sign-in page.)
            #expect(forged.text.contains(#"action="/signin""#))
            let wrongToken = try await upload(app, admin, fields: [("title", "x"), ("provider", "\(dc04.id!)")], file: ("a.mp4", Self.mp4),
                                              csrf: String(repeating: "b", count: 43))
            #expect(wrongToken.status == .forbidden)
            #expect(try await LearningResource.query(on: app.db).count() == 0)

            let ok = try await upload(app, admin, fields: [("title", "健康坝坝舞第一课"), ("subject", "健康"), ("keywords", "坝坝舞 健身"),
                                                           ("licence", "CC BY"), ("provider", "\(dc04.id!)")], file: ("任意名字.bin", Self.mp4))
            #expect(ok.status == .ok && ok.text.contains("<video"))   // redirected to the resource's page
            let resource = try #require(try await LearningResource.query(on: app.db).first())
            #expect(resource.kind == .video && resource.mime == "video/mp4" && resource.size == Self.mp4.count)
            let stored = ResourceStore.path(of: resource.sha256, app)
            #expect(FileManager.default.fileExists(atPath: stored.path))
            let incoming = try FileManager.default.contentsOfDirectory(atPath: ResourceStore.directory(app).appendingPathComponent("incoming").path)
            #expect(incoming.isEmpty)

            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .range, value: "bytes=100-199")
            try await app.testing().test(.GET, "/resources/\(resource.id!)/file", headers: headers) { res in
                #expect(res.status == .partialContent && res.body.readableBytes == 100)
                #expect(res.headers.first(name: .contentType) == "video/mp4")
            }
            var visitor = Browser(app: app)
            let page = try await visitor.send(.GET, "/resources/\(resource.id!)")
            #expect(page.text.contains("<video") && page.text.contains("/resources/\(resource.id!)/file"))
            let search = try await visitor.send(.GET, "/resources?q=%E5%9D%9D%E5%9D%9D%E8%88%9E")
            #expect(search.text.contains("健康坝坝舞第一课"))
        }
    }

    @Test("An online course: finishing each item tracks progress; the last writes one record with the course's hours")
    func onlineCourse() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let dc04 = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            var ids: [Int] = []
            for title in ["第一讲", "第二讲"] {
                let resource = LearningResource()
                (resource.title, resource.subject, resource.keywords, resource.licence) = (title, "", "", "")
                (resource.kind, resource.mime, resource.size, resource.sha256, resource.fileName) = (.video, "video/mp4", 1, "00", "x")
                (resource.providerID, resource.providerPath) = (dc04.id!, dc04.path)
                try await resource.create(on: app.db)
                ids.append(resource.id!)
            }
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            for id in ids {
                let added = try await admin.send(.POST, "/courses/\(world.quCourse)/items", form: [("_csrf", admin.cookies[CSRF.cookieName]!), ("resource", "\(id)")])
                #expect(added.status == .seeOther)
            }
            let learner = try #require(try await User.query(on: app.db).filter(\.$username == "t-learner").first())
            learner.personID = world.quPerson
            try await learner.update(on: app.db)
            var citizen = Browser(app: app)
            _ = try await citizen.signIn("t-learner", "password-123")
            let csrf = citizen.cookies[CSRF.cookieName]!
            #expect(try await citizen.send(.POST, "/courses/\(world.quCourse)/enrol", form: [("_csrf", csrf)]).status == .seeOther)
            let items = try await CourseItem.query(on: app.db).filter(\.$courseID == world.quCourse).sort(\.$position).all()
            #expect(try await citizen.send(.POST, "/courses/\(world.quCourse)/items/done", form: [("_csrf", csrf), ("item", "\(items[0].id!)")]).status == .seeOther)
            let halfway = try await citizen.send(.GET, "/courses/\(world.quCourse)")
            #expect(halfway.text.contains("1/2") && halfway.text.contains("<progress"))
            #expect(try await LearningRecord.query(on: app.db).filter(\.$source == .online).count() == 0)
            for _ in 0..<2 {
                _ = try await citizen.send(.POST, "/courses/\(world.quCourse)/items/done", form: [("_csrf", csrf), ("item", "\(items[1].id!)")])
            }
            let records = try await LearningRecord.query(on: app.db).filter(\.$source == .online).all()
            #expect(records.count == 1 && records[0].hours == 6 && records[0].personID == world.quPerson)
            // Someone not enrolled cannot mark items.
            var admin2 = Browser(app: app)
            _ = try await admin2.signIn("admin", "admin-test-password")
            let stranger = try await admin2.send(.POST, "/courses/\(world.quCourse)/items/done", form: [("_csrf", admin2.cookies[CSRF.cookieName]!), ("item", "\(items[0].id!)")])
            #expect(stranger.status == .conflict)
        }
    }
}
