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

/// Signs in API requests that carry `Authorization: Bearer lct_…`.
struct BearerTokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard bearer.token.hasPrefix(APIToken.prefix) else { return }
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
    }
}
