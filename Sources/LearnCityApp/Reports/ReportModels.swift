import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// A report form the office defines: its fields, the period it covers (quarter, half-year,
/// year) from a first period on, the units that must report and the deadline (days after the
/// period ends).
final class ReportForm: Model, @unchecked Sendable {
    static let schema = "report_forms"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "period_kind") var periodKind: String
    @Field(key: "first_period") var firstPeriod: String
    @OptionalField(key: "last_period") var lastPeriod: String?
    @Field(key: "deadline_days") var deadlineDays: Int
    /// `[ReportField]` as JSON.
    @Field(key: "fields") var fieldsJSON: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var fields: [ReportField] { (try? JSONDecoder().decode([ReportField].self, from: Data(fieldsJSON.utf8))) ?? [] }

    /// The periods units owe up to `today`: from the first period through the one under way.
    func periods(through today: LocalDate) -> [ReportPeriod] {
        guard let kind = ReportPeriod.Kind(rawValue: periodKind), let first = ReportPeriod(firstPeriod) else { return [] }
        var last = ReportPeriod.containing(today, kind: kind)
        if let end = lastPeriod.flatMap(ReportPeriod.init), end < last { last = end }
        return ReportPeriod.range(from: first, through: last)
    }
}

/// A unit that must report on a form.
final class ReportFormUnit: Model, @unchecked Sendable {
    static let schema = "report_form_units"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "form_id") var formID: Int
    @Field(key: "organisation_id") var organisationID: Int

    init() {}
}

/// One unit's report on one form for one period. `version` goes up with every change, so two
/// people editing the same report cannot silently overwrite each other.
final class ReportSubmission: Model, @unchecked Sendable {
    static let schema = "report_submissions"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "form_id") var formID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "period") var period: String
    /// The last day to submit (yyyy-MM-dd), fixed when the report is started.
    @Field(key: "deadline") var deadline: String
    @Enum(key: "state") var state: ReportState
    /// Field key → value, as JSON.
    @Field(key: "values") var valuesJSON: String
    @Field(key: "version") var version: Int
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    @OptionalField(key: "unlock_request") var unlockRequest: String?
    @OptionalField(key: "comment") var comment: String?
    /// What LearnCity recorded for the unit and period (field key → figure, JSON), taken when the
    /// report is started and again when it is submitted: pages compare against it without
    /// counting the records on every view (a city-wide unit's quarter can be millions of rows).
    @OptionalField(key: "recorded") var recordedJSON: String?
    @OptionalField(key: "recorded_at") var recordedAt: Date?
    @Field(key: "updated_by") var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var recorded: [String: Double] {
        get { recordedJSON.flatMap { try? JSONDecoder().decode([String: Double].self, from: Data($0.utf8)) } ?? [:] }
        set { recordedJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    var values: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(valuesJSON.utf8))) ?? [:] }
        set { valuesJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }
}

/// What happened to a report, in order: saved, submitted, returned with a comment, approved,
/// unlock requested and granted — the history shown on the report.
final class ReportEvent: Model, @unchecked Sendable {
    static let schema = "report_events"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "submission_id") var submissionID: Int
    @Field(key: "action") var action: String
    @Field(key: "comment") var comment: String
    @Field(key: "by") var by: String
    @Timestamp(key: "at", on: .create) var at: Date?

    init() {}
}

