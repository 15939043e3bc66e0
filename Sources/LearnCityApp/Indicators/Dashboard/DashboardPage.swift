import Foundation
import LearnCityCore
import Markup

enum DashboardPage {
    struct Model: Sendable {
        var year: Int
        var region: String
        var regionName: String
        var yearElapsed: Double
        var indicators: [IndicatorProgress] = []
        /// (region code, name, its indicators)
        var drill: [(String, String, [IndicatorProgress])] = []
        var parent: String?
        var organisations: [FigureTable.Row] = []
        var memberUnits: [FigureTable.Row] = []
        var breakdowns: [(DashboardQueries.Breakdown, [DashboardQueries.Figure])] = []
        var comparison: [Comparison] = []
        var years: [Int] = []
        var regions: [(String, String)] = []
    }

    /// An indicator's year to date and the same period of the previous year.
    struct Comparison: Sendable {
        var code: String
        var current: Double?
        var previous: Double?
        var isRate: Bool
        /// What units reported in aggregate: shown beside, never added.
        var reported: Double? = nil

        /// The change in percent of the previous figure; for rates, in percentage points, named as
        /// the page's language names them (`points`: 个百分点 / pp).
        func change(points: String) -> String? {
            guard let current, let previous else { return nil }
            if isRate { return String(format: "%+.1f", (current - previous) * 100) + points }
            guard previous > 0 else { return nil }
            return String(format: "%+.1f%%", (current - previous) / previous * 100)
        }
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.dashboard.title }

        private var cards: IndicatorCards { IndicatorCards(context: context, year: model.year, yearElapsed: model.yearElapsed) }

        private func link(region: String? = nil, export table: String? = nil, format: String? = nil) -> String {
            var items = [URLQueryItem(name: "year", value: String(model.year)), URLQueryItem(name: "region", value: region ?? model.region)]
            if let table { items.append(URLQueryItem(name: "table", value: table)) }
            if let format { items.append(URLQueryItem(name: "format", value: format)) }
            var components = URLComponents()
            components.queryItems = items
            return (table == nil ? SiteURL.dashboard.path : SiteURL.dashboardExport.path) + "?" + (components.percentEncodedQuery ?? "")
        }

