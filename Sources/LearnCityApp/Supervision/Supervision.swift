import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// An inspection (专项督导检查) of one unit: who inspected, what they found, what must be
/// rectified. A draft is the office's until it is published (通报) to every staff account.
final class Inspection: Model, @unchecked Sendable {
    static let schema = "inspections"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspected_on") var inspectedOn: String
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "inspectors") var inspectors: String
    @Field(key: "findings") var findings: String
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "published_by") var publishedBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var isPublished: Bool { publishedAt != nil }
}

/// A required rectification (整改要求) and its closure: the inspected unit answers, the office
/// closes it or sends it back with a comment. The unit is copied from the inspection so that
/// "my open rectifications" is one query.
final class Rectification: Model, @unchecked Sendable {
    static let schema = "rectifications"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspection_id") var inspectionID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "requirement") var requirement: String
    @Field(key: "due_on") var dueOn: String
    @Enum(key: "state") var state: RectificationState
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_by") var answeredBy: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "closed_by") var closedBy: String?

    init() {}

    func isLate(today: LocalDate) -> Bool { state.isLate(due: LocalDate.parse(dueOn) ?? today, today: today) }
}

/// A year's assessment scheme (年度考核方案); published once the office has settled it.
final class AssessmentScheme: Model, @unchecked Sendable {
    static let schema = "assessment_schemes"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "year") var year: Int
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "published_by") var publishedBy: String?
    /// The units ranked, with their names, as they were when the results were published (JSON).
    @OptionalField(key: "published_units") var publishedUnitsJSON: String?

    struct FrozenUnit: Codable, Sendable { var id: Int; var name: String; var nameEn: String }

    var publishedUnits: [FrozenUnit]? {
        publishedUnitsJSON.flatMap { try? JSONDecoder().decode([FrozenUnit].self, from: Data($0.utf8)) }
    }

    init() {}
}

final class AssessmentCriterion: Model, @unchecked Sendable {
    static let schema = "assessment_criteria"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "scheme_id") var schemeID: Int
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    /// Points, 1…100.
    @Field(key: "weight") var weight: Int
    @Enum(key: "source") var source: CriterionSource

    init() {}
}

/// One unit's score on one criterion, in tenths of a point (exact, like money in fen).
final class AssessmentScore: Model, @unchecked Sendable {
    static let schema = "assessment_scores"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "criterion_id") var criterionID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "tenths") var tenths: Int
    @Field(key: "entered_by") var enteredBy: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A unit the office selected as advanced (先进单位) for the year, with the reason.
final class AdvancedUnit: Model, @unchecked Sendable {
    static let schema = "advanced_units"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "scheme_id") var schemeID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "reason") var reason: String
    @Field(key: "marked_by") var markedBy: String

    init() {}
}

struct CreateSupervision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Inspection.schema)
            .field("id", .int, .identifier(auto: true))
            .field("inspected_on", .string, .required)
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("inspectors", .string, .required).field("findings", .string, .required).field("created_by", .string, .required)
            .field("published_at", .datetime).field("published_by", .string).field("created_at", .datetime)
            .create()
        try await database.schema(Rectification.schema)
            .field("id", .int, .identifier(auto: true))
            .field("inspection_id", .int, .required, .references(Inspection.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("requirement", .string, .required).field("due_on", .string, .required).field("state", .string, .required)
            .field("answer", .string).field("answered_by", .string).field("answered_at", .datetime)
            .field("comment", .string).field("closed_on", .string).field("closed_by", .string)
            .create()
        try await database.schema(AssessmentScheme.schema)
            .field("id", .int, .identifier(auto: true))
            .field("year", .int, .required).field("published_at", .datetime).field("published_by", .string)
            .field("published_units", .string)
            .unique(on: "year")
            .create()
        try await database.schema(AssessmentCriterion.schema)
            .field("id", .int, .identifier(auto: true))
            .field("scheme_id", .int, .required, .references(AssessmentScheme.schema, "id"))
            .field("position", .int, .required).field("name", .string, .required)
            .field("weight", .int, .required).field("source", .string, .required)
            .unique(on: "scheme_id", "name")
            .create()
        try await database.schema(AssessmentScore.schema)
            .field("id", .int, .identifier(auto: true))
            .field("criterion_id", .int, .required, .references(AssessmentCriterion.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("tenths", .int, .required).field("entered_by", .string, .required).field("updated_at", .datetime)
            .unique(on: "criterion_id", "organisation_id")
            .create()
        try await database.schema(AdvancedUnit.schema)
            .field("id", .int, .identifier(auto: true))
            .field("scheme_id", .int, .required, .references(AssessmentScheme.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("reason", .string, .required).field("marked_by", .string, .required)
            .unique(on: "scheme_id", "organisation_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "rectifications_org").on(Rectification.schema).column("organisation_id").run()
        try await sql.create(index: "rectifications_inspection").on(Rectification.schema).column("inspection_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [AdvancedUnit.schema, AssessmentScore.schema, AssessmentCriterion.schema, AssessmentScheme.schema,
                       Rectification.schema, Inspection.schema] { try await database.schema(schema).delete() }
    }
}
