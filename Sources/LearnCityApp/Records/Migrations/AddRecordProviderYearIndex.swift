import Fluent
import SQLKit

/// An organisation's page counts its subtree's records of one year (issue 15): the
/// `provider_path` index alone would walk every year of those providers, and the
/// `(region_code, year)` index every record of the region's year. This one is an exact lookup
/// per provider and year.
struct AddRecordProviderYearIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).create(index: "learning_records_provider_year")
            .on(LearningRecord.schema).column("provider_id").column("year").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "learning_records_provider_year").run()
    }
}
