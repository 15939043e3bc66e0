import Fluent
import Foundation
import LearnCityCore
import Markup
import SQLKit
import Vapor

/// A figure a unit reported in aggregate (its quarterly or annual report says "5,000 person-times
/// trained"): shown beside the recorded figure, labelled, and never added to it (design.md §3).
/// Governance's report forms (issue 7) will write here from approved reports.
final class ReportedFigure: Model, @unchecked Sendable {
    static let schema = "reported_figures"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "organisation_id") var organisationID: Int
    @Field(key: "organisation_path") var organisationPath: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "year") var year: Int
    /// 1–4, or 0 for the whole year.
    @Field(key: "quarter") var quarter: Int
    @Field(key: "value") var value: Double
    @Field(key: "note") var note: String
    @Field(key: "reported_by") var reportedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct CreateReportedFigures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportedFigure.schema)
            .field("id", .int, .identifier(auto: true))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("organisation_path", .string, .required)
            .field("region_code", .string, .required)
            .field("indicator_code", .string, .required, .references(Indicator.schema, "code"))
            .field("year", .int, .required)
            .field("quarter", .int, .required)
            .field("value", .double, .required)
            .field("note", .string, .required)
            .field("reported_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "indicator_code", "year", "quarter")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ReportedFigure.schema).delete() }
}

enum ReportedFigures {
    /// The reported figures of a year within a dashboard scope, summed per indicator. A unit's
    /// whole-year figure stands for its year; otherwise its quarters add up.
    static func totals(year: Int, scope: DashboardQueries.Scope, on database: any Database) async throws -> [String: Double] {
        var query = ReportedFigure.query(on: database).filter(\.$year == year)
        if let prefix = scope.regionPrefix { query = query.filter(\.$regionCode =~ prefix) }
        if let path = scope.providerPath { query = query.filter(\.$organisationPath =~ path) }
        let figures = try await query.all()
        var totals: [String: Double] = [:]
        for (key, group) in Dictionary(grouping: figures, by: { "\($0.organisationID)|\($0.indicatorCode)" }) {
            let code = String(key.split(separator: "|")[1])
            let whole = group.first { $0.quarter == 0 }
            totals[code, default: 0] += whole?.value ?? group.reduce(0) { $0 + $1.value }
        }
        return totals
    }

    struct Form: Content {
        var organisation: Int?
        var indicator: String?
        var year: String?
        var quarter: String?
        var value: String?
        var note: String?
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await render(request, form: Form(), errors: [:], notice: nil)
    }

