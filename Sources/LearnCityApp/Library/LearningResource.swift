import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// An item of the digital learning-resource library (三(二)): a video, audio, document or image,
/// stored once under the data directory by its content hash, with what people search it by.
final class LearningResource: Model, @unchecked Sendable {
    static let schema = "resources"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "subject") var subject: String
    @Field(key: "keywords") var keywords: String
    @Field(key: "licence") var licence: String
    @Enum(key: "kind") var kind: ContentSniffer.Kind
    @Field(key: "mime") var mime: String
    @Field(key: "size") var size: Int
    /// SHA-256 of the bytes, hex: the file's name in the store, so the same file is kept once.
    @Field(key: "sha256") var sha256: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "provider_id") var providerID: Int
    @Field(key: "provider_path") var providerPath: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An online course is an ordered list of resources.
final class CourseItem: Model, @unchecked Sendable {
    static let schema = "course_items"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "course_id") var courseID: Int
    @Field(key: "position") var position: Int
    @Field(key: "resource_id") var resourceID: Int

    init() {}
}

/// One learner's progress: an item of a course they finished.
final class ItemProgress: Model, @unchecked Sendable {
    static let schema = "item_progress"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "enrolment_id") var enrolmentID: Int
    @Field(key: "item_id") var itemID: Int
    @Timestamp(key: "completed_at", on: .create) var completedAt: Date?

    init() {}
}

struct CreateResources: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LearningResource.schema)
            .field("id", .int, .identifier(auto: true))
            .field("title", .string, .required)
            .field("subject", .string, .required)
            .field("keywords", .string, .required)
            .field("licence", .string, .required)
            .field("kind", .string, .required)
            .field("mime", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("file_name", .string, .required)
            .field("provider_id", .int, .required, .references(Organisation.schema, "id"))
            .field("provider_path", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(CourseItem.schema)
            .field("id", .int, .identifier(auto: true))
            .field("course_id", .int, .required, .references(Course.schema, "id"))
            .field("position", .int, .required)
            .field("resource_id", .int, .required, .references(LearningResource.schema, "id"))
            .create()
        try await database.schema(ItemProgress.schema)
            .field("id", .int, .identifier(auto: true))
            .field("enrolment_id", .int, .required, .references(Enrolment.schema, "id"))
            .field("item_id", .int, .required, .references(CourseItem.schema, "id"))
            .field("completed_at", .datetime)
            .unique(on: "enrolment_id", "item_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "course_items_course").on(CourseItem.schema).column("course_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ItemProgress.schema).delete()
        try await database.schema(CourseItem.schema).delete()
        try await database.schema(LearningResource.schema).delete()
    }
}
