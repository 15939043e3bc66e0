import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// Signed-in sessions: started with a fresh id, stamped with their sign-in and last-seen
/// times (server-side expiry, `SessionLifetime`), and ended for an account whose password
/// changed. Sessions are Fluent's `_fluent_sessions` rows; Vapor's session authenticator keeps
/// the account's id in the session data under `_UserSession`.
enum AccountSessions {
    static let signedInKey = "signed_in_at"
    static let seenKey = "seen_at"
    /// Where `User.sessionAuthenticator()` keeps the account id (Vapor: "_" + type name + "Session").
    static let userKey = "_UserSession"

    /// Signs `user` in on a new session id, so that an id planted before (session fixation)
    /// cannot be reused: the old row is dropped, and the sessions middleware issues a new id.
    static func start(_ user: User, on request: Request) async throws {
        if let old = request.session.id {
            try await request.application.sessions.driver.deleteSession(old, for: request).get()
            request.session.id = nil
        }
        request.session.data = SessionData()
        let now = String(Date().timeIntervalSince1970)
        request.session.data[signedInKey] = now
        request.session.data[seenKey] = now
        request.auth.login(user)
    }

    /// Ends every session of the account except `keep` (the one that changed the password).
    static func end(of userID: UUID?, except keep: SessionID?, on database: any Database) async throws {
        guard let userID, let sql = database as? any SQLDatabase else { return }
        var query = sql.delete(from: SessionRecord.schema)
            .where(SQLRaw(dataField(userKey, sql)), .equal, SQLBind(userID.uuidString))
        if let keep { query = query.where(SQLIdentifier("key"), .notEqual, SQLBind(keep.string)) }
        try await query.run()
    }

    /// Deletes signed-in sessions the server would end at their next request (idle, too old, or
    /// without timestamps), so abandoned ones do not stay in the table.
    static func sweep(on database: any Database, lifetime: SessionLifetime = .standard,
                      now: Date = Date()) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        func field(_ key: String) -> String { dataField(key, sql) }
        func number(_ key: String) -> String {
            sql.dialect.name == "postgresql" ? "\(field(key))::float8" : "CAST(\(field(key)) AS REAL)"
        }
        let signedIn = now.addingTimeInterval(-lifetime.absolute).timeIntervalSince1970
        let seen = now.addingTimeInterval(-lifetime.idle).timeIntervalSince1970
        try await sql.delete(from: SessionRecord.schema)
            .where(SQLRaw("\(field(userKey)) IS NOT NULL"))
            .where { group in
                group.where(SQLRaw("\(field(signedInKey)) IS NULL")).orWhere(SQLRaw("\(field(seenKey)) IS NULL"))
                    .orWhere(SQLRaw(number(signedInKey)), .lessThan, SQLBind(signedIn))
                    .orWhere(SQLRaw(number(seenKey)), .lessThan, SQLBind(seen))
            }
            .run()
    }

    /// A value inside the session's JSON data, in each dialect's words.
    private static func dataField(_ key: String, _ sql: any SQLDatabase) -> String {
        sql.dialect.name == "postgresql" ? "(\"data\"->>'\(key)')" : "json_extract(\"data\", '$.\(key)')"
    }

    static func date(_ text: String?) -> Date? { text.flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) }
}

/// Ends signed-in sessions the server no longer honours (idle or too old), before the
/// session authenticator can sign the request in with them, and keeps the last-seen time.
/// It sits between the sessions middleware and the session authenticator.
struct SessionExpiryMiddleware: AsyncMiddleware {
    var lifetime = SessionLifetime.standard

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Only requests that brought a session cookie have a session; asking for one would create it.
        guard request.hasSession else { return try await next.respond(to: request) }
        let session = request.session
        if session.data[AccountSessions.userKey] != nil {
            let signedIn = AccountSessions.date(session.data[AccountSessions.signedInKey])
            let seen = AccountSessions.date(session.data[AccountSessions.seenKey])
            switch lifetime.verdict(signedInAt: signedIn, lastSeen: seen, now: Date()) {
            case .valid: break
            case .touch: session.data[AccountSessions.seenKey] = String(Date().timeIntervalSince1970)
            case .expired:
                if let id = session.id {
                    try await request.application.sessions.driver.deleteSession(id, for: request).get()
                }
                session.id = nil
                session.data = SessionData()
            }
        }
        let response = try await next.respond(to: request)
        // A session left new and empty (an ended one nobody signed in to again) is not stored;
        // destroying it also expires the browser's cookie.
        if session.id == nil, session.data.snapshot.isEmpty { session.destroy() }
        return response
    }
}

/// Fluent's session store, writing a session back only when its data changed: the sessions
/// middleware saves every session after every request, which would be a database write per
/// page view (the last-seen time changes at most every few minutes, `SessionLifetime.refresh`).
struct ChangedOnlySessionDriver: SessionDriver {
    let base: any SessionDriver

    private struct Loaded: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
            request.storage[Loaded.self] = data
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData,
                       for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[Loaded.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
