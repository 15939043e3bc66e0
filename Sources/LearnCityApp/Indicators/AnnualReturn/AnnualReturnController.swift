import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// The annual statistics return: live until the office publishes it; a published return is a
/// snapshot with its "数据截至" time and shows the same numbers forever. Printable; XLSX in the
/// layout a statistics office expects.
enum AnnualReturnController {
    @Sendable static func page(_ request: Request) async throws -> Response {
        let q = try await DashboardController.query(request)
        return try await render(request, year: q.year, region: q.region, content: try await live(request, q), asOf: Date(),
                                published: nil, unit: try await unitName(request, q))
    }

    /// The live return for the query: the region's, or for a department or provider (which speak
    /// for no region) their own unit's records only.
    private static func live(_ request: Request, _ q: DashboardController.Query) async throws -> AnnualReturnData.Content {
        try await AnnualReturnData.compute(year: q.year, region: q.region, unitPath: q.scope.providerPath, language: request.language,
                                           on: request.db)
    }

    /// The name the return is filed under when it is a unit's, not a region's.
    private static func unitName(_ request: Request, _ q: DashboardController.Query) async throws -> String? {
        guard !q.coversRegion else { return nil }
        guard let id = request.auth.get(User.self)?.organisationID else { return "—" }
        return try await Organisation.find(id, on: request.db)?.name(request.language) ?? "—"
    }

    /// 填报单位: the unit's name, else the region's.
    private static func filer(_ request: Request, region: RegionCode, unit: String?) async throws -> String {
        if let unit { return unit }
        return try await Region.find(region.rawValue, on: request.db)?.name(request.language) ?? region.rawValue
    }

    @Sendable static func published(_ request: Request) async throws -> Response {
        guard let snapshot = try await PublishedReturn.find(request.intID(), on: request.db),
              let region = RegionCode(snapshot.regionCode) else { throw AppError(.notFound) }
        let scope = try await request.accountScope()
        guard scope.everything || scope.includesRegion(region) else { throw AppError(.notFound) }
        let content = try JSONDecoder().decode(AnnualReturnData.Content.self, from: Data(snapshot.content.utf8))
        if request.query[String.self, at: "format"] == "xlsx" {
            return try await xlsx(request, year: snapshot.year, region: region, content: content, asOf: snapshot.dataAsOf, unit: nil)
        }
        return try await render(request, year: snapshot.year, region: region, content: content, asOf: snapshot.dataAsOf, published: snapshot,
                                unit: nil)
    }

    @Sendable static func publish(_ request: Request) async throws -> Response {
        let q = try await DashboardController.query(request)
        // A unit's own figures are not the region's return to publish.
        guard q.coversRegion else { throw AppError(.notFound) }
        let asOf = Date()
        let content = try await AnnualReturnData.compute(year: q.year, region: q.region, language: request.language, on: request.db)
        let snapshot = PublishedReturn()
        (snapshot.year, snapshot.regionCode, snapshot.dataAsOf) = (q.year, q.region.rawValue, asOf)
        snapshot.publishedBy = Audit.Actor(request).name
        snapshot.content = String(decoding: try JSONEncoder().encode(content), as: UTF8.self)
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            try await snapshot.create(on: db)
            try await Audit.record(.create, entity: "annual_return", id: snapshot.id.map(String.init), summary: "\(q.year) \(q.region.rawValue) published", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.publishedReturn(try snapshot.requireID()).path)
    }

    @Sendable static func export(_ request: Request) async throws -> Response {
        let q = try await DashboardController.query(request)
        return try await xlsx(request, year: q.year, region: q.region, content: try await live(request, q), asOf: Date(),
                              unit: try await unitName(request, q))
    }

    private static func render(_ request: Request, year: Int, region: RegionCode, content: AnnualReturnData.Content, asOf: Date,
                               published: PublishedReturn?, unit: String?) async throws -> Response {
        let regionName = try await filer(request, region: region, unit: unit)
        // The region's published returns are not a unit's to list.
        let snapshots = unit != nil ? [] : try await PublishedReturn.query(on: request.db).filter(\.$regionCode == region.rawValue)
            .sort(\.$id, .descending).all()
        let model = AnnualReturnPage.Model(
            year: year, region: region.rawValue, regionName: regionName, content: content,
            asOf: DateText.minute(asOf, request.application.learnCity.config.timeZone), publishedID: published?.id,
            canPublish: published == nil && unit == nil && (request.auth.get(User.self)?.roles.allows(.manageTargets) ?? false),
            snapshots: snapshots.map { ($0.id ?? 0, $0.year, DateText.minute($0.dataAsOf, request.application.learnCity.config.timeZone)) })
        return AnnualReturnPage.View(model: model, context: PageContext(request)).response()
    }

