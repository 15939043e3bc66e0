import Fluent

struct CreateIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Indicator.schema)
            .field("code", .string, .identifier(auto: false))
            .field("position", .int, .required)
            .field("definition", .json, .required)
            .create()
        try await database.schema(IndicatorTarget.schema)
            .field("id", .int, .identifier(auto: true))
            .field("indicator_code", .string, .required, .references(Indicator.schema, "code"))
            .field("year", .int, .required)
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .field("value", .double, .required)
            .unique(on: "indicator_code", "year", "region_code")
            .create()
        try await database.schema(Population.schema)
            .field("id", .int, .identifier(auto: true))
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .field("year", .int, .required)
            .field("residents", .int, .required)
            .field("employed", .int, .required)
            .field("source", .string, .required)
            .unique(on: "region_code", "year")
            .create()
        try await database.schema(IndicatorTally.schema)
            .field("id", .int, .identifier(auto: true))
            .field("indicator_code", .string, .required, .references(Indicator.schema, "code"))
            .field("year", .int, .required)
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .field("count", .int, .required)
            .unique(on: "indicator_code", "year", "region_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [IndicatorTally.schema, Population.schema, IndicatorTarget.schema, Indicator.schema] {
            try await database.schema(schema).delete()
        }
    }
}
