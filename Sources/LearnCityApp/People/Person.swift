import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// One human, keyed by the resident ID number (design.md §3). The number and the phone are
/// stored only encrypted (`*_cipher`) and as keyed hashes for lookups (`*_hash`); what pages
/// show is masked unless an account with the reveal permission asks, which is audited.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "resident_id_cipher") var residentIDCipher: String
    @Field(key: "resident_id_hash") var residentIDHash: String
    /// Safe to show: area code and last four characters.
    @Field(key: "resident_id_masked") var residentIDMasked: String
    @OptionalField(key: "phone_cipher") var phoneCipher: String?
    @OptionalField(key: "phone_hash") var phoneHash: String?
    @OptionalField(key: "phone_masked") var phoneMasked: String?
    @Field(key: "gender") var gender: String
    @Field(key: "birth_date") var birthDate: String
    /// Where the person lives now; every figure about people uses it.
    @Field(key: "region_code") var regionCode: String
    @OptionalField(key: "urban_rural") var urbanRural: String?
    @OptionalField(key: "employed") var employed: Bool?
    @OptionalField(key: "occupation") var occupation: String?
    @OptionalField(key: "industry_code") var industryCode: String?
    @OptionalField(key: "workplace") var workplace: String?
    /// Keyed hash of the imported content: an identical row re-imported is "ignored".
    @OptionalField(key: "fingerprint") var fingerprint: String?
    /// The import that created this person, and the last one that wrote it (for undo).
    @OptionalField(key: "created_import_id") var createdImportID: Int?
    @OptionalField(key: "import_id") var importID: Int?
    /// Set when an admin merged this person into another (the row stays; lists skip it).
    @OptionalField(key: "merged_into_id") var mergedIntoID: Int?
    /// Set when someone changes the person by hand: imports no longer overwrite them.
    @OptionalField(key: "edited_at") var editedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var region: RegionCode? { RegionCode(regionCode) }
}

struct CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Person.schema)
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("resident_id_cipher", .string, .required)
            .field("resident_id_hash", .string, .required)
            .field("resident_id_masked", .string, .required)
            .field("phone_cipher", .string)
            .field("phone_hash", .string)
            .field("phone_masked", .string)
            .field("gender", .string, .required)
            .field("birth_date", .string, .required)
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .field("urban_rural", .string)
            .field("employed", .bool)
            .field("occupation", .string)
            .field("industry_code", .string)
            .field("workplace", .string)
            .field("fingerprint", .string)
            .field("created_import_id", .int)
            .field("import_id", .int)
            .field("edited_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "resident_id_hash")
            .create()
        let sql = database as! any SQLDatabase
        // Only the indexes queries use: every index is paid for on each of a million imported
        // rows (name search is `LIKE '%…%'`, which no B-tree index serves).
        try await sql.create(index: "people_region").on(Person.schema).column("region_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Person.schema).delete()
    }
}
