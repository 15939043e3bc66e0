import Crypto
import Fluent
import LearnCityCore
import Foundation
import SQLKit
import Vapor

/// A bearer token for an integration. Only its SHA-256 is stored; the token itself is shown
/// once, when created. It expires, and its owner (or an admin) can revoke it.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    /// Comma-separated `TokenScope` raw values, chosen at creation; see `scopes`.
    @Field(key: "scopes") var scopesText: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    static let prefix = "lct_"

    /// A new random token (`lct_` + 43 base64url characters) and its stored hash.
    static func generate() -> (token: String, hash: String) {
        let random = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let token = prefix + random
        return (token, hash(token))
    }

    static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }

    var isUsable: Bool { revokedAt == nil && expiresAt > Date() }

    var scopes: Set<TokenScope> {
        get { TokenScope.parse(scopesText) }
        set { scopesText = TokenScope.text(newValue) }
    }
}

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .field("id", .int, .identifier(auto: true))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}

/// Adds the token's scopes. Tokens made before scopes existed did everything the API
/// offered then (read and write, never a reveal), so they keep `read,write`.
struct AddAPITokenScopes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .field("scopes", .string, .required, .sql(.default("read,write"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).deleteField("scopes").update()
    }
}

/// Signs in API requests that carry `Authorization: Bearer lct_…`. Only `/api/` routes
/// accept a token: on a page it is ignored (the caller is anonymous), so a token never opens
/// pages, reveals, or makes more tokens. What it may do on the API is its scopes
/// (`TokenScopeCheck`, applied with each route's access).
struct BearerTokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard bearer.token.hasPrefix(APIToken.prefix), request.url.path.hasPrefix("/api/") else { return }
        guard let token = try await APIToken.query(on: request.db)
            .filter(\.$tokenHash == APIToken.hash(bearer.token)).first(), token.isUsable,
            let user = try await User.find(token.userID, on: request.db), user.disabledAt == nil
        else { return }
        // Record use at most once a minute, to keep reads cheap.
        if (token.lastUsedAt.map { Date().timeIntervalSince($0) > 60 } ?? true) {
            token.lastUsedAt = Date()
            try await token.update(on: request.db)
        }
        request.auth.login(user)
        request.storage[CSRF.AuthenticatedByToken.self] = true
        request.storage[TokenScopeCheck.Scopes.self] = token.scopes
    }
}

/// The scope a token needs for a route: `reveal` to unmask personal data, `write` for a
/// state-changing method, `read` otherwise (`TokenScope.required`). Cookie sessions have no
/// scopes and are not limited by them.
enum TokenScopeCheck {
    struct Scopes: StorageKey { typealias Value = Set<TokenScope> }

    static func enforce(_ access: Access, on request: Request) throws {
        guard let scopes = request.storage[Scopes.self] else { return }
        let permission: Permission? = if case .permission(let p) = access { p } else { nil }
        let needed = TokenScope.required(changesState: changesState(request.method), permission: permission)
        guard scopes.contains(needed) else { throw AppError(.insufficientScope, detail: needed.rawValue) }
    }

    static func changesState(_ method: HTTPMethod) -> Bool { ![.GET, .HEAD, .OPTIONS].contains(method) }

    /// True when a bearer token, not a browser session, signed the request in.
    static func isToken(_ request: Request) -> Bool { request.storage[Scopes.self] != nil }
}
