import Fluent
import Vapor

/// The staff sign-in form, sign-out and the workspace landing page.
enum SignInController {
    struct Form: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        if request.auth.has(User.self) { return request.redirect(to: SiteURL.workspace.path) }
        let next = request.query[String.self, at: "next"]
        return SignInPage.View(model: .init(next: safeNext(next)), context: PageContext(request)).response()
    }

    @Sendable static func submit(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        let form = try request.content.decode(Form.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        var model = SignInPage.Model(username: username, next: safeNext(form.next))
        if username.isEmpty { model.fieldErrors["username"] = request.strings.fieldRequired }
        if password.isEmpty { model.fieldErrors["password"] = request.strings.fieldRequired }
        guard model.fieldErrors.isEmpty else {
            return SignInPage.View(model: model, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        let user = try await User.query(on: request.db).filter(\.$username == username).first()
        // Verify against a dummy hash when the account does not exist, so that timing does not
        // tell which usernames exist.
        let digest = user?.passwordHash ?? dummyHash
        let matches = (try? await request.password.async.verify(password, created: digest)) ?? false
        guard let user, matches else {
            request.logger.notice("sign-in failed", metadata: ["username": .string(username)])
            model.formError = request.strings.signInFailed
            return SignInPage.View(model: model, context: PageContext(request)).response(status: .unauthorized)
        }
        // A fresh session id on sign-in, so that an id planted before cannot be reused
        // (session fixation): drop the old record, and the middleware issues a new id.
        if let old = request.session.id {
            try await request.application.sessions.driver.deleteSession(old, for: request).get()
            request.session.id = nil
        }
        request.auth.login(user)
        request.logger.info("signed in", metadata: ["username": .string(user.username)])
        return request.redirect(to: model.next ?? SiteURL.workspace.path, redirectType: .normal)
    }

    @Sendable static func signOut(_ request: Request) async throws -> Response {
        try CSRF.verify(request)
        request.auth.logout(User.self)
        request.session.destroy()
        return request.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    @Sendable static func workspace(_ request: Request) async throws -> Response {
        WorkspacePage.View(context: PageContext(request)).response()
    }

    /// Only same-site paths are followed after sign-in (no open redirect).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }

    /// A bcrypt hash of a random string, computed once.
    private static let dummyHash: String = (try? Bcrypt.hash(AdminBootstrap.generatePassword(), cost: 10)) ?? ""
}
