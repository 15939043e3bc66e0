import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// What happened, in the audit log's words.
enum AuditAction: String, CaseIterable, Codable, Sendable {
    case create, update, delete
    case signIn = "sign_in", signInFailed = "sign_in_failed", signOut = "sign_out"
    case reveal, export
    case passwordChange = "password_change", passwordReset = "password_reset"
    case tokenCreate = "token_create", tokenRevoke = "token_revoke"
    case register, identityCode = "identity_code", identityConfirmed = "identity_confirmed", resetCode = "reset_code"
}

/// One entry of the audit log: who, when, from where, what, and a before/after summary that
/// never holds a plaintext resident ID or phone number.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "address") var address: String
    @Enum(key: "action") var action: AuditAction
    @OptionalField(key: "entity_type") var entityType: String?
    @OptionalField(key: "entity_id") var entityID: String?
    @Field(key: "summary") var summary: String

    init() {}
}

struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .field("id", .int, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("address", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string)
            .field("entity_id", .string)
            .field("summary", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_at").on(AuditEvent.schema).column("at").run()
        try await sql.create(index: "audit_entity").on(AuditEvent.schema).column("entity_type").column("entity_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
    }
}

/// Writes audit events. Call it with the same `Database` as the change (inside its
/// transaction), so that a change and its audit entry are stored together or not at all.
enum Audit {
    struct Actor: Sendable {
        var id: UUID?
        var name: String
        var address: String

        init(_ request: Request, fallbackName: String = "-") {
            let user = request.auth.get(User.self)
            id = user?.id
            name = user.map { "\($0.username)" } ?? fallbackName
            address = request.clientAddress
        }

        init(id: UUID?, name: String, address: String) {
            self.id = id
            self.name = name
            self.address = address
        }

        static let commandLine = Actor(id: nil, name: "command line", address: "local")
    }

    static func record(_ action: AuditAction, entity: String? = nil, id: String? = nil, summary: String = "",
                       by actor: Actor, on database: any Database) async throws {
        let event = AuditEvent()
        event.at = Date()
        event.actorID = actor.id
        event.actorName = actor.name
        event.address = actor.address
        event.action = action
        event.entityType = entity
        event.entityID = id
        event.summary = String(summary.prefix(2000))
        try await event.create(on: database)
    }

    /// `field: old → new` for the fields that changed.
    static func changes(_ pairs: [(String, String?, String?)]) -> String {
        pairs.filter { $0.1 != $0.2 }.map { "\($0.0): \($0.1 ?? "∅") → \($0.2 ?? "∅")" }.joined(separator: "; ")
    }
}

extension Request {
    /// The client's address, for throttles, the audit log and the access log: the peer, or
    /// the hop a trusted proxy (`LEARNCITY_TRUSTED_PROXIES`) reports in `X-Forwarded-For`
    /// (`ClientAddress.resolve`). Every user of the client's address goes through here.
    var clientAddress: String {
        ClientAddress.resolve(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
                              trusted: application.learnCity.config.trustedProxies)
    }
}
