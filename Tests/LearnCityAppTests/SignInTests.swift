import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// A browser-like conversation: keeps cookies between requests.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    /// Over a real socket (the peer is 127.0.0.1), for tests of proxies and client addresses.
    var live = false

    @discardableResult
    mutating func send(_ method: HTTPMethod, _ path: String, form: [(String, String)]? = nil,
                       headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        var headers = cookieHeaders(cookies, extra)
        if form != nil { headers.contentType = .urlEncodedForm }
        var captured: TestingHTTPResponse?
        let tester = try live ? app.testing(method: .running(hostname: "127.0.0.1", port: 0)) : app.testing()
        try await tester.test(method, path, headers: headers, body: form.map(formBody)) { captured = $0 }
        let response = try #require(captured)
        for (name, value) in response.setCookies { cookies[name] = value }
        return response
    }

    /// Opens the sign-in page (for its CSRF cookie) and signs in.
    mutating func signIn(_ username: String, _ password: String, next: String? = nil) async throws -> TestingHTTPResponse {
        try await send(.GET, "/signin")
        var fields = [("_csrf", cookies[CSRF.cookieName] ?? ""), ("username", username), ("password", password)]
        if let next { fields.append(("next", next)) }
        return try await send(.POST, "/signin", form: fields)
    }
}

@Suite("Sign-in and sessions")
struct SignInTests {
    let password = "admin-test-password"

    @Test("The admin signs in, sees the workspace and /api/v1/me, and signs out")
    func signInAndOut() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            let signedIn = try await browser.signIn("admin", password)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers.first(name: .location) == "/workspace")
            #expect(browser.cookies[SessionCookie.name] != nil)
            let workspace = try await browser.send(.GET, "/workspace")
            #expect(workspace.status == .ok && workspace.text.contains("系统管理员"))
            let me = try await browser.send(.GET, "/api/v1/me")
            #expect(me.text.contains(#""username":"admin""#) && me.text.contains(#""roles":["system_admin"]"#))

            let out = try await browser.send(.POST, "/signout", form: [("_csrf", browser.cookies[CSRF.cookieName]!)])
            #expect(out.status == .seeOther)
            let after = try await browser.send(.GET, "/workspace")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location) == "/signin?next=/workspace")
        }
    }

    @Test("Sessions are rows in the database")
    func sessionsInDatabase() async throws {
        try await withLearnCity { app in
            let value1 = try await SessionRecord.query(on: app.db).count()
            #expect(value1 == 0)
            var browser = Browser(app: app)
            _ = try await browser.signIn("admin", password)
            let value2 = try await SessionRecord.query(on: app.db).count()
            #expect(value2 == 1)
        }
    }

    @Test("A wrong password is refused with a message and no session")
    func wrongPassword() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            for username in ["admin", "nobody"] {
                let res = try await browser.signIn(username, "wrong-password")
                #expect(res.status == .unauthorized)
                #expect(res.text.contains("用户名或密码不正确"))
                #expect(browser.cookies[SessionCookie.name] == nil)
            }
        }
    }

    @Test("Empty fields get a message next to each field")
    func emptyFields() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            let res = try await browser.signIn("", "")
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains(#"id="username-error""#) && res.text.contains(#"id="password-error""#))
            #expect(res.text.contains("请填写此项"))
        }
    }

    @Test("A form without the CSRF token, or with another one, changes nothing")
    func csrf() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            try await browser.send(.GET, "/signin")
            for token in ["", "forged-token-forged-token-forged-token-abcd"] {
                let res = try await browser.send(.POST, "/signin", form: [("_csrf", token), ("username", "admin"), ("password", password)])
                #expect(res.status == .forbidden)
                #expect(res.text.contains("表单已过期或来源不明"))
                #expect(browser.cookies[SessionCookie.name] == nil)
            }
        }
    }

    @Test("After sign-in only same-site paths are followed", arguments: [
        ("/api/v1/me", "/api/v1/me"), ("//evil.example/", "/workspace"), ("https://evil.example/", "/workspace"),
        ("/\\evil.example", "/workspace"),
    ])
    func nextParameter(next: String, expected: String) async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            let res = try await browser.signIn("admin", password, next: next)
            #expect(res.headers.first(name: .location) == expected)
        }
    }

    @Test("Two instances on one database share sessions")
    func sharedSessions() async throws {
        // Only meaningful with one shared store: a file (SQLite) or the PostgreSQL schema.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lc-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let location: DatabaseLocation? = isPostgresRun ? nil : .sqlite(path: directory.appendingPathComponent("shared.sqlite").path)
        try await withLearnCity(database: location) { first in
            var browser = Browser(app: first)
            _ = try await browser.signIn("admin", password)
            var config = first.learnCity.config
            if case .postgres = config.database {} else { config.database = location! }
            let second = try await Application.make(.testing)
            do {
                try LearnCity.configure(second, config: config)
                var other = Browser(app: second, cookies: browser.cookies)
                let me = try await other.send(.GET, "/api/v1/me")
                #expect(me.status == .ok && me.text.contains(#""username":"admin""#))
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }
}