        private func exports(_ table: String) -> Node<HTML.BodyContext> {
            .p(.class("export small"), .a(.href(link(export: table, format: "xlsx")), .text("XLSX")), .text(" · "),
               .a(.href(link(export: table, format: "csv")), .text("CSV")))
        }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.dashboard
            return .group(
                .section(.class("card"),
                    .h1(.text("\(s.title) · \(model.regionName) · \(model.year)")),
                    .p(.class("muted"), .text(s.intro + " " + cards.yearStatus())),
                    .form(.method(.get), .action(SiteURL.dashboard.path), .class("filters"),
                        FormFields.select(name: "year", label: s.year, options: model.years.map { (String($0), String($0)) },
                                          selected: String(model.year), error: nil),
                        FormFields.select(name: "region", label: s.region, options: model.regions, selected: model.region, error: nil),
                        .button(.type(.submit), .class("button"), .text(s.show))),
                    .unwrap(model.parent) { .p(.a(.href(link(region: $0)), .text("← " + s.up))) },
                    .p(.class("export"), .a(.href(SiteURL.annualReturn.path + "?year=\(model.year)&region=\(model.region)"),
                                            .text(context.strings.annualReturn.title))),
                    .if(!model.indicators.isEmpty, .div(.class("targets"), .forEach(model.indicators) { cards.card($0) })),
                    comparison()),
                drill(),
                figureTable(s.organisationsTitle, model.organisations, id: "organisations"),
                figureTable(s.memberUnitsTitle, model.memberUnits, id: "member-units"),
                .section(.class("breakdowns"), .forEach(model.breakdowns) { breakdown, figures in breakdownCard(breakdown, figures) }))
        }

        private func comparison() -> Node<HTML.BodyContext> {
            let s = context.strings.dashboard
            guard !model.comparison.isEmpty else { return .empty }
            func text(_ value: Double?, rate: Bool) -> String {
                guard let value else { return "—" }
                return rate ? NumberFormat.percent(value) : NumberFormat.integer(Int(value))
            }
            return .div(.class("table-wrap"), .table(.class("list"), .id("year-on-year"),
                .thead(.tr(.th(.text(s.indicator)), .th(.class("number"), .text(s.yearToDate)), .th(.class("number"), .text(s.samePeriod)),
                           .th(.class("number"), .text(s.change)), .th(.class("number reported"), .text(context.strings.reported.column)))),
                .tbody(.forEach(model.comparison) { row in
                    .tr(.td(.text(row.code)), .td(.class("number"), .text(text(row.current, rate: row.isRate))),
                        .td(.class("number"), .text(text(row.previous, rate: row.isRate))),
                        .td(.class("number"), .text(row.change(points: s.percentagePoints) ?? "—")),
                        .td(.class("number reported"), .text(text(row.reported, rate: row.isRate))))
                })))
        }

        private func drill() -> Node<HTML.BodyContext> {
            let s = context.strings.dashboard
            guard !model.drill.isEmpty, let codes = model.drill.first?.2.map(\.definition.code) else { return .empty }
            return .section(.class("card"),
                .h2(.text(s.drillTitle)),
                .div(.class("table-wrap"), .table(.class("list"), .id("drill"),
                    .thead(.tr(.th(.text(s.region)), .forEach(codes) { .th(.class("number"), .text($0)) })),
                    .tbody(.forEach(model.drill) { code, name, items in
                        .tr(.td(.a(.href(link(region: code)), .text(name))),
                            .forEach(items) { item in .td(.class("number"), .text(cards.valueText(item))) })
                    }))),
                exports("regions"))
        }

        private func figureTable(_ title: String, _ rows: [FigureTable.Row], id: String) -> Node<HTML.BodyContext> {
            guard !rows.isEmpty else { return .empty }
            return .section(.class("card"),
                .h2(.text(title)),
                .p(.class("muted small"), .text(context.strings.dashboard.noDenominator)),
                exports(id),
                FigureTable.table(rows, id: id, strings: context.strings))
        }

        private func breakdownCard(_ breakdown: DashboardQueries.Breakdown, _ figures: [DashboardQueries.Figure]) -> Node<HTML.BodyContext> {
            let s = context.strings.dashboard, r = context.strings.records
            let title = s.breakdownNames[breakdown] ?? breakdown.rawValue
            return .section(.class("card"), .id("by-" + breakdown.rawValue),
                .h2(.text(title)),
                figures.isEmpty ? .p(.class("empty"), .text(s.noRecords)) : .group(
                    breakdown == .quarter
                        ? LineChart.svg(figures.map { ($0.key, Double($0.personTimes), NumberFormat.integer($0.personTimes)) },
                                        title: "\(title)（\(r.personTimes)）")
                        : BarChart.svg(figures.map { ($0.key, Double($0.personTimes), NumberFormat.integer($0.personTimes)) },
                                 title: "\(title)（\(r.personTimes)）"),
                    .div(.class("table-wrap"), .table(.class("list"),
                        .thead(.tr(.th(), .th(.class("number"), .text(r.personTimes)), .th(.class("number"), .text(r.distinctPeople)),
                                   .th(.class("number"), .text(r.hours)))),
                        .tbody(.forEach(figures) { f in
                            .tr(.td(.text(f.key)), .td(.class("number"), .text(NumberFormat.integer(f.personTimes))),
                                .td(.class("number"), .text(NumberFormat.integer(f.people))), .td(.class("number"), .text(NumberText.hours(f.hours))))
                        })))),
                exports(breakdown.rawValue))
        }
    }
}
