import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// A course, class or programme a provider runs (三(二)–(四)): what it is, who gives it, when
/// and where, how many hours it is worth. Completing it writes one learning record of its kind.
final class Course: Model, @unchecked Sendable {
    static let schema = "courses"

    enum Mode: String, Codable, Sendable, CaseIterable { case offline, online, blended }
    enum Status: String, Codable, Sendable, CaseIterable { case open, closed, finished }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    /// A community-education category (健康坝坝舞, 法律常识, …), a training type (实用技术, …) or a degree programme.
    @Field(key: "category") var category: String
    /// The kind of record completing it writes.
    @Enum(key: "kind") var kind: RecordKind
    @Enum(key: "mode") var mode: Mode
    @Field(key: "provider_id") var providerID: Int
    /// The provider's place in the tree and its region, kept for scoped and "near you" lists.
    @Field(key: "provider_path") var providerPath: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "hours") var hours: Double
    @OptionalField(key: "venue") var venue: String?
    @OptionalField(key: "capacity") var capacity: Int?
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "schedule") var schedule: String?
    @Enum(key: "status") var status: Status
    /// 特色课程.
    @Field(key: "featured") var featured: Bool
    @OptionalField(key: "teachers") var teachers: String?
    @OptionalField(key: "description") var details: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A person's place on a course: enrolled, then completed (which writes the record) or dropped.
final class Enrolment: Model, @unchecked Sendable {
    static let schema = "enrolments"

    enum Status: String, Codable, Sendable, CaseIterable { case enrolled, completed, dropped }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "course_id") var courseID: Int
    @Field(key: "person_id") var personID: Int
    @Enum(key: "status") var status: Status
    @OptionalField(key: "record_id") var recordID: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// Experts linked to a course as lecturer or reviewer (三(二)).
final class CourseExpert: Model, @unchecked Sendable {
    static let schema = "course_experts"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "course_id") var courseID: Int
    @Field(key: "expert_id") var expertID: Int
    @Field(key: "role") var role: String

    init() {}
}

struct CreateCourses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Course.schema)
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("category", .string, .required)
            .field("kind", .string, .required)
            .field("mode", .string, .required)
            .field("provider_id", .int, .required, .references(Organisation.schema, "id"))
            .field("provider_path", .string, .required)
            .field("region_code", .string, .required)
            .field("hours", .double, .required)
            .field("venue", .string)
            .field("capacity", .int)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("schedule", .string)
            .field("status", .string, .required)
            .field("featured", .bool, .required)
            .field("teachers", .string)
            .field("description", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(Enrolment.schema)
            .field("id", .int, .identifier(auto: true))
            .field("course_id", .int, .required, .references(Course.schema, "id"))
            .field("person_id", .int, .required, .references(Person.schema, "id"))
            .field("status", .string, .required)
            .field("record_id", .int)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "course_id", "person_id")
            .create()
        try await database.schema(CourseExpert.schema)
            .field("id", .int, .identifier(auto: true))
            .field("course_id", .int, .required, .references(Course.schema, "id"))
            .field("expert_id", .int, .required, .references(Expert.schema, "id"))
            .field("role", .string, .required)
            .unique(on: "course_id", "expert_id", "role")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "courses_region").on(Course.schema).column("region_code").run()
        try await sql.create(index: "courses_provider_path").on(Course.schema).column("provider_path").run()
        try await sql.create(index: "enrolments_person").on(Enrolment.schema).column("person_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CourseExpert.schema).delete()
        try await database.schema(Enrolment.schema).delete()
        try await database.schema(Course.schema).delete()
    }
}
