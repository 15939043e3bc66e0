import Crypto
import Fluent
import LearnCityCore
import Foundation
import SQLKit

/// A one-time code that a learning centre hands a citizen in person, after checking their ID
/// card: to link their account to their person (`link`), or to set a new password (`reset`).
/// Only the code's hash is stored; it expires and works once.
final class IdentityCode: Model, @unchecked Sendable {
    static let schema = "identity_codes"

    enum Purpose: String, Codable, Sendable { case link, reset }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Enum(key: "purpose") var purpose: Purpose
    @Field(key: "resident_id_hash") var residentIDHash: String
    @Field(key: "person_id") var personID: Int
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "issued_by") var issuedBy: UUID?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    static let lifetimeHours = 24

    /// Eight digits: easy to read out and type, and with attempts throttled, hard to guess.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<8).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
    }

    /// Bound to the resident ID, so a code is worthless for anyone else's account.
    static func hash(_ code: String, residentIDHash: String) -> String {
        Hex.encode(SHA256.hash(data: Data((residentIDHash + ":" + code).utf8)))
    }
}

struct CreateIdentityCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IdentityCode.schema)
            .field("id", .int, .identifier(auto: true))
            .field("purpose", .string, .required)
            .field("resident_id_hash", .string, .required)
            .field("person_id", .int, .required, .references(Person.schema, "id"))
            .field("code_hash", .string, .required)
            .field("issued_by", .uuid)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "identity_codes_resident").on(IdentityCode.schema).column("resident_id_hash").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdentityCode.schema).delete()
    }
}

/// How a code reaches the citizen. Today a centre hands it over in person (the page shows it
/// once); an SMS or mail gateway can implement this protocol and be chosen in `configure`.
protocol CodeDelivery: Sendable {
    /// Delivers the code; returns what the issuing page may show (nil when sent elsewhere).
    func deliver(code: String, purpose: IdentityCode.Purpose, to person: Person) async throws -> String?
}

struct InPersonDelivery: CodeDelivery {
    func deliver(code: String, purpose: IdentityCode.Purpose, to person: Person) async throws -> String? { code }
}
