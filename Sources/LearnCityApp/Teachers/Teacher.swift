import Fluent
import Foundation
import SQLKit

/// A member of the community-education teaching corps (三(三)): full-time or part-time teachers
/// and volunteers, where they teach, whether they head a centre, and party members who serve
/// their community under "double reporting" (双报到).
final class Teacher: Model, @unchecked Sendable {
    static let schema = "teachers"

    enum Kind: String, Codable, Sendable, CaseIterable { case fullTime = "full_time", partTime = "part_time", volunteer }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: Kind
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "subjects") var subjects: String
    @Field(key: "is_director") var isDirector: Bool
    @Field(key: "double_reporting") var doubleReporting: Bool
    @OptionalField(key: "phone_cipher") var phoneCipher: String?
    @OptionalField(key: "phone_masked") var phoneMasked: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One entry of a teacher's or volunteer's service: hours taught, money or equipment given.
final class ServiceEntry: Model, @unchecked Sendable {
    static let schema = "service_entries"

    enum Contribution: String, Codable, Sendable, CaseIterable { case teaching, money, equipment }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "teacher_id") var teacherID: Int
    @Field(key: "date") var date: String
    @Enum(key: "contribution") var contribution: Contribution
    @Field(key: "hours") var hours: Double
    /// Yuan, for money and the value of equipment.
    @Field(key: "amount") var amount: Double
    @Field(key: "note") var note: String

    init() {}
}

struct CreateTeachers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Teacher.schema)
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("subjects", .string, .required)
            .field("is_director", .bool, .required)
            .field("double_reporting", .bool, .required)
            .field("phone_cipher", .string)
            .field("phone_masked", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ServiceEntry.schema)
            .field("id", .int, .identifier(auto: true))
            .field("teacher_id", .int, .required, .references(Teacher.schema, "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("contribution", .string, .required)
            .field("hours", .double, .required)
            .field("amount", .double, .required)
            .field("note", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "teachers_organisation").on(Teacher.schema).column("organisation_id").run()
        try await sql.create(index: "service_entries_teacher").on(ServiceEntry.schema).column("teacher_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ServiceEntry.schema).delete()
        try await database.schema(Teacher.schema).delete()
    }
}
