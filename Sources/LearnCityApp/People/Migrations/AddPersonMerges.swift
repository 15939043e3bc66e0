import Fluent
import SQLKit

/// People merged into another (the row stays, pointing at the survivor), the merge log, the
/// external account ids providers know people by, and import markers on organisations.
struct AddPersonMergesAndExternalIDs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Person.schema).field("merged_into_id", .int).update()
        try await database.schema(Organisation.schema).field("created_import_id", .int).update()
        try await database.schema(Organisation.schema).field("import_id", .int).update()
        try await database.schema(PersonMerge.schema)
            .field("id", .int, .identifier(auto: true))
            .field("survivor_id", .int, .required, .references(Person.schema, "id"))
            .field("merged_id", .int, .required, .references(Person.schema, "id"))
            .field("reason", .string, .required)
            .field("moved", .string, .required)
            .field("actor_name", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PersonExternalID.schema)
            .field("id", .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(Person.schema, "id"))
            .field("provider_id", .int, .required, .references(Organisation.schema, "id"))
            .field("external_id", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "provider_id", "external_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "person_external_ids_person").on(PersonExternalID.schema).column("person_id").run()
        try await sql.create(index: "organisations_created_import").on(Organisation.schema).column("created_import_id").run()
        // The duplicate report groups people by name and birth date.
        try await sql.create(index: "people_name_birth").on(Person.schema).column("name").column("birth_date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonExternalID.schema).delete()
        try await database.schema(PersonMerge.schema).delete()
    }
}
