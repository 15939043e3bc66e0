import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Citizens: registration, identity confirmation at a centre, password reset")
struct CitizenTests {
    static let id = ScopeFixture.xuanhanID

    /// A centre admin of 宣汉县, signed in.
    func centre(_ app: Application) async throws -> Browser {
        let office = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
        _ = try await AccountService.createStaff(username: "centre", displayName: "中心管理员", roles: [.centreAdmin],
                                                 organisationID: office.id, password: "centre-password", hasher: app.password.sync,
                                                 actor: .commandLine, on: app.db)
        let user = try #require(try await User.query(on: app.db).filter(\.$username == "centre").first())
        user.mustChangePassword = false
        try await user.update(on: app.db)
        var browser = Browser(app: app)
        _ = try await browser.signIn("centre", "centre-password")
        return browser
    }

    func register(_ app: Application, name: String, password: String) async throws -> Browser {
        var browser = Browser(app: app)
        try await browser.send(.GET, "/register")
        let res = try await browser.send(.POST, "/register", form: [
            ("_csrf", browser.cookies[CSRF.cookieName]!), ("name", name), ("residentID", Self.id),
            ("phone", "13912345678"), ("password", password), ("confirm", password)])
        #expect(res.status == .seeOther)
        return browser
    }

    func issue(_ centre: inout Browser, action: String, name: String? = nil) async throws -> String {
        var form = [("_csrf", centre.cookies[CSRF.cookieName]!), ("residentID", Self.id), ("action", action)]
        if let name { form += [("name", name), ("region", "511722")] }
        let res = try await centre.send(.POST, "/identity", form: form)
        #expect(res.status == .ok, "\(res.text)")
        return String(try #require(res.text.firstMatch(of: /(\d{8})/)?.1))
    }

    @Test("Registering with an ID number opens nothing until a centre's code links the account")
    func registerAndConfirm() async throws {
        try await withLearnCity { app in
            var citizen = try await register(app, name: "宣汉人", password: "citizen-password")
            let pending = try await citizen.send(.GET, "/account")
            #expect(pending.text.contains("身份尚未确认"))
            #expect(try await citizen.send(.GET, "/people").status == .notFound)
            let wrong = try await citizen.send(.POST, "/account/link", form: [("_csrf", citizen.cookies[CSRF.cookieName]!), ("code", "00000000")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("确认码不正确"))

            var centre = try await centre(app)
            let code = try await issue(&centre, action: "link", name: "宣汉人")
            let linked = try await citizen.send(.POST, "/account/link", form: [("_csrf", citizen.cookies[CSRF.cookieName]!), ("code", code)])
            #expect(linked.status == .ok && linked.text.contains("身份已确认"))
            let user = try #require(try await User.query(on: app.db).filter(\.$displayName == "宣汉人").first())
            #expect(user.personID != nil)
            // A code works once.
            let again = try await citizen.send(.POST, "/account/link", form: [("_csrf", citizen.cookies[CSRF.cookieName]!), ("code", code)])
            #expect(!again.text.contains("身份已确认，学习档案已关联"))
        }
    }

    @Test("The real owner reclaims a resident ID someone else registered with")
    func reclaim() async throws {
        try await withLearnCity { app in
            var impostor = try await register(app, name: "冒名者", password: "impostor-password")
            var centre = try await centre(app)
            // The impostor cannot get a code without the ID card; imagine one was issued by mistake to them...
            let first = try await issue(&centre, action: "link", name: "宣汉人")
            _ = try await impostor.send(.POST, "/account/link", form: [("_csrf", impostor.cookies[CSRF.cookieName]!), ("code", first)])
            // ...then the real owner comes with the card, registers and receives a code.
            var owner = try await register(app, name: "宣汉人", password: "owner-password")
            let second = try await issue(&centre, action: "link")
            let res = try await owner.send(.POST, "/account/link", form: [("_csrf", owner.cookies[CSRF.cookieName]!), ("code", second)])
            #expect(res.text.contains("身份已确认"))
            let impostorUser = try #require(try await User.query(on: app.db).filter(\.$displayName == "冒名者").first())
            let ownerUser = try #require(try await User.query(on: app.db).filter(\.$displayName == "宣汉人").first())
            #expect(impostorUser.personID == nil && ownerUser.personID != nil)
        }
    }

    @Test("A centre's reset code sets a new password, and citizens sign in with their ID number")
    func reset() async throws {
        try await withLearnCity { app in
            _ = try await register(app, name: "宣汉人", password: "forgotten-password")
            var centre = try await centre(app)
            let code = try await issue(&centre, action: "reset", name: "宣汉人")
            var citizen = Browser(app: app)
            try await citizen.send(.GET, "/reset-password")
            let done = try await citizen.send(.POST, "/reset-password", form: [
                ("_csrf", citizen.cookies[CSRF.cookieName]!), ("residentID", Self.id), ("code", code),
                ("password", "brand-new-password"), ("confirm", "brand-new-password")])
            #expect(done.status == .ok && done.text.contains("密码已重置"))
            let signedIn = try await citizen.signIn(Self.id, "brand-new-password")
            #expect(signedIn.headers.first(name: .location) == "/account")
            let account = try await citizen.send(.GET, "/account")
            #expect(account.text.contains("已关联学习档案"))
        }
    }

    @Test("Registration refuses a bad ID, phone or password with messages next to the fields")
    func registrationValidation() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            try await browser.send(.GET, "/register")
            let res = try await browser.send(.POST, "/register", form: [
                ("_csrf", browser.cookies[CSRF.cookieName]!), ("name", "某人"), ("residentID", "511722199001011238"),
                ("phone", "12345"), ("password", "short"), ("confirm", "short")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("校验位错误") && res.text.contains(#"id="phone-error""#) && res.text.contains(#"id="password-error""#))
            let count = try await User.query(on: app.db).count()
            #expect(count == 1)
        }
    }
}
