import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// A staff or citizen account. Its organisation is the root of the data it may see; a
/// citizen's account links to their person only after a centre has confirmed who they are.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    /// Comma-separated `Role` raw values; see `roles`.
    @Field(key: "roles") var rolesText: String
    @OptionalField(key: "organisation_id") var organisationID: Int?
    /// Set for accounts created or reset by someone else: the next sign-in asks for a new password.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    /// The person this account speaks for, once a centre has confirmed it (citizens).
    @OptionalField(key: "person_id") var personID: Int?
    /// The keyed hash of the resident ID a citizen registered with (sign-in and confirmation).
    @OptionalField(key: "resident_id_hash") var residentIDHash: String?
    @OptionalField(key: "phone_cipher") var phoneCipher: String?
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(username: String, displayName: String, passwordHash: String, roles: Set<Role>,
         organisationID: Int?, mustChangePassword: Bool) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.roles = roles
        self.organisationID = organisationID
        self.mustChangePassword = mustChangePassword
    }

    var roles: Set<Role> {
        get { Set(rolesText.split(separator: ",").compactMap { Role(rawValue: String($0)) }) }
        set { rolesText = newValue.map(\.rawValue).sorted().joined(separator: ",") }
    }

    var isStaff: Bool { roles.contains(where: \.isStaff) }
    var isCitizen: Bool { roles == [.learner] }
}

extension User: ModelSessionAuthenticatable {}

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("roles", .string, .required)
            .field("organisation_id", .int, .references(Organisation.schema, "id"))
            .field("must_change_password", .bool, .required)
            .field("person_id", .int, .references(Person.schema, "id"))
            .field("resident_id_hash", .string)
            .field("phone_cipher", .string)
            .field("disabled_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "users_resident_id").on(User.schema).column("resident_id_hash").run()
        try await sql.create(index: "users_organisation").on(User.schema).column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}

/// The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; the sessions themselves live
/// in the database (Fluent's session driver), so several LearnCity instances on one PostgreSQL
/// share them.
enum SessionCookie {
    static let name = "learncity_session"
}
