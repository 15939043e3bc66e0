import Fluent
import Foundation
import SQLKit

/// A figure entered or imported for a year without records in LearnCity (the baseline year
/// before it was used), per indicator and region: the 同比 comparison uses it then.
final class BaselineFigure: Model, @unchecked Sendable {
    static let schema = "indicator_baselines"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "year") var year: Int
    @Field(key: "region_code") var regionCode: String
    @Field(key: "value") var value: Double
    @Field(key: "source") var source: String

    init() {}
}

struct CreateBaselines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BaselineFigure.schema)
            .field("id", .int, .identifier(auto: true))
            .field("indicator_code", .string, .required, .references(Indicator.schema, "code"))
            .field("year", .int, .required)
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .field("value", .double, .required)
            .field("source", .string, .required)
            .unique(on: "indicator_code", "year", "region_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BaselineFigure.schema).delete()
    }
}
