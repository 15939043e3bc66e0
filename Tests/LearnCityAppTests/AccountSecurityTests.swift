import Fluent
import Foundation
import LearnCityCore
import Testing
import SQLKit
import Vapor
import VaporTesting
@testable import LearnCityApp

/// The accounts, sessions and tokens findings of the security audit (issue 12).
@Suite("Account security (audit of issue 12)")
struct AccountSecurityTests {
    /// A staff account with a known password that need not be changed.
    @discardableResult
    func staff(_ app: Application, _ name: String, _ roles: Set<Role>, org code: String,
               password: String = "staff-password-1") async throws -> User {
        let org = try #require(try await Organisation.query(on: app.db).filter(\.$code == code).first())
        let (user, _) = try await AccountService.createStaff(
            username: name, displayName: name, roles: roles, organisationID: org.id, password: password,
            hasher: app.password.sync, actor: .commandLine, on: app.db)
        user.mustChangePassword = false
        try await user.update(on: app.db)
        return user
    }

    func csrf(_ browser: Browser) -> (String, String) { ("_csrf", browser.cookies[CSRF.cookieName] ?? "") }

    // MARK: 3 — resetting accounts one could not have created

    @Test("A county admin sees a city-office account of its county but cannot reset it; a centre admin's it can")
    func countyAdminCannotTakeOverCityOffice() async throws {
        try await withLearnCity { app in
            try await staff(app, "xh.county", [.countyAdmin], org: "CL-511722")
            let office = try await staff(app, "xh.office", [.cityOffice], org: "CL-511722")
            let centre = try await staff(app, "xh.centre", [.centreAdmin], org: "DC-04")
            var county = Browser(app: app)
            _ = try await county.signIn("xh.county", "staff-password-1")
            let list = try await county.send(.GET, "/admin/users")
            // Both are listed; only the centre admin's row carries a reset form.
            #expect(list.text.contains("xh.office") && list.text.contains("xh.centre"))
            #expect(!list.text.contains("/admin/users/\(office.id!.uuidString)/reset"))
            #expect(list.text.contains("/admin/users/\(centre.id!.uuidString)/reset"))

            let refused = try await county.send(.POST, "/admin/users/\(office.id!.uuidString)/reset",
                                                form: [csrf(county)])
            #expect(refused.status == .notFound)
            let after = try #require(try await User.find(office.id, on: app.db))
            #expect(after.passwordHash == office.passwordHash && !after.mustChangePassword)

            let reset = try await county.send(.POST, "/admin/users/\(centre.id!.uuidString)/reset",
                                              form: [csrf(county)])
            #expect(reset.status == .ok && reset.text.contains("class=\"secret\""))
        }
    }

    // MARK: 8 — X-Forwarded-For

    @Test("Without trusted proxies, rotating X-Forwarded-For neither escapes the throttle nor reaches the audit log")
    func forwardedForIgnoredByDefault() async throws {
        try await withLearnCity { app in
            var attacker = Browser(app: app)
            try await attacker.send(.GET, "/signin")
            // A new X-Forwarded-For for every try, as a script rotating it would send.
            var statuses: [UInt] = []
            for index in 1...(SignInThrottle.pairLimit + 3) {
                let res = try await attacker.send(.POST, "/signin",
                                                  form: [csrf(attacker), ("username", "admin"), ("password", "wrong")],
                                                  headers: [("X-Forwarded-For", "10.0.0.\(index)")])
                statuses.append(res.status.code)
            }
            #expect(statuses == Array(repeating: 401, count: SignInThrottle.pairLimit) + [429, 429, 429])
            let addresses = Set(try await AuditEvent.query(on: app.db).all().map(\.address))
            #expect(!addresses.contains { $0.hasPrefix("10.0.0.") })
        }
    }

