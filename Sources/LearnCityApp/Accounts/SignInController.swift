import Fluent
import LearnCityCore
import Vapor

/// The sign-in form (staff by username, citizens by resident ID), sign-out and the workspace.
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
        let form = try request.content.decode(Form.self)
        let name = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        var model = SignInPage.Model(username: name, next: safeNext(form.next))
        if name.isEmpty { model.fieldErrors["username"] = request.strings.fieldRequired }
        if password.isEmpty { model.fieldErrors["password"] = request.strings.fieldRequired }
        guard model.fieldErrors.isEmpty else {
            return SignInPage.View(model: model, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        // Only an existing username is kept as typed. A resident ID, or anything else that is
        // no account (often a phone number), is kept as a keyed hash in the throttle table and
        // masked in the audit log.
        let isAccount = try await User.query(on: request.db).filter(\.$username == name).count() > 0
        let account: String = if isAccount { name.lowercased() }
            else if let id = try? ResidentID(name) { "id:" + request.vault.hash(id.value, .residentID) }
            else { "name:" + request.vault.hash(name.lowercased(), .signInName) }
        let described = isAccount ? name : SignInName.masked(name)
        let address = request.clientAddress
        if let wait = try await SignInThrottle.retryAfter(account: account, address: address, on: request.db) {
            model.formError = request.strings.accounts.throttled(Int((wait / 60).rounded(.up)))
            let response = SignInPage.View(model: model, context: PageContext(request)).response(status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(wait.rounded(.up))))
            return response
        }
        guard let user = try await authenticate(name: name, password: password, on: request) else {
            try await SignInThrottle.recordFailure(account: account, address: address, on: request.db)
            try await Audit.record(.signInFailed, entity: "user", summary: "username: \(described)",
                                   by: Audit.Actor(request, fallbackName: described), on: request.db)
            model.formError = request.strings.signInFailed
            return SignInPage.View(model: model, context: PageContext(request)).response(status: .unauthorized)
        }
        try await SignInThrottle.recordSuccess(account: account, address: address, on: request.db)
        // A fresh session id (no fixation), stamped for server-side expiry.
        try await AccountSessions.start(user, on: request)
        try await Audit.record(.signIn, entity: "user", id: user.id?.uuidString, by: Audit.Actor(request), on: request.db)
        if user.mustChangePassword { return request.redirect(to: SiteURL.changePassword.path) }
        let landing = user.isCitizen ? SiteURL.account.path : SiteURL.workspace.path
        return request.redirect(to: model.next ?? landing, redirectType: .normal)
    }

    /// Staff sign in with their username; citizens may use their resident ID number, which is
    /// found by its keyed hash (several accounts may claim one ID until a centre confirms it).
    private static func authenticate(name: String, password: String, on request: Request) async throws -> User? {
        var candidates = try await User.query(on: request.db).filter(\.$username == name).all()
        if candidates.isEmpty, let id = try? ResidentID(name) {
            candidates = try await User.query(on: request.db)
                .filter(\.$residentIDHash == request.vault.hash(id.value, .residentID)).all()
        }
        // Verify against a dummy hash when no enabled account matches, so that the time taken
        // does not tell which names exist.
        if !candidates.contains(where: { $0.disabledAt == nil }) {
            _ = try? await request.password.async.verify(password, created: dummyHash(request.application))
        }
        for user in candidates where user.disabledAt == nil {
            if (try? await request.password.async.verify(password, created: user.passwordHash)) == true { return user }
        }
        return nil
    }

    @Sendable static func signOut(_ request: Request) async throws -> Response {
        try await Audit.record(.signOut, entity: "user", id: request.auth.get(User.self)?.id?.uuidString,
                               by: Audit.Actor(request), on: request.db)
        request.auth.logout(User.self)
        request.session.destroy()
        return request.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    @Sendable static func workspace(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        if user.isCitizen { return request.redirect(to: SiteURL.account.path) }
        let todo = try await WorkspaceTodo.of(user, request)
        return WorkspacePage.View(model: .init(permissions: Set(Permission.allCases.filter { user.roles.allows($0) }), todo: todo),
                                  context: PageContext(request)).response()
    }

    /// Only same-site paths are followed after sign-in (no open redirect).
    static func safeNext(_ next: String?) -> String? {
        LocalRedirect.path(next)
    }

    /// A hash of a random string made by the app's own hasher (so it costs what real hashes
    /// cost: an unknown name takes as long as a wrong password), computed once per app.
    static func dummyHash(_ app: Application) -> String {
        if let hash = app.storage[DummyHash.self] { return hash }
        let hash = (try? app.password.sync.hash(AdminBootstrap.generatePassword())) ?? ""
        app.storage[DummyHash.self] = hash
        return hash
    }

    private struct DummyHash: StorageKey { typealias Value = String }
}
