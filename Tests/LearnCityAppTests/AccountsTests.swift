import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Accounts, tokens and throttling")
struct AccountsTests {
    @Test("An admin creates an account in the UI; its first sign-in must change the password")
    func createdAccountMustChangePassword() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let office = try #require(try await Organisation.query(on: app.db).filter(\.$code == "CL-511722").first())
            let created = try await admin.send(.POST, "/admin/users", form: [
                ("_csrf", admin.cookies[CSRF.cookieName]!), ("username", "xh.admin"), ("displayName", "宣汉管理员"),
                ("organisation", String(office.id!)), ("roles[]", "county_admin")])
            #expect(created.status == .ok)
            let password = try #require(created.text.firstMatch(of: /class="secret">([^<]+)</)?.1)

            var newcomer = Browser(app: app)
            let first = try await newcomer.signIn("xh.admin", String(password))
            #expect(first.headers.first(name: .location) == "/account/password")
            #expect(try await newcomer.send(.GET, "/people").status == .seeOther)
            let api = try await newcomer.send(.GET, "/api/v1/me")
            #expect(api.status == .forbidden && api.text.contains("password_change_required"))
            let short = try await newcomer.send(.POST, "/account/password", form: [
                ("_csrf", newcomer.cookies[CSRF.cookieName]!), ("current", String(password)), ("password", "short"), ("confirm", "short")])
            #expect(short.status == .unprocessableEntity && short.text.contains("至少 10 个字符"))
            let changed = try await newcomer.send(.POST, "/account/password", form: [
                ("_csrf", newcomer.cookies[CSRF.cookieName]!), ("current", String(password)),
                ("password", "a-long-new-password"), ("confirm", "a-long-new-password")])
            #expect(changed.status == .ok && changed.text.contains("密码已修改"))
            #expect(try await newcomer.send(.GET, "/people").status == .ok)
        }
    }

    @Test("Only admins make admins: a county admin cannot grant city-office or admin roles")
    func grantableRoles() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.countyAdmin]!)
            headers.contentType = .urlEncodedForm
            let body = formBody([("username", "sneaky"), ("organisation", String(world.homes[.countyAdmin]!)), ("roles[]", "system_admin")])
            try await app.testing().test(.POST, "/admin/users", headers: headers, body: body) { res in
                #expect(res.status == .unprocessableEntity)
            }
            let count = try await User.query(on: app.db).filter(\.$username == "sneaky").count()
            #expect(count == 0)
        }
    }

    @Test("API tokens: shown once, stored hashed, usable as bearer, revocable, expiring")
    func tokens() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let page = try await admin.send(.POST, "/account/tokens", form: [
                ("_csrf", admin.cookies[CSRF.cookieName]!), ("name", "统计系统"), ("days", "30"), ("scopes[]", "read")])
            let token = String(try #require(page.text.firstMatch(of: /id="new-token">([^<]+)</)?.1))
            #expect(token.hasPrefix("lct_"))
            let stored = try #require(try await APIToken.query(on: app.db).first())
            #expect(stored.tokenHash != token && !stored.tokenHash.contains(token))

            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            try await app.testing().test(.GET, "/api/v1/me", headers: headers) { #expect($0.status == .ok) }
            _ = try await admin.send(.POST, "/account/tokens/\(stored.id!)/revoke", form: [("_csrf", admin.cookies[CSRF.cookieName]!)])
            try await app.testing().test(.GET, "/api/v1/me", headers: headers) { #expect($0.status == .unauthorized) }

            let (secret, id) = try await ScopeFixture.token(for: try #require(try await User.query(on: app.db).first()), on: app.db)
            let expiring = try #require(try await APIToken.find(id, on: app.db))
            expiring.expiresAt = Date().addingTimeInterval(-1)
            try await expiring.update(on: app.db)
            headers.bearerAuthorization = .init(token: secret)
            try await app.testing().test(.GET, "/api/v1/me", headers: headers) { #expect($0.status == .unauthorized) }
        }
    }

    @Test("Five failures lock that account-and-address pair for 15 minutes, not the account elsewhere")
    func throttling() async throws {
        try await withLearnCity { app in
            var attacker = Browser(app: app)
            for _ in 0..<5 {
                let res = try await attacker.signIn("admin", "wrong", address: "10.0.0.66")
                #expect(res.status == .unauthorized)
            }
            let locked = try await attacker.signIn("admin", "admin-test-password", address: "10.0.0.66")
            #expect(locked.status == .tooManyRequests && locked.text.contains("分钟后再试"))
            #expect(locked.headers.first(name: .retryAfter).flatMap(Int.init).map { $0 > 800 && $0 <= 900 } == true)
            #expect(attacker.cookies[SessionCookie.name] == nil)

            var owner = Browser(app: app)
            let fine = try await owner.signIn("admin", "admin-test-password", address: "10.0.0.7")
            // Over a real socket the client follows the redirect: the workspace or the sign-in page.
            #expect(fine.status == .ok)
            let signedIn = try await AuditEvent.query(on: app.db).filter(\.$action == .signIn).first()
            #expect(signedIn?.address == "10.0.0.7")
            let failures = try await AuditEvent.query(on: app.db).filter(\.$action == .signInFailed).count()
            #expect(failures == 5)
        }
    }

    @Test("Thirty failures from one address lock that address for every account")
    func addressThrottling() async throws {
        try await withLearnCity { app in
            for index in 0..<SignInThrottle.addressLimit {
                try await SignInThrottle.recordFailure(account: "user\(index)", address: "10.9.9.9", on: app.db)
            }
            var browser = Browser(app: app)
            let res = try await browser.signIn("admin", "admin-test-password", address: "10.9.9.9")
            #expect(res.status == .tooManyRequests)
        }
    }

    @Test("A signed-in form without its token changes nothing")
    func csrfOnSignedInForms() async throws {
        try await withLearnCity { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let res = try await admin.send(.POST, "/people", form: [("_csrf", "x"), ("name", "伪造"), ("residentID", ScopeFixture.xuanhanID), ("region", "511722")])
            #expect(res.status == .forbidden)
            let count = try await Person.query(on: app.db).count()
            #expect(count == 0)
        }
    }
}

extension Browser {
    /// Signs in as if from `address`: over a real socket from 127.0.0.1, configured as a trusted
    /// proxy, which passes the address on in X-Forwarded-For.
    mutating func signIn(_ username: String, _ password: String, address: String) async throws -> TestingHTTPResponse {
        app.learnCity.config.trustedProxies = try AddressRange.list("127.0.0.1, ::1")
        live = true
        try await send(.GET, "/signin")
        return try await send(.POST, "/signin", form: [("_csrf", cookies[CSRF.cookieName] ?? ""), ("username", username), ("password", password)],
                              headers: [("X-Forwarded-For", address)])
    }
}
