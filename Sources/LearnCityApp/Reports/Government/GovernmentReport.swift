import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The office's quarterly report to the municipal government: a frozen snapshot of live
/// indicators, reporting completeness and approved units' figures ("数据截至" its time), with the
/// office's own text, signed off inside the office and issued with a document number.
final class GovernmentReport: Model, @unchecked Sendable {
    static let schema = "government_reports"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "period") var period: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Enum(key: "state") var state: GovernmentReportState
    @Field(key: "data_as_of") var dataAsOf: Date
    /// `GovernmentReportContent` as JSON.
    @Field(key: "content") var contentJSON: String
    @Field(key: "drafted_by") var draftedBy: String
    @OptionalField(key: "reviewed_by") var reviewedBy: String?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "issued_by") var issuedBy: String?
    @OptionalField(key: "issued_at") var issuedAt: Date?
    @OptionalField(key: "number") var number: String?
    /// Goes up with every change: a change is made to the version its author saw, so a review
    /// never approves a text that changed under the reviewer, nor does an issue race a reopen.
    @Field(key: "version") var version: Int
    /// Who last changed the title, text or figures: they may not review it either.
    @Field(key: "edited_by") var editedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var content: GovernmentReportContent? { try? JSONDecoder().decode(GovernmentReportContent.self, from: Data(contentJSON.utf8)) }
}

struct CreateGovernmentReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GovernmentReport.schema)
            .field("id", .int, .identifier(auto: true))
            .field("period", .string, .required).field("title", .string, .required).field("body", .string, .required)
            .field("state", .string, .required).field("data_as_of", .datetime, .required).field("content", .string, .required)
            .field("drafted_by", .string, .required).field("reviewed_by", .string).field("reviewed_at", .datetime)
            .field("issued_by", .string).field("issued_at", .datetime).field("number", .string).field("created_at", .datetime)
            .field("version", .int, .required).field("edited_by", .string, .required)
            .unique(on: "number")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(GovernmentReport.schema).delete() }
}

/// Builds the snapshot from what LearnCity knows now, judged at the period's end (indicators,
/// plan items, funds), except the units' reports on the period, which are only due after it
/// and are judged at the snapshot's time (数据截至).
enum GovernmentSnapshot {
    static func build(_ period: ReportPeriod, today: LocalDate, timeZone: TimeZone, on db: any Database) async throws -> GovernmentReportContent {
        let city = try await NetworkQueries.city(on: db)
        let office = try await Organisation.query(on: db).filter(\.$kind == .leadingGroupOffice).sort(\.$id).first()
        var indicators: [GovernmentReportContent.Indicator] = []
        if let code = city?.code {
            // Up to the quarter's end: a Q1 report drafted on 10 April does not count April. The
            // tallies hold whole years, so a quarter already over is counted from the records
            // (one scan per indicator, like 同比); the fourth quarter ends with the year, and
            // the quarter under way has nothing after it: for those the tallies are exact.
            let endsYear = period.end.month == 12 && period.end.day == 31
            let cut = period.end < today && !endsYear ? period.end : nil
            for item in try await IndicatorQueries.progress(year: period.year, region: code, on: db) {
                let numerator = try await cut.asyncMap {
                    try await IndicatorScan.numerator(item.definition, year: period.year, through: $0, regionPrefix: code.subtreePrefix, on: db)
                } ?? item.numerator
                indicators.append(.init(code: item.definition.code, name: item.definition.nameZh, isRate: item.definition.unit == .rate,
                                        numerator: numerator, denominator: item.denominator, target: item.target))
            }
        }
        var forms: [GovernmentReportContent.FormSummary] = []
        for form in try await ReportForm.query(on: db).sort(\.$id).all() where form.periodKind == period.kind.rawValue {
            guard form.periods(through: max(today, period.end)).contains(period), let formID = form.id else { continue }
            let units = try await ReportFormUnit.query(on: db).filter(\.$formID == formID).all().map(\.organisationID)
            let submissions = try await ReportSubmission.query(on: db).filter(\.$formID == formID).filter(\.$period == period.description).all()
            let deadline = period.deadline(daysAfterEnd: form.deadlineDays)
            let completeness = ReportCompleteness(expected: units, entries: submissions.map { .init(unit: $0.organisationID, firstSubmitted: $0.firstSubmittedAt.map { LocalDate($0, in: timeZone) }) },
                                                  deadline: deadline, today: today)
            let names = Dictionary(try await Organisation.query(on: db).filter(\.$id ~~ completeness.missing).all().compactMap { o in o.id.map { ($0, o.nameZh) } },
                                   uniquingKeysWith: { a, _ in a })
            let approved = submissions.filter { $0.state == .approved }
            forms.append(.init(title: form.title, expected: completeness.expected, submitted: completeness.submitted, onTime: completeness.onTime,
                               approved: approved.count, missing: completeness.missing.compactMap { names[$0] },
                               totals: GovernmentReportContent.totals(fields: form.fields, approved: approved.map(\.values))))
        }
        var plan = GovernmentReportContent.PlanSummary(total: 0, done: 0, late: 0, lateItems: [])
        if let latest = try await WorkPlan.query(on: db).filter(\.$year == period.year).sort(\.$id, .descending).first() {
            let items = try await PlanItem.query(on: db).filter(\.$planID == latest.requireID()).filter(\.$retiredAt == nil)
                .sort(\.$position).all()
            // Judged at the quarter's end like the figures: “逾期” means late by then, not by today.
            let states = items.map { ($0, $0.state(today: min(today, period.end))) }
            plan = .init(total: items.count, done: states.filter { $0.1 == .done }.count, late: states.filter { $0.1 == .late }.count,
                         lateItems: states.filter { $0.1 == .late }.map { "\($0.0.section) \($0.0.title.prefix(40))" })
        }
        // Funds and projects of the year, as the ledger stands (allocations up to the period's end).
        let sources = try await FundSource.query(on: db).filter(\.$year == period.year).all()
        let allocations = try await FundAllocation.query(on: db).filter(\.$sourceID ~~ sources.compactMap(\.id))
            .filter(\.$allocatedOn <= period.end.iso).all()
        let paid = try await FundDisbursement.query(on: db).filter(\.$allocationID ~~ allocations.compactMap(\.id))
            .filter(\.$paidOn <= period.end.iso).all()
        let funds = GovernmentReportContent.FundsSummary(budget: sources.reduce(0) { $0 + $1.budgetFen },
                                                         allocated: allocations.reduce(0) { $0 + $1.amountFen }, disbursed: paid.reduce(0) { $0 + $1.amountFen })
        let projectRows = try await Project.query(on: db).filter(\.$year == period.year).all()
        let projects = GovernmentReportContent.ProjectsSummary(total: projectRows.count, active: projectRows.filter { $0.status == .active }.count,
                                                               done: projectRows.filter { $0.status == .done }.count)
        return GovernmentReportContent(city: city?.nameZh ?? "", office: office?.nameZh ?? "", period: period.description, year: period.year,
                                       indicators: indicators, forms: forms, plan: plan, funds: funds, projects: projects)
    }
}
