import Fluent
import SQLKit

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("parent_id", .int, .references(Organisation.schema, "id"))
            .field("path", .string, .required)
            .field("depth", .int, .required)
            .field("kind", .string, .required)
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .field("demonstration", .bool, .required)
            .field("based_on", .string)
            .field("closed_at", .datetime)
            .field("director", .string)
            .unique(on: "code")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "organisations_path").on(Organisation.schema).column("path").run()
        try await sql.create(index: "organisations_region").on(Organisation.schema).column("region_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).delete()
    }
}