    /// The statistics office's layout: title, 表号 and 制表机关, 填报单位, a two-row header, the
    /// rows by department and by industry, the total, and the 负责人 / 填表人 / 日期 line.
    private static func xlsx(_ request: Request, year: Int, region: RegionCode, content: AnnualReturnData.Content, asOf: Date,
                             unit: String?) async throws -> Response {
        let s = request.strings.annualReturn
        let regionName = try await filer(request, region: region, unit: unit)
        let date = DateText.minute(asOf, request.application.learnCity.config.timeZone)
        func line(_ row: AnnualReturn.Row) -> [TableCell] {
            [.text(row.label)] + AnnualReturn.Group.allCases.map { .integer(row.people[$0] ?? 0) }
                + [.integer(row.total), .integer(row.personTimes), .hours(row.hours)]
        }
        let heading: [[String]] = [
            ["\(s.formNumber)", "\(s.authority)\(s.colon)\(regionName)\(s.authoritySuffix)", "\(s.dataAsOf)\(s.colon)\(date)"],
            ["\(s.reportingUnit)\(s.colon)\(regionName)", "\(s.year)\(s.colon)\(year)"],
            ["", s.peopleHeader, "", "", "", "", "", s.personTimes, s.hours],
            [s.item] + AnnualReturn.Group.allCases.map { s.groupNames[$0] ?? $0.rawValue } + [s.total, "", ""],
            [s.byDepartment],
        ]
        var rows = heading.map { $0.map(TableCell.text) }
        rows += content.byDepartment.map(line)
        rows.append([.text(s.byIndustry)])
        rows += content.byIndustry.map(line)
        rows.append(line(content.total))
        rows.append(["\(s.head)\(s.colon)", "\(s.preparer)\(s.colon)", "\(s.date)\(s.colon)\(date)"])
        return try await TableExport.response(request, name: "annual-return-\(year)-\(region.rawValue)",
                                              sheet: s.sheetTitle(year), header: [s.yearTitle(year)], rows: rows,
                                              entity: "annual_return", format: .xlsx)
    }
}

enum AnnualReturnPage {
    struct Model: Sendable {
        var year: Int
        var region, regionName: String
        var content: AnnualReturnData.Content
        var asOf: String
        var publishedID: Int?
        var canPublish: Bool
        var snapshots: [(Int, Int, String)]
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.annualReturn.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.annualReturn
            let query = "?year=\(model.year)&region=\(model.region)"
            return .section(.class("card"), .id("annual-return"),
                .h1(.text(s.yearTitle(model.year))),
                .p(.class("muted"), .text("\(s.formNumber) · \(s.reportingUnit)\(s.colon)\(model.regionName) · \(s.dataAsOf)\(s.colon)\(model.asOf)")),
                .if(model.publishedID != nil, .p(.class("notice"), .text(s.publishedNote))),
                .if(model.publishedID == nil, .p(.class("muted small"), .text(s.liveNote))),
                table(s.byDepartment, model.content.byDepartment, id: "by-department"),
                table(s.byIndustry, model.content.byIndustry + [model.content.total], id: "by-industry"),
                .p(.class("small"), .text("\(s.head)\(s.colon)________ \(s.preparer)\(s.colon)________ \(s.date)\(s.colon)\(model.asOf)")),
                .div(.class("toolbar export"),
                    .a(.class("button secondary"), .href(model.publishedID.map { SiteURL.publishedReturn($0).path + "?format=xlsx" }
                                                         ?? SiteURL.annualReturnExport.path + query), .text("XLSX")),
                    .if(model.canPublish, .form(.method(.post), .action(SiteURL.annualReturn.path + query), .class("inline"), csrfField(),
                                                .button(.type(.submit), .class("button"), .text(s.publish))))),
                .if(!model.snapshots.isEmpty, .group(.h2(.text(s.publishedTitle)), .ul(.class("export"), .forEach(model.snapshots) { id, year, asOf in
                    .li(.a(.href(SiteURL.publishedReturn(id).path), .text("\(year) · \(s.dataAsOf) \(asOf)")))
                }))))
        }

        private func table(_ title: String, _ rows: [AnnualReturn.Row], id: String) -> Node<HTML.BodyContext> {
            let s = context.strings.annualReturn
            return .group(.h2(.text(title)), .div(.class("table-wrap"), .table(.class("list"), .id(id),
                .thead(.tr(.th(.attribute(named: "rowspan", value: "2"), .text(s.item)),
                           .th(.attribute(named: "colspan", value: "6"), .text(s.peopleHeader)),
                           .th(.class("number"), .attribute(named: "rowspan", value: "2"), .text(s.personTimes)),
                           .th(.class("number"), .attribute(named: "rowspan", value: "2"), .text(s.hours))),
                       .tr(.forEach(AnnualReturn.Group.allCases) { .th(.class("number"), .text(s.groupNames[$0] ?? $0.rawValue)) },
                           .th(.class("number"), .text(s.total)))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(row.label)),
                        .forEach(AnnualReturn.Group.allCases) { .td(.class("number"), .text(NumberFormat.integer(row.people[$0] ?? 0))) },
                        .td(.class("number"), .text(NumberFormat.integer(row.total))),
                        .td(.class("number"), .text(NumberFormat.integer(row.personTimes))),
                        .td(.class("number"), .text(NumberText.hours(row.hours))))
                }))))
        }
    }
}
