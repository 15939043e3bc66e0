import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// The Finance Bureau's half-yearly report to the leading group (四(四)): the training funds
/// allocated in the half-year, by source and by recipient, with totals. A printable page, and
/// the same figures as an Excel file (`format=xlsx`).
enum FundsReportController {
    struct Model: Sendable {
        var half: String
        var period: ReportPeriod?
        /// (date, source, recipient, purpose, amount)
        var rows: [(String, String, String, String, Int)]
        var bySource: [(String, Int)]
        var byRecipient: [(String, Int)]
        var total: Int
        var error: String?
        /// The half-years to choose from (no typing “2014-H2”), newest first.
        var halves: [ReportPeriod] = []
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let today = request.today
        let text = request.query[String.self, at: "half"] ?? ReportPeriod.containing(today, kind: .halfYear).description
        guard let period = FundsHalfYearReport.period(text) else {
            var model = Model(half: text, period: nil, rows: [], bySource: [], byRecipient: [], total: 0,
                              error: request.strings.funds.periodInvalid)
            model.halves = try await halves(request, around: nil)
            return FundsReportPage(model: model, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        // Official documents are in Chinese whatever the reader's language, recipients' labels too.
        let printing = request.query[String.self, at: "format"] == "print"
        var model = try await query(period, request, strings: printing ? .zh : request.strings)
        model.halves = try await halves(request, around: period)
        if request.query[String.self, at: "format"] == "xlsx" {
            let s = request.strings.funds
            var rows: [[TableCell]] = model.rows.map { date, source, recipient, purpose, fen in
                [LocalDate.parse(date).map(TableCell.date) ?? .text(date), .text(source), .text(recipient), .text(purpose), .yuan(fen: fen)]
            }
            rows.append([])
            rows += model.bySource.map { ["", .text($0.0), "", .text(s.total), .yuan(fen: $0.1)] }
            rows.append([])
            rows += model.byRecipient.map { ["", "", .text($0.0), .text(s.total), .yuan(fen: $0.1)] }
            rows.append([.text(s.total), "", "", "", .yuan(fen: model.total)])
            return try await TableExport.response(request, name: "funds-\(period.description)", header: [s.date, s.source, s.recipient, s.purpose, s.amount],
                                                  rows: rows, entity: "fund_allocation", format: .xlsx)
        }
        if printing {
            let user = try request.requireUser()
            let issuer = try await user.organisationID.asyncMap { try await Organisation.find($0, on: request.db) }??
                .name(.zh) ?? ""
            var headers = HTTPHeaders()
            headers.contentType = .html
            let html = FundsReportDocument.html(model, issuer: issuer, date: request.today)
            return Response(status: .ok, headers: headers, body: .init(string: html))
        }
        return FundsReportPage(model: model, context: PageContext(request)).response()
    }

    /// Every half-year from the first allocation's year (or the one asked for) to this year.
    static func halves(_ request: Request, around period: ReportPeriod?) async throws -> [ReportPeriod] {
        let thisYear = request.today.year
        let first = try await FundAllocation.query(on: request.db).sort(\.$allocatedOn).first()?.allocatedOn
        let from = min(first.flatMap { Int($0.prefix(4)) } ?? thisYear, period?.year ?? thisYear)
        let to = max(thisYear, period?.year ?? thisYear)
        return (from...to).reversed().flatMap { year in
            [2, 1].compactMap { ReportPeriod(kind: .halfYear, year: year, index: $0) }
        }
    }

    /// The report's figures; tests call this without HTTP.
    static func query(_ period: ReportPeriod, _ request: Request, strings: Strings? = nil) async throws -> Model {
        let strings = strings ?? request.strings
        let allocations = try await FundAllocation.query(on: request.db)
            .filter(\.$allocatedOn >= period.start.iso).filter(\.$allocatedOn <= period.end.iso).all()
        let report = FundsHalfYearReport(period: period, allocations: allocations.compactMap { $0.entry() })
        let sources = try await FundSource.query(on: request.db).filter(\.$id ~~ Array(Set(allocations.map(\.sourceID)))).all()
        let sourceNames = Dictionary(sources.compactMap { s in s.id.map { ($0, s.name) } }, uniquingKeysWith: { a, _ in a })
        let byID = Dictionary(allocations.compactMap { a in a.id.map { ($0, a) } }, uniquingKeysWith: { a, _ in a })
        let recipientNames = Dictionary(allocations.map { ($0.recipientKey, FundsPage.recipientLabel($0, strings)) }, uniquingKeysWith: { a, _ in a })
        return Model(
            half: period.description, period: period,
            rows: report.allocations.map { entry in
                let a = byID[entry.id]
                return (entry.date.iso, sourceNames[entry.source] ?? "—", a.map { FundsPage.recipientLabel($0, strings) } ?? "—", a?.purpose ?? "", entry.amount)
            },
            bySource: report.bySource.map { (sourceNames[$0.key] ?? "—", $0.total) },
            byRecipient: report.byRecipient.map { (recipientNames[$0.key] ?? $0.key, $0.total) },
            total: report.total)
    }
}

struct FundsReportPage: PageView {
    var model: FundsReportController.Model
    var context: PageContext
    var pageTitle: String { context.strings.funds.report(model.half) }

