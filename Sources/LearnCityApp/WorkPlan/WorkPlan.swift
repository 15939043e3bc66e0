import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// A work plan (year, title, issuing document) and its items in numbered sections.
final class WorkPlan: Model, @unchecked Sendable {
    static let schema = "work_plans"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @Field(key: "document") var document: String
    @Field(key: "issued_on") var issuedOn: String

    init() {}
}

final class PlanItem: Model, @unchecked Sendable {
    static let schema = "plan_items"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "section") var section: String
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "deliverables") var deliverables: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "done_on") var doneOn: String?
    /// Retired by the office: kept on record (with its progress reports), off the active list.
    @OptionalField(key: "retired_at") var retiredAt: Date?

    init() {}

    func state(today: LocalDate) -> PlanItemState {
        PlanItemState.of(due: LocalDate.parse(dueOn) ?? today, doneOn: doneOn.flatMap(LocalDate.parse), today: today)
    }
}

/// A unit responsible for an item: its lead (牵头) or a participant (配合).
final class PlanItemUnit: Model, @unchecked Sendable {
    static let schema = "plan_item_units"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "item_id") var itemID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "lead") var isLead: Bool

    init() {}
}

/// A unit's progress on an item: what it did, with figures.
final class ProgressUpdate: Model, @unchecked Sendable {
    static let schema = "plan_progress"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "item_id") var itemID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "text") var text: String
    @Field(key: "figures") var figures: String
    @Field(key: "author") var author: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct CreateWorkPlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkPlan.schema)
            .field("id", .int, .identifier(auto: true))
            .field("year", .int, .required).field("title", .string, .required)
            .field("document", .string, .required).field("issued_on", .string, .required)
            .unique(on: "year", "title")
            .create()
        try await database.schema(PlanItem.schema)
            .field("id", .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references(WorkPlan.schema, "id"))
            .field("section", .string, .required).field("position", .int, .required)
            .field("title", .string, .required).field("deliverables", .string, .required)
            .field("due_on", .string, .required).field("done_on", .string)
            .create()
        try await database.schema(PlanItemUnit.schema)
            .field("id", .int, .identifier(auto: true))
            .field("item_id", .int, .required, .references(PlanItem.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("lead", .bool, .required)
            .unique(on: "item_id", "organisation_id")
            .create()
        try await database.schema(ProgressUpdate.schema)
            .field("id", .int, .identifier(auto: true))
            .field("item_id", .int, .required, .references(PlanItem.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("text", .string, .required).field("figures", .string, .required)
            .field("author", .string, .required).field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "plan_item_units_org").on(PlanItemUnit.schema).column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [ProgressUpdate.schema, PlanItemUnit.schema, PlanItem.schema, WorkPlan.schema] { try await database.schema(schema).delete() }
    }
}

/// Loads a work plan given as data (the demo's 2014 plan), once: a plan with the same year and
/// title is not loaded again.
enum WorkPlanLoader {
    static let demoFile = "demo/dazhou-2014-plan.json"

    static func loadDemo(on database: any Database) async throws {
        let data = try JSONDecoder().decode(WorkPlanData.self, from: try BundledResource.data(demoFile))
        try await load(data, on: database)
    }

    static func load(_ data: WorkPlanData, on database: any Database) async throws {
        guard try await WorkPlan.query(on: database).filter(\.$year == data.year).filter(\.$title == data.title).count() == 0 else { return }
        let organisations = Dictionary(try await Organisation.query(on: database).all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let problems = data.problems(knownUnits: Set(organisations.keys))
        guard problems.isEmpty else { throw StartupError("工作要点数据有误 / work plan data is invalid: " + problems.joined(separator: "; ")) }
        try await database.transaction { db in
            let plan = WorkPlan()
            (plan.year, plan.title, plan.document, plan.issuedOn) = (data.year, data.title, data.document, data.issuedOn)
            try await plan.create(on: db)
            for (position, entry) in data.items.enumerated() {
                let item = PlanItem()
                (item.planID, item.section, item.position, item.title) = (try plan.requireID(), entry.section, position, entry.title)
                (item.deliverables, item.dueOn) = (entry.deliverables, LocalDate.parse(entry.due)?.iso ?? entry.due)
                try await item.create(on: db)
                for (codes, lead) in [(entry.lead, true), (entry.participants, false)] {
                    for code in codes {
                        guard let org = organisations[code] else { continue }
                        let unit = PlanItemUnit()
                        (unit.itemID, unit.organisationID, unit.isLead) = (try item.requireID(), try org.requireID(), lead)
                        try await unit.create(on: db)
                    }
                }
            }
        }
    }
}

/// Plan items the office retires (issue 15).
struct AddPlanItemRetirement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanItem.schema).field("retired_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanItem.schema).deleteField("retired_at").update()
    }
}
