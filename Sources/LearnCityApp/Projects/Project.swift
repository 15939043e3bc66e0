import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// A project of the work plan (三(三), 三(四)), owned by one unit, with a budget, milestones,
/// progress reported by its owner and the experts who advise it.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @Enum(key: "track") var track: ProjectTrack
    @Enum(key: "focus") var focus: ProjectFocus
    @Field(key: "owner_id") var ownerID: Int
    @Field(key: "budget_fen") var budgetFen: Int
    @Enum(key: "status") var status: ProjectStatus
    @Field(key: "summary") var summary: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

final class ProjectMilestone: Model, @unchecked Sendable {
    static let schema = "project_milestones"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "project_id") var projectID: Int
    @Field(key: "title") var title: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "done_on") var doneOn: String?

    init() {}

    func isLate(today: LocalDate) -> Bool {
        ProjectRules.milestoneLate(due: LocalDate.parse(dueOn) ?? today, doneOn: doneOn.flatMap(LocalDate.parse), today: today)
    }
}

/// The owner's (or the office's) word on where a project stands: what was done, and a percent.
final class ProjectUpdate: Model, @unchecked Sendable {
    static let schema = "project_updates"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "project_id") var projectID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "text") var text: String
    @Field(key: "percent") var percent: Int
    @Field(key: "author") var author: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

final class ProjectExpert: Model, @unchecked Sendable {
    static let schema = "project_experts"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "project_id") var projectID: Int
    @Field(key: "expert_id") var expertID: Int

    init() {}
}

struct CreateProjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Project.schema)
            .field("id", .int, .identifier(auto: true))
            .field("year", .int, .required).field("title", .string, .required)
            .field("track", .string, .required).field("focus", .string, .required)
            .field("owner_id", .int, .required, .references(Organisation.schema, "id"))
            .field("budget_fen", .int64, .required).field("status", .string, .required).field("summary", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "year", "title")
            .create()
        try await database.schema(ProjectMilestone.schema)
            .field("id", .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references(Project.schema, "id"))
            .field("title", .string, .required).field("due_on", .string, .required).field("done_on", .string)
            .create()
        try await database.schema(ProjectUpdate.schema)
            .field("id", .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references(Project.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("text", .string, .required).field("percent", .int, .required)
            .field("author", .string, .required).field("created_at", .datetime)
            .create()
        try await database.schema(ProjectExpert.schema)
            .field("id", .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references(Project.schema, "id"))
            .field("expert_id", .int, .required, .references(Expert.schema, "id"))
            .unique(on: "project_id", "expert_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "project_milestones_project").on(ProjectMilestone.schema).column("project_id").run()
        try await sql.create(index: "project_updates_project").on(ProjectUpdate.schema).column("project_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [ProjectExpert.schema, ProjectUpdate.schema, ProjectMilestone.schema, Project.schema] { try await database.schema(schema).delete() }
    }
}

/// Who may change a project: its owner unit's accounts and the office. The lead wires
/// `mayAttach` into `Attachments.mayAttach` for `.project`.
enum ProjectAccess {
    static func mayAttach(_ projectID: Int, _ request: Request) async throws -> Bool {
        let user = try request.requireUser()
        guard let project = try await Project.find(projectID, on: request.db) else { return false }
        return user.roles.allows(.governCity) || project.ownerID == user.organisationID
    }

    /// The office governs every project; an owner unit's account acts on its own.
    static func isOwner(_ project: Project, _ user: User) -> Bool { user.organisationID == project.ownerID }
}
