import Fluent
import Foundation
import Vapor

/// The entry points commands and tests use to build and prepare a LearnCity application.
public enum LearnCity {
    public static let version = "0.1.0"

    /// Registers databases, middleware, migrations and routes. Touches no file and no server:
    /// `prepare` does that.
    public static func configure(_ app: Application, config: AppConfig) throws {
        MetricsSetup.bootstrap()
        DatabaseSetup.use(config.database, on: app)
        Migrations.register(on: app)

        app.passwords.use(app.environment == .testing ? .bcrypt(cost: 4) : .bcrypt)
        // Fluent's store, writing a session back only when it changed (not on every page view).
        app.sessions.use { ChangedOnlySessionDriver(base: $0.fluent.sessions.driver()) }
        app.sessions.configuration.cookieName = SessionCookie.name
        app.sessions.configuration.cookieFactory = { id in
            HTTPCookies.Value(string: id.string, maxAge: 12 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        app.routes.defaultMaxBodySize = "1mb"
        // On SIGTERM, connections get a few seconds to finish what they are doing; idle
        // keep-alive connections must not hold the stop for Vapor's default ten.
        app.http.server.configuration.shutdownTimeout = .seconds(3)
        // Stable key order in every JSON answer, so scripts and diffs see the same bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        ContentConfiguration.global.use(encoder: encoder, for: .json)
        // Browsers send line breaks as CRLF; every form field arrives with LF only.
        ContentConfiguration.global.use(decoder: LineEndingFormDecoder(), for: .urlEncodedForm)

        // Order matters: the access log sees the final status; the language is known before
        // errors are rendered; errors are rendered before the session is saved.
        app.middleware = Middlewares()
        // Security headers sit outside the error handling, so error pages carry them too.
        app.middleware.use(AccessLogMiddleware())
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(LanguageMiddleware())
        app.middleware.use(ProblemMiddleware())
        app.middleware.use(CSRFMiddleware())
        app.middleware.use(SecureSessionCookieMiddleware())
        app.middleware.use(app.sessions.middleware)
        // Expired sessions end before they can sign anyone in. A token signs in before the session
        // authenticator, which then leaves the session alone: a token never turns into a cookie.
        app.middleware.use(SessionExpiryMiddleware())
        app.middleware.use(BearerTokenAuthenticator())
        app.middleware.use(User.sessionAuthenticator())
        app.middleware.use(PasswordChangeGate())

        let registry = Routes.registry()
        app.learnCity = .init(config: config, registry: registry, vault: try PersonalDataVault(config: config))
        app.lifecycle.use(Housekeeping())
        registry.register(on: app.routes)
    }

    /// Migrates, loads reference data, the demo city when the database is new (unless
    /// `LEARNCITY_DEMO=0`) and the first admin. Returns the admin password when one was
    /// generated, for the caller to print once.
    public static func prepare(_ app: Application, loadDemoIfEmpty: Bool? = nil) async throws -> String? {
        let config = app.learnCity.config
        try await DatabaseSetup.tune(app.db, location: config.database)
        try await app.autoMigrate()
        try await app.learnCity.vault.verifyKey(on: app.db)
        try await ReferenceData.ensureLoaded(on: app.db)
        let isEmpty = try await Organisation.query(on: app.db).count() == 0
        if (loadDemoIfEmpty ?? config.loadsDemo), isEmpty, !(try await DemoLoader.isLoaded(on: app.db)) {
            let summary = try await DemoLoader.load(try DemoLoader.bundledDataset(), on: app.db)
            try await WorkPlanLoader.loadDemo(on: app.db)
            try await GovernanceDemo.load(app)
            app.logger.info("demo city loaded", metadata: ["rows": "\(summary.total)"])
        }
        return try await AdminBootstrap.ensureAdmin(on: app.db, password: config.adminPassword, hasher: app.password.sync)
    }

    /// Loads the demo city (the `demo` command); nothing is created twice.
    public static func loadDemo(_ app: Application) async throws -> (created: Int, alreadyLoaded: Bool) {
        let wasLoaded = try await DemoLoader.isLoaded(on: app.db)
        let summary = try await DemoLoader.load(try DemoLoader.bundledDataset(), on: app.db)
        try await WorkPlanLoader.loadDemo(on: app.db)
        try await GovernanceDemo.load(app)
        return (summary.total, wasLoaded)
    }
}
