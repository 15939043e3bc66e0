import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// One import in the history: who, when, which file, what it reported, and whether it has been
/// undone. Changes to existing rows keep their previous content (`ImportChange`) for undo.
final class ImportRun: Model, @unchecked Sendable {
    static let schema = "imports"

    enum State: String, Codable, Sendable { case applied, undone }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "summary") var summary: String
    @Enum(key: "state") var state: State
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "undone_at") var undoneAt: Date?

    init() {}

    var decodedSummary: ImportSummary? { try? JSONDecoder().decode(ImportSummary.self, from: Data(summary.utf8)) }
}

/// The content a row had before an import changed it.
final class ImportChange: Model, @unchecked Sendable {
    static let schema = "import_changes"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "import_id") var importID: Int
    @Field(key: "entity_id") var entityID: Int
    /// JSON of the previous values (ciphertexts, never plaintext personal data).
    @Field(key: "previous") var previous: String

    init() {}
}

struct CreateImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportRun.schema)
            .field("id", .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("summary", .string, .required)
            .field("state", .string, .required)
            .field("created_at", .datetime)
            .field("undone_at", .datetime)
            .create()
        try await database.schema(ImportChange.schema)
            .field("id", .int, .identifier(auto: true))
            .field("import_id", .int, .required, .references(ImportRun.schema, "id"))
            .field("entity_id", .int, .required)
            .field("previous", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "import_changes_import").on(ImportChange.schema).column("import_id").run()
        try await sql.create(index: "people_created_import").on(Person.schema).column("created_import_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportChange.schema).delete()
        try await database.schema(ImportRun.schema).delete()
    }
}