    @Sendable static func save(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let s = request.strings.reported
        let scope = try await request.accountScope()
        var errors: [String: String] = [:]
        let organisation = try await form.organisation.asyncMap { id in
            try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == id).first()
        } ?? nil
        if organisation == nil { errors["organisation"] = request.strings.fieldRequired }
        let indicator = try await form.indicator.asyncMap { try await Indicator.find($0, on: request.db) } ?? nil
        if indicator == nil { errors["indicator"] = request.strings.fieldRequired }
        let year = BoundedNumber.integer(form.year, in: BoundedNumber.years)
        if year == nil || !(1990...2100).contains(year!) { errors["year"] = request.strings.targets.yearInvalid }
        let quarter = form.quarter.flatMap(Int.init) ?? 0
        if !(0...4).contains(quarter) { errors["quarter"] = request.strings.fieldRequired }
        let value = form.value.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        if value == nil || value! < 0 { errors["value"] = request.strings.targets.valueInvalid }
        guard errors.isEmpty, let organisation, let indicator, let year, let value else {
            return try await render(request, form: form, errors: errors, notice: nil, status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        let organisationID = try organisation.requireID(), code = try indicator.requireID()
        try await request.db.transaction { db in
            let figure = try await ReportedFigure.query(on: db).filter(\.$organisationID == organisationID).filter(\.$indicatorCode == code)
                .filter(\.$year == year).filter(\.$quarter == quarter).first() ?? ReportedFigure()
            (figure.organisationID, figure.organisationPath, figure.regionCode) = (organisationID, organisation.path, organisation.regionCode)
            (figure.indicatorCode, figure.year, figure.quarter, figure.value) = (code, year, quarter, value)
            (figure.note, figure.reportedBy) = (String((form.note ?? "").prefix(500)), actor.name)
            try await figure.save(on: db)
            try await Audit.record(.update, entity: "reported_figure", id: figure.id.map(String.init),
                                   summary: "\(organisation.code) \(code) \(year)Q\(quarter): \(value)", by: actor, on: db)
        }
        return try await render(request, form: Form(), errors: [:], notice: s.saved)
    }

    private static func render(_ request: Request, form: Form, errors: [String: String], notice: String?,
                               status: HTTPResponseStatus = .ok) async throws -> Response {
        let scope = try await request.accountScope()
        let organisations = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$closedAt == nil).sort(\.$path).all()
        let visibleIDs = Set(organisations.compactMap(\.id))
        let figures = try await ReportedFigure.query(on: request.db).sort(\.$year, .descending).sort(\.$quarter).limit(500).all()
            .filter { visibleIDs.contains($0.organisationID) }
        let names = Dictionary(uniqueKeysWithValues: organisations.compactMap { o in o.id.map { ($0, o.name(request.language)) } })
        var preset = form
        if preset.organisation == nil { preset.organisation = request.auth.get(User.self)?.organisationID }
        let model = ReportedPage.Model(
            rows: figures.map { ($0.indicatorCode, names[$0.organisationID] ?? "—", $0.year, $0.quarter, $0.value, $0.note, $0.reportedBy) },
            organisations: organisations.map { (String($0.id ?? 0), String(repeating: "　", count: $0.depth) + $0.name(request.language)) },
            indicators: try await Indicator.query(on: request.db).sort(\.$position).all().map { ($0.id ?? "", "\($0.id ?? "") \($0.definition.nameZh)") },
            form: preset, errors: errors, notice: notice)
        return ReportedPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}

enum ReportedPage {
    struct Model: Sendable {
        /// (indicator, organisation, year, quarter, value, note, by)
        var rows: [(String, String, Int, Int, Double, String, String)]
        var organisations: [(String, String)]
        var indicators: [(String, String)]
        var form: ReportedFigures.Form
        var errors: [String: String]
        var notice: String?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.reported.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.reported, f = model.form, e = model.errors
            let quarters = [("0", s.wholeYear), ("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title)),
                    .p(.class("muted"), .text(s.intro)),
                    .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                    model.rows.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"), .id("reported"),
                        .thead(.tr(.th(.text(s.indicator)), .th(.text(s.organisation)), .th(.text(s.period)), .th(.class("number"), .text(s.value)),
                                   .th(.text(s.note)), .th(.text(s.by)))),
                        .tbody(.forEach(model.rows) { code, org, year, quarter, value, note, by in
                            .tr(.td(.text(code)), .td(.text(org)), .td(.text(quarter == 0 ? "\(year)" : "\(year) Q\(quarter)")),
                                .td(.class("number"), .text(value == value.rounded() ? NumberFormat.integer(Int(value)) : String(value))),
                                .td(.class("small"), .text(note)), .td(.class("small"), .text(by)))
                        })))),
                .section(.class("card narrow"),
                    .h2(.text(s.add)),
                    .form(.method(.post), .action(SiteURL.reportedFigures.path), .novalidate(), csrfField(),
                        FormFields.select(name: "organisation", label: s.organisation, options: model.organisations,
                                          selected: f.organisation.map(String.init), error: e["organisation"]),
                        FormFields.select(name: "indicator", label: s.indicator, options: model.indicators, selected: f.indicator, error: e["indicator"]),
                        FormFields.input(name: "year", label: s.year, value: f.year ?? "", error: e["year"]),
                        FormFields.select(name: "quarter", label: s.period, options: quarters, selected: f.quarter ?? "0", error: e["quarter"]),
                        FormFields.input(name: "value", label: s.value, value: f.value ?? "", error: e["value"]),
                        FormFields.input(name: "note", label: s.note, value: f.note ?? "", error: nil),
                        .button(.type(.submit), .class("button"), .text(s.save)))))
        }
    }
}