    @Test("Behind a trusted proxy, the right-most untrusted hop is the client, in the throttle and the audit log")
    func trustedProxyHop() async throws {
        try await withLearnCity { app in
            app.learnCity.config.trustedProxies = try AddressRange.list("127.0.0.1, ::1")
            var browser = Browser(app: app, live: true)
            try await browser.send(.GET, "/signin")
            // The client wrote 6.6.6.6 itself; the proxy appended the address it saw.
            let res = try await browser.send(.POST, "/signin",
                                             form: [csrf(browser), ("username", "admin"), ("password", "wrong")],
                                             headers: [("X-Forwarded-For", "6.6.6.6, 198.51.100.4")])
            #expect(res.status == .unauthorized)
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == .signInFailed).first())
            #expect(event.address == "198.51.100.4")
            let failure = try #require(try await SignInFailure.query(on: app.db).first())
            #expect(failure.address == "198.51.100.4")
        }
    }

    @Test("A malformed LEARNCITY_TRUSTED_PROXIES stops the start with a message naming it")
    func proxySettingValidated() throws {
        let env = ["LEARNCITY_TRUSTED_PROXIES": "127.0.0.1, proxy.local"]
        #expect { try AppConfig.fromEnvironment(env) } throws: { error in
            "\(error)".contains("LEARNCITY_TRUSTED_PROXIES") && "\(error)".contains("proxy.local")
        }
        #expect(try AppConfig.fromEnvironment(["LEARNCITY_TRUSTED_PROXIES": "10.0.0.0/8"]).trustedProxies.count == 1)
        #expect(try AppConfig.fromEnvironment([:]).trustedProxies.isEmpty)
    }

    // MARK: 9 — registration

    func register(_ browser: inout Browser, id: String = ScopeFixture.xuanhanID) async throws -> TestingHTTPResponse {
        if browser.cookies[CSRF.cookieName] == nil { try await browser.send(.GET, "/register") }
        return try await browser.send(.POST, "/register", form: [
            csrf(browser), ("name", "宣汉人"), ("residentID", id), ("phone", "13912345678"),
            ("password", "citizen-password"), ("confirm", "citizen-password")])
    }

    @Test("Three accounts may claim one resident ID; the fourth registration is refused next to the field")
    func residentIDClaimsCapped() async throws {
        try await withLearnCity { app in
            for _ in 0..<ResidentIDClaims.limit {
                var browser = Browser(app: app)
                #expect(try await register(&browser).status == .seeOther)
            }
            var fourth = Browser(app: app)
            let refused = try await register(&fourth)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("已有 3 个") && refused.text.contains("residentID-error"))
            let claims = try await User.query(on: app.db)
                .filter(\.$residentIDHash == app.learnCity.vault.hash(ScopeFixture.xuanhanID, .residentID)).count()
            #expect(claims == 3)
        }
    }

    @Test("Registrations are throttled per address")
    func registrationThrottled() async throws {
        try await withLearnCity { app in
            for _ in 0..<SignInThrottle.registrationLimit {
                try await SignInThrottle.recordAttempt(account: SignInThrottle.registration, address: "-", on: app.db)
            }
            var browser = Browser(app: app)
            let res = try await register(&browser)
            #expect(res.status == .tooManyRequests && res.text.contains("注册次数过多"))
            #expect(try await User.query(on: app.db).filter(\.$residentIDHash != nil).count() == 0)
            // Registrations do not use up the address's sign-in failures.
            var admin = Browser(app: app)
            #expect(try await admin.signIn("admin", "admin-test-password").status == .seeOther)
        }
    }

    // MARK: 12 — timing of unknown names

    @Test("The dummy hash for unknown names costs what the app's real hashes cost")
    func dummyHashCost() async throws {
        try await withLearnCity { app in
            let real = try app.password.sync.hash("some password")
            let dummy = SignInController.dummyHash(app)
            // bcrypt's `$2b$NN$`: the cost is the second field.
            #expect(dummy.split(separator: "$").dropFirst().first == real.split(separator: "$").dropFirst().first)
            #expect(dummy == SignInController.dummyHash(app))   // computed once
        }
    }

    // MARK: 14 — sessions on registration and password changes

    @Test("Registering on a planted session id gets a new id; the planted one signs nobody in")
    func registrationRotatesSession() async throws {
        try await withLearnCity { app in
            var attacker = Browser(app: app)
            _ = try await attacker.signIn("admin", "admin-test-password")
            let planted = try #require(attacker.cookies[SessionCookie.name])
            var victim = Browser(app: app)
            try await victim.send(.GET, "/register")
            victim.cookies[SessionCookie.name] = planted
            #expect(try await register(&victim).status == .seeOther)
            #expect(victim.cookies[SessionCookie.name] != planted)
            #expect(try await victim.send(.GET, "/account").text.contains("身份尚未确认"))
            // The attacker's copy of the old id now opens nothing.
            #expect(try await attacker.send(.GET, "/account").status == .seeOther)
        }
    }

    @Test("Changing one's password ends the account's other sessions, not the one that changed it")
    func passwordChangeEndsOtherSessions() async throws {
        try await withLearnCity { app in
            try await staff(app, "xh.centre", [.centreAdmin], org: "DC-04")
            var here = Browser(app: app), elsewhere = Browser(app: app), admin = Browser(app: app)
            _ = try await here.signIn("xh.centre", "staff-password-1")
            _ = try await elsewhere.signIn("xh.centre", "staff-password-1")
            _ = try await admin.signIn("admin", "admin-test-password")
            let changed = try await here.send(.POST, "/account/password", form: [
                csrf(here), ("current", "staff-password-1"),
                ("password", "another-password-2"), ("confirm", "another-password-2")])
            #expect(changed.status == .ok)
            #expect(try await here.send(.GET, "/workspace").status == .ok)
            #expect(try await elsewhere.send(.GET, "/workspace").status == .seeOther)
            // Another account's session is untouched.
            #expect(try await admin.send(.GET, "/workspace").status == .ok)
        }
    }

    @Test("An admin's password reset ends every session of the account")
    func adminResetEndsSessions() async throws {
        try await withLearnCity { app in
            let user = try await staff(app, "xh.centre", [.centreAdmin], org: "DC-04")
            var holder = Browser(app: app), admin = Browser(app: app)
            _ = try await holder.signIn("xh.centre", "staff-password-1")
            #expect(try await holder.send(.GET, "/workspace").status == .ok)
            _ = try await admin.signIn("admin", "admin-test-password")
            let reset = try await admin.send(.POST, "/admin/users/\(user.id!.uuidString)/reset", form: [csrf(admin)])
            #expect(reset.status == .ok)
            #expect(try await holder.send(.GET, "/workspace").status == .seeOther)
        }
    }

    // MARK: 15 — token scopes

    func token(_ app: Application, scopes: Set<TokenScope>) async throws -> String {
        let admin = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first())
        let (secret, id) = try await ScopeFixture.token(for: admin, on: app.db)
        let token = try #require(try await APIToken.find(id, on: app.db))
        token.scopes = scopes
        try await token.update(on: app.db)
        return secret
    }

    func bearer(_ secret: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: secret)
        return headers
    }

    @Test("A bearer token opens no page and makes no token: off the API its caller is anonymous")
    func tokensOnlyOnTheAPI() async throws {
        try await withLearnCity(tokensOpenPages: false) { app in
            let secret = try await token(app, scopes: Set(TokenScope.allCases))
            for path in ["/workspace", "/people", "/admin/users", "/account/tokens"] {
                try await app.testing().test(.GET, path, headers: bearer(secret)) { res in
                    #expect(res.status == .seeOther, "\(path)")
                    #expect(res.headers.first(name: .location)?.hasPrefix("/signin") == true, "\(path)")
                }
            }
            var headers = bearer(secret)
            headers.contentType = .urlEncodedForm
            let body = formBody([("name", "more"), ("days", "30"), ("scopes[]", "reveal")])
            try await app.testing().test(.POST, "/account/tokens", headers: headers, body: body) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await APIToken.query(on: app.db).count() == 1)
            // On the API it works, and never turns into a session cookie.
            try await app.testing().test(.GET, "/api/v1/me", headers: bearer(secret)) { res in
                #expect(res.status == .ok && res.setCookies[SessionCookie.name] == nil)
            }
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("Scopes are chosen at creation (read by default, never reveal), stored, listed and enforced")
    func scopesChosenAndEnforced() async throws {
        try await withLearnCity(tokensOpenPages: false) { app in
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let form = try await admin.send(.GET, "/account/tokens")
            #expect(form.text.contains(#"value="read" checked"#) && form.text.contains(#"value="reveal""#))
            #expect(!form.text.contains(#"value="reveal" checked"#) && !form.text.contains(#"value="write" checked"#))
            let none = try await admin.send(.POST, "/account/tokens",
                                            form: [csrf(admin), ("name", "无"), ("days", "30")])
            #expect(none.status == .unprocessableEntity && none.text.contains("请至少选择一项"))
            let page = try await admin.send(.POST, "/account/tokens",
                                            form: [csrf(admin), ("name", "统计"), ("days", "30"), ("scopes[]", "read")])
            let readOnly = String(try #require(page.text.firstMatch(of: /id="new-token">([^<]+)</)?.1))
            #expect(try await APIToken.query(on: app.db).first()?.scopesText == "read")
            #expect(page.text.contains(">read<"))

            try await app.testing().test(.GET, "/api/v1/me", headers: bearer(readOnly)) { #expect($0.status == .ok) }
            try await app.testing().test(.POST, "/api/v1/imports/people", headers: bearer(readOnly)) { res in
                #expect(res.status == .forbidden && res.text.contains("insufficient_scope"))
            }
            let writer = try await token(app, scopes: [.read, .write])
            try await app.testing().test(.POST, "/api/v1/imports/people", headers: bearer(writer)) { res in
                #expect(res.status != .forbidden && res.status.code < 500)
            }
            let writeOnly = try await token(app, scopes: [.write])
            try await app.testing().test(.GET, "/api/v1/me", headers: bearer(writeOnly)) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test("Tokens made before scopes existed keep read and write; the OpenAPI document describes scopes")
    func existingTokensAndDocument() async throws {
        try await withLearnCity { app in
            let admin = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first())
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.insert(into: APIToken.schema).columns("user_id", "name", "token_hash", "expires_at")
                .values(SQLBind(admin.id!), SQLBind("old"), SQLBind("0123"), SQLBind(Date().addingTimeInterval(3600)))
                .run()
            #expect(try await APIToken.query(on: app.db).filter(\.$name == "old").first()?.scopes == [.read, .write])
            try await app.testing().test(.GET, "/api/openapi.json") { res in
                #expect(res.text.contains(#""bearer""#) && res.text.contains("insufficient_scope"))
                #expect(res.text.contains(#"{"bearer":["write"]}"#))
            }
        }
    }

    // MARK: 19 — names typed on sign-in

    @Test("A phone number or a bad ID typed as a user name is kept neither in the throttle table nor in the audit log")
    func signInNamesNotStoredInPlaintext() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            for typed in ["13812345678", "51172219900101123X"] {
                #expect(try await browser.signIn(typed, "wrong-password").status == .unauthorized)
            }
            let stored = try await SignInFailure.query(on: app.db).all().map(\.account)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == .signInFailed).all()
            let text = (stored + audit.map(\.summary) + audit.map(\.actorName)).joined(separator: " ")
            #expect(!text.contains("13812345678") && !text.contains("1990010112"))
            #expect(audit.contains { $0.summary.contains("138****5678") })
            // An existing account's name is still shown as typed.
            _ = try await browser.signIn("admin", "wrong-password")
            #expect(try await SignInFailure.query(on: app.db).filter(\.$account == "admin").count() == 1)
        }
    }

    // MARK: 22 — server-side session expiry; ID searches by POST

    /// Rewrites the timestamps of every stored session.
    func age(_ app: Application, signedIn: TimeInterval, seen: TimeInterval) async throws {
        for record in try await SessionRecord.query(on: app.db).all() {
            var data = record.data
            data[AccountSessions.signedInKey] = String(Date().addingTimeInterval(-signedIn).timeIntervalSince1970)
            data[AccountSessions.seenKey] = String(Date().addingTimeInterval(-seen).timeIntervalSince1970)
            record.data = data
            try await record.update(on: app.db)
        }
    }

    @Test("A session idle for 2 hours, or signed in 12 hours ago, is ended by the server")
    func sessionsExpire() async throws {
        try await withLearnCity { app in
            for (signedIn, seen) in [(3 * 3600.0, 3 * 3600.0), (12 * 3600.0 + 1, 60.0)] {
                var browser = Browser(app: app)
                _ = try await browser.signIn("admin", "admin-test-password")
                #expect(try await browser.send(.GET, "/workspace").status == .ok)
                try await age(app, signedIn: signedIn, seen: seen)
                let res = try await browser.send(.GET, "/workspace")
                #expect(res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/signin") == true)
                #expect(try await SessionRecord.query(on: app.db).count() == 0)
            }
        }
    }

    @Test("Housekeeping deletes sessions nobody came back to: idle, too old or without times; not live ones")
    func abandonedSessionsSwept() async throws {
        try await withLearnCity { app in
            var live = Browser(app: app)
            _ = try await live.signIn("admin", "admin-test-password")
            try await AccountSessions.sweep(on: app.db)
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
            for (signedIn, seen) in [(3 * 3600.0, 3 * 3600.0), (12 * 3600.0 + 1, 60.0)] {
                try await age(app, signedIn: signedIn, seen: seen)
                try await AccountSessions.sweep(on: app.db)
                #expect(try await SessionRecord.query(on: app.db).count() == 0)
                _ = try await live.signIn("admin", "admin-test-password")
            }
            #expect(try await live.send(.GET, "/workspace").status == .ok)
        }
    }

    @Test("The last-seen time is written back only when it is a few minutes old")
    func lastSeenRefreshedSparingly() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            _ = try await browser.signIn("admin", "admin-test-password")
            try await age(app, signedIn: 600, seen: 60)
            let before = try #require(try await SessionRecord.query(on: app.db).first()).data[AccountSessions.seenKey]
            _ = try await browser.send(.GET, "/workspace")
            #expect(try await SessionRecord.query(on: app.db).first()?.data[AccountSessions.seenKey] == before)
            try await age(app, signedIn: 600, seen: 600)
            _ = try await browser.send(.GET, "/workspace")
            let seen = try await SessionRecord.query(on: app.db).first()?.data[AccountSessions.seenKey]
            #expect(AccountSessions.date(seen).map { Date().timeIntervalSince($0) < 60 } == true)
        }
    }

    @Test("A session from before timestamps existed is ended")
    func legacySessionsEnd() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            _ = try await browser.signIn("admin", "admin-test-password")
            let record = try #require(try await SessionRecord.query(on: app.db).first())
            let owner = record.data[AccountSessions.userKey] ?? ""
            record.data = SessionData(initialData: [AccountSessions.userKey: owner])
            try await record.update(on: app.db)
            #expect(try await browser.send(.GET, "/workspace").status == .seeOther)
        }
    }

    @Test("Searching people by a whole resident ID goes by POST; no URL carries the ID")
    func idSearchByPost() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var county = Browser(app: app)
            _ = try await county.signIn("t-county_admin", "password-123")
            let list = try await county.send(.GET, "/people")
            #expect(list.text.contains(#"action="/people/search""#) && list.text.contains(#"method="post""#))
            let posted = try await county.send(.POST, "/people/search",
                                               form: [csrf(county), ("q", ScopeFixture.xuanhanID)])
            let location = try #require(posted.headers.first(name: .location))
            #expect(posted.status == .seeOther && location.hasPrefix("/people?idh="))
            #expect(!location.contains("1990010112"))
            let found = try await county.send(.GET, location)
            #expect(found.text.contains("/people/\(world.xuanhanPerson)\"") && !found.text.contains("1990010112"))
            // An ID typed into the address bar is sent on to the same hashed address.
            let typed = try await county.send(.GET, "/people?q=\(ScopeFixture.xuanhanID)")
            #expect(typed.headers.first(name: .location) == location)
            // A name search still works, by the same form.
            let byName = try await county.send(.POST, "/people/search", form: [csrf(county), ("q", "宣汉人")])
            #expect(byName.headers.first(name: .location) == "/people?q=%E5%AE%A3%E6%B1%89%E4%BA%BA")
        }
    }
}
