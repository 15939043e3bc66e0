import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// Builds a migrated LearnCity with the demo city for one test, and tears it down.
///
/// On SQLite every test gets its own in-memory database. When `LEARNCITY_TEST_DATABASE_URL`
/// names a PostgreSQL server (as `make test` does for its PostgreSQL pass), every test gets
/// its own schema on it, dropped afterwards, so tests stay independent and can run in parallel.
@discardableResult
func withLearnCity<T>(
    demo: Bool = true,
    database: DatabaseLocation? = nil,
    tokensOpenPages: Bool = true,
    _ test: (Application) async throws -> T
) async throws -> T {
    TestLogging.bootstrap()
    var config = try AppConfig.testing()
    var schema: String?
    if let database {
        config.database = database
    } else if case .postgres(var address) = config.database {
        schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        address.schema = schema
        config.database = .postgres(address)
    }
    // Each app holds a pool of PostgreSQL connections; Swift Testing starts every test at once,
    // more than a server's max_connections. A fixed number of apps run at a time on PostgreSQL.
    let limited: Bool = if case .postgres = config.database { true } else { false }
    if limited { await TestSlots.shared.acquire() }
    defer { if limited { Task { await TestSlots.shared.release() } } }
    let app = try await Application.make(.testing)
    do {
        try LearnCity.configure(app, config: config)
        if tokensOpenPages { app.middleware.use(TestTokenPages()) }
        _ = try await LearnCity.prepare(app, loadDemoIfEmpty: demo)
        let result = try await test(app)
        try await dropSchema(schema, app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await dropSchema(schema, app)
        try? await app.asyncShutdown()
        throw error
    }
}

/// Tests only: many tests call pages (not just `/api/`) with `ScopeFixture`'s bearer tokens,
/// as a short way of being signed in as a role. The app ignores tokens off the API, so here a
/// token on a page signs its account in as a browser session would (CSRF-exempt, no scopes).
/// Tests of the token rules themselves pass `tokensOpenPages: false` and see the real app.
struct TestTokenPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if !request.url.path.hasPrefix("/api/"), !request.auth.has(User.self),
           let bearer = request.headers.bearerAuthorization,
           let token = try await APIToken.query(on: request.db)
               .filter(\.$tokenHash == APIToken.hash(bearer.token)).first(),
           token.isUsable, let user = try await User.find(token.userID, on: request.db) {
            request.auth.login(user)
            request.storage[CSRF.AuthenticatedByToken.self] = true
        }
        return try await next.respond(to: request)
    }
}

/// A counting semaphore for test apps that share a database server.
actor TestSlots {
    static let shared = TestSlots(limit: 12)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

private func dropSchema(_ schema: String?, _ app: Application) async throws {
    guard let schema else { return }
    try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
}

/// True when this run is the PostgreSQL pass.
var isPostgresRun: Bool {
    !(ProcessInfo.processInfo.environment["LEARNCITY_TEST_DATABASE_URL"] ?? "").isEmpty
}

extension TestingHTTPResponse {
    /// The cookies a response sets, by name.
    var setCookies: [String: String] {
        var cookies: [String: String] = [:]
        for header in headers[.setCookie] {
            let pair = header.split(separator: ";").first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { cookies[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1] }
        }
        return cookies
    }

    var text: String { body.string }
}

/// Headers that carry cookies, for the next request of a browser-like conversation.
func cookieHeaders(_ cookies: [String: String], _ extra: [(String, String)] = []) -> HTTPHeaders {
    var headers = HTTPHeaders()
    if !cookies.isEmpty {
        headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
    }
    for (name, value) in extra { headers.add(name: name, value: value) }
    return headers
}

/// A form body, URL-encoded.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { key, value in
        "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }.joined(separator: "&")
    return ByteBuffer(string: text)
}

/// Tests log warnings and worse only (`LOG_LEVEL=debug swift test` to see everything).
enum TestLogging {
    private static let once: Void = {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LogSetup.bootstrap(json: false, level: level)
    }()
    static func bootstrap() { _ = once }
}
