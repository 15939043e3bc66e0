import Fluent
import Foundation
import LearnCityCore
import Vapor

/// A staff or citizen account. Its organisation is the root of the data it may see.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "role") var role: Role
    @OptionalField(key: "organisation_id") var organisationID: Int?
    /// Set for accounts created by someone else: the first sign-in asks for a new password.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(username: String, displayName: String, passwordHash: String, role: Role,
         organisationID: Int?, mustChangePassword: Bool) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.organisationID = organisationID
        self.mustChangePassword = mustChangePassword
    }
}

extension User: ModelSessionAuthenticatable {}

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("organisation_id", .int, .references(Organisation.schema, "id"))
            .field("must_change_password", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}

/// The session cookie: HttpOnly, SameSite=Lax; the sessions themselves live in the database
/// (Fluent's session driver), so several LearnCity instances on one PostgreSQL share them.
enum SessionCookie {
    static let name = "learncity_session"
}
