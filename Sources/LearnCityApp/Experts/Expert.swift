import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// A member of the municipal continuing-education expert database (三(二)): professors and
/// researchers, senior managers and professional-technical talent.
final class Expert: Model, @unchecked Sendable {
    static let schema = "experts"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "title") var title: String
    @Field(key: "affiliation") var affiliation: String
    /// Fields of expertise, separated by 、 or commas (法律、金融).
    @Field(key: "fields") var fields: String
    @Field(key: "keywords") var keywords: String
    @OptionalField(key: "phone_cipher") var phoneCipher: String?
    @OptionalField(key: "phone_masked") var phoneMasked: String?
    @OptionalField(key: "email") var email: String?
    @Field(key: "availability") var availability: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Everything a keyword search looks in.
    var searchableText: String { [name, title, affiliation, fields, keywords].joined(separator: " ") }
}

/// The search index of experts: one row per (expert, term) — see `SearchTerms`.
final class ExpertTerm: Model, @unchecked Sendable {
    static let schema = "expert_terms"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "expert_id") var expertID: Int
    @Field(key: "term") var term: String

    init() {}
}

struct CreateExperts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Expert.schema)
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("title", .string, .required)
            .field("affiliation", .string, .required)
            .field("fields", .string, .required)
            .field("keywords", .string, .required)
            .field("phone_cipher", .string)
            .field("phone_masked", .string)
            .field("email", .string)
            .field("availability", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ExpertTerm.schema)
            .field("id", .int, .identifier(auto: true))
            .field("expert_id", .int, .required, .references(Expert.schema, "id", onDelete: .cascade))
            .field("term", .string, .required)
            .unique(on: "expert_id", "term")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "expert_terms_term").on(ExpertTerm.schema).column("term").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExpertTerm.schema).delete()
        try await database.schema(Expert.schema).delete()
    }
}

enum ExpertSearch {
    /// Experts matching every term of `text` (and the field, if given), by name.
    static func find(_ text: String, field: String?, on database: any Database) async throws -> [Expert] {
        var query = Expert.query(on: database)
        let terms = SearchTerms.query(text)
        if !terms.isEmpty {
            struct Row: Decodable { var expert_id: Int }
            let ids = try await (database as! any SQLDatabase).select().column("expert_id").from(ExpertTerm.schema)
                .where("term", .in, SQLBind.group(Array(terms)))
                .groupBy("expert_id")
                .having(SQLFunction("COUNT", args: SQLDistinct(SQLIdentifier("term"))), .equal, SQLBind(terms.count))
                .all(decoding: Row.self).map(\.expert_id)
            query = query.filter(\.$id ~~ ids)
        }
        if let field, !field.isEmpty { query = query.filter(\.$fields ~~ field) }
        return try await query.sort(\.$name).limit(500).all()
    }

    /// Rewrites an expert's terms (in the caller's transaction).
    static func reindex(_ expert: Expert, on database: any Database) async throws {
        let id = try expert.requireID()
        try await ExpertTerm.query(on: database).filter(\.$expertID == id).delete()
        let rows = SearchTerms.index(expert.searchableText).map { [BulkInsert.Value.int(id), .text($0)] }
        for chunk in rows.chunked(400) {
            try await BulkInsert.insert(into: ExpertTerm.schema, columns: ["expert_id", "term"], rows: Array(chunk), on: database)
        }
    }
}