struct CreateReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportForm.schema)
            .field("id", .int, .identifier(auto: true))
            .field("title", .string, .required).field("period_kind", .string, .required)
            .field("first_period", .string, .required).field("last_period", .string)
            .field("deadline_days", .int, .required).field("fields", .string, .required)
            .field("created_by", .string, .required).field("created_at", .datetime)
            .create()
        try await database.schema(ReportFormUnit.schema)
            .field("id", .int, .identifier(auto: true))
            .field("form_id", .int, .required, .references(ReportForm.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .unique(on: "form_id", "organisation_id")
            .create()
        try await database.schema(ReportSubmission.schema)
            .field("id", .int, .identifier(auto: true))
            .field("form_id", .int, .required, .references(ReportForm.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("period", .string, .required).field("deadline", .string, .required)
            .field("state", .string, .required).field("values", .string, .required)
            .field("version", .int, .required).field("first_submitted_at", .datetime)
            .field("unlock_request", .string).field("comment", .string).field("recorded", .string).field("recorded_at", .datetime)
            .field("updated_by", .string, .required).field("updated_at", .datetime)
            .unique(on: "form_id", "organisation_id", "period")
            .create()
        try await database.schema(ReportEvent.schema)
            .field("id", .int, .identifier(auto: true))
            .field("submission_id", .int, .required, .references(ReportSubmission.schema, "id"))
            .field("action", .string, .required).field("comment", .string, .required)
            .field("by", .string, .required).field("at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "report_submissions_org").on(ReportSubmission.schema).column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [ReportEvent.schema, ReportSubmission.schema, ReportFormUnit.schema, ReportForm.schema] { try await database.schema(schema).delete() }
    }
}

/// Figures LearnCity already knows for a unit and a period: the records its subtree provided
/// with a date in the period (not voided) — records, distinct people, hours. A geographic body
/// (a county's leadership) answers for its region, not for units under it (it has none): its
/// figures are also those of every provider located in its region, as its scope sees them.
enum RecordedFigures {
    static func of(_ organisation: Organisation, _ period: ReportPeriod, on database: any Database) async throws -> [ReportField.Source: Double] {
        struct Row: Decodable { var times: Int; var people: Int; var hours: Double }
        let sql = database as! any SQLDatabase
        let row = try await sql.select()
            .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "times")
            .column(SQLRaw(#"CAST(COUNT(DISTINCT "person_id") AS BIGINT)"#), as: "people")
            .column(SQLRaw(#"CAST(COALESCE(SUM("hours"), 0) AS DOUBLE PRECISION)"#), as: "hours")
            .from(LearningRecord.schema)
            .where(group: { group in
                let subtree = group.where(SQLColumn("provider_path"), .like, SQLBind(organisation.path + "%"))
                guard organisation.kind.isGeographic,
                      let region = RegionCode(organisation.regionCode) else { return subtree }
                // The region's providers (organisations, a few hundred), not another pass over the records.
                return subtree.orWhere(SQLColumn("provider_id"), .in, SQLSubquery.select { $0
                    .column("id").from(Organisation.schema)
                    .where(SQLColumn("region_code"), .like, SQLBind(region.subtreePrefix + "%"))
                })
            })
            .where(SQLColumn("date"), .greaterThanOrEqual, SQLBind(period.start.iso))
            .where(SQLColumn("date"), .lessThanOrEqual, SQLBind(period.end.iso))
            .where(SQLColumn("voided_at"), .is, SQLLiteral.null)
            .first(decoding: Row.self)
        return [.records: Double(row?.times ?? 0), .people: Double(row?.people ?? 0), .hours: row?.hours ?? 0]
    }

    /// The recorded figures of a report's unit and period, taken now.
    static func take(for submission: ReportSubmission, form: ReportForm, on database: any Database) async throws -> [String: Double] {
        guard let organisation = try await Organisation.find(submission.organisationID, on: database),
              let period = ReportPeriod(submission.period) else { return [:] }
        return try await byField(form.fields, organisation, period, on: database)
    }

    /// The recorded figure behind each prefillable field.
    static func byField(_ fields: [ReportField], _ organisation: Organisation, _ period: ReportPeriod, on database: any Database) async throws -> [String: Double] {
        guard fields.contains(where: { $0.source != nil }) else { return [:] }
        let figures = try await of(organisation, period, on: database)
        return Dictionary(fields.compactMap { f in f.source.flatMap { figures[$0] }.map { (f.key, $0) } }, uniquingKeysWith: { a, _ in a })
    }
}
