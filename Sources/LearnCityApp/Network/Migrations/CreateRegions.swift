import Fluent

struct CreateRegions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Region.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .field("parent_code", .string)
            .field("level", .int, .required)
            .field("local_code", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Region.schema).delete()
    }
}