    func content() -> Node<HTML.BodyContext> {
        let s = context.strings.funds
        let chinese = context.language == .zh
        let label = model.period?.label(chinese: chinese) ?? model.half
        let base = SiteURL.fundsReport.path + "?half="
        return .section(.class("card"),
            .h1(.text(s.reportTitle(label))),
            .p(.class("muted"), .text(s.reportIntro)),
            .form(.method(.get), .action(SiteURL.fundsReport.path), .class("filters export"),
                FormFields.select(name: "half", label: s.half,
                                  options: model.halves.map { ($0.description, $0.label(chinese: chinese)) },
                                  selected: model.period?.description ?? model.half, error: model.error),
                .button(.type(.submit), .class("button secondary"), .text(s.show))),
            .unwrap(model.period) { period in
                .p(.class("toolbar export"),
                   .a(.class("button secondary"), .href(base + period.description + "&format=xlsx"), .text(s.download)),
                   .a(.class("button secondary"), .href(base + period.description + "&format=print"),
                      .attribute(named: "target", value: "_blank"),
                      .text(s.print)),
                   .a(.href(base + previous(period).description), .text("← " + previous(period).label(chinese: context.language == .zh))),
                   .a(.href(base + period.next().description), .text(period.next().label(chinese: context.language == .zh) + " →")))
            },
            model.rows.isEmpty ? .p(.class("empty"), .text(model.period == nil ? s.periodInvalid : s.reportNone)) : .group(
                .div(.class("table-wrap"), .table(.class("list"), .id("report-allocations"),
                    .thead(.tr(.th(.text(s.date)), .th(.text(s.source)), .th(.text(s.recipient)), .th(.text(s.purpose)), .th(.class("number"), .text(s.amount)))),
                    .tbody(.forEach(model.rows) { date, source, recipient, purpose, amount in
                        .tr(.td(.text(date)), .td(.text(source)), .td(.text(recipient)), .td(.class("small"), .text(purpose)),
                            .td(.class("number"), .text(NumberText.yuan(fen: amount))))
                    }),
                    .tfoot(.tr(.th(.text(s.total)), .td(), .td(), .td(), .td(.class("number"), .strong(.text(NumberText.yuan(fen: model.total)))))))),
                .div(.class("breakdowns"),
                    totals(s.sources, model.bySource, id: "report-by-source"),
                    totals(s.byRecipient, model.byRecipient, id: "report-by-recipient"))))
    }

    private func previous(_ period: ReportPeriod) -> ReportPeriod {
        ReportPeriod(kind: .halfYear, year: period.index == 1 ? period.year - 1 : period.year, index: period.index == 1 ? 2 : 1) ?? period
    }

    private func totals(_ title: String, _ rows: [(String, Int)], id: String) -> Node<HTML.BodyContext> {
        let s = context.strings.funds
        return .div(.class("card"),
            .h2(.text(title)),
            .table(.class("list"), .id(id),
                .tbody(.forEach(rows) { name, total in .tr(.td(.text(name)), .td(.class("number"), .text(NumberText.yuan(fen: total)))) }),
                .tfoot(.tr(.th(.text(s.total)), .td(.class("number"), .strong(.text(NumberText.yuan(fen: model.total))))))))
    }
}

/// The half-year report on paper, in the office's document frame (GB/T 9704, `OfficialDocument`),
/// from the unit that prints it: the total in a sentence, then the allocations and the two
/// breakdowns as appendix tables. Official documents are in Chinese whatever the page language.
enum FundsReportDocument {
    static func html(_ model: FundsReportController.Model, issuer: String, date: LocalDate) -> String {
        let s = FundStrings.zh
        let label = model.period?.label(chinese: true) ?? model.half
        let yuan = { (fen: Int) in NumberText.yuan(fen: fen) }
        return OfficialDocument.html(
            title: s.reportTitle(label), issuer: issuer, numberLine: nil, date: date,
            content: .group(
                .div(.class("body"), .text(s.reportIntro + "\n"
                                            + "本期共下拨培训经费 \(yuan(model.total)) 元，共 \(model.rows.count) 笔。")),
                OfficialDocument.appendix("附表一　经费下拨明细", [s.date, s.source, s.recipient, s.purpose, s.amount], .group(
                    .forEach(model.rows) { date, source, recipient, purpose, fen in
                        .tr(.td(.text(date)), .td(.text(source)), .td(.text(recipient)), .td(.text(purpose)),
                            .td(.class("n"), .text(yuan(fen))))
                    },
                    .tr(.th(.text(s.total)), .td(), .td(), .td(), .td(.class("n"), .text(yuan(model.total)))))),
                OfficialDocument.appendix("附表二　" + s.sources, [s.source, s.amount],
                                          totals(model.bySource, model.total)),
                OfficialDocument.appendix("附表三　" + s.byRecipient, [s.recipient, s.amount],
                                          totals(model.byRecipient, model.total))))
    }

    private static func totals(_ rows: [(String, Int)], _ total: Int) -> HTMLNode {
        .group(
            .forEach(rows) { name, fen in .tr(.td(.text(name)), .td(.class("n"), .text(NumberText.yuan(fen: fen)))) },
            .tr(.th(.text(FundStrings.zh.total)), .td(.class("n"), .text(NumberText.yuan(fen: total)))))
    }
}
