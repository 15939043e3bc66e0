import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

enum AssessmentPage {
    struct Criterion: Sendable { var id: Int; var name: String; var weight: Int; var source: CriterionSource }

    struct Model: Sendable {
        var year: Int
        var office: Bool
        var published: String?
        var criteria: [Criterion]
        var names: [Int: String]
        /// The units in the organisation tree's order (as frozen at publication).
        var units: [Int]
        /// criterion → unit → tenths
        var scores: [Int: [Int: Int]]
        var ranking: [RankedUnit]
        /// unit → reason
        var advanced: [Int: String]
        var top: Int?
        var errors: [String: String]
        var typed: [String: String]
    }

    static func render(_ request: Request, year: Int, errors: [String: String], typed: [String: String] = [:],
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let office = try request.requireUser().roles.allows(.governCity)
        let scheme = try await AssessmentScheme.query(on: request.db).filter(\.$year == year).first()
        let criteria = try await scheme.asyncMap { try await AssessmentController.criteria(of: $0, request) } ?? []
        // Published: the units and names frozen then; before: the open units now.
        let frozen = scheme?.publishedUnits
        let live = frozen == nil ? try await AssessmentController.units(request) : []
        let names: [Int: String] = frozen.map { units in Dictionary(units.map { ($0.id, request.language == .zh ? $0.name : $0.nameEn) }, uniquingKeysWith: { a, _ in a }) }
            ?? Dictionary(live.compactMap { o in o.id.map { ($0, o.name(request.language)) } }, uniquingKeysWith: { a, _ in a })
        let unitIDs = frozen?.map(\.id) ?? live.compactMap(\.id)
        var scores: [Int: [Int: Int]] = [:]
        for score in try await AssessmentScore.query(on: request.db).filter(\.$criterionID ~~ criteria.compactMap(\.id)).all() {
            scores[score.criterionID, default: [:]][score.organisationID] = score.tenths
        }
        let advanced = try await scheme.asyncMap { s in try await AdvancedUnit.query(on: request.db).filter(\.$schemeID == s.requireID()).all() } ?? []
        let tz = request.application.learnCity.config.timeZone
        let model = Model(
            year: year, office: office, published: scheme?.publishedAt.map { DateText.minute($0, tz) },
            criteria: criteria.map { Criterion(id: $0.id ?? 0, name: $0.name, weight: $0.weight, source: $0.source) },
            names: names, units: unitIDs,
            scores: scores,
            ranking: AssessmentScoring.ranking(AssessmentScoring.totals(scores, units: unitIDs), order: unitIDs),
            advanced: Dictionary(advanced.map { ($0.organisationID, $0.reason) }, uniquingKeysWith: { a, _ in a }),
            top: request.queryInteger("top", in: 1...50),
            errors: errors, typed: typed)
        return View(model: model, context: PageContext(request)).response(status: status)
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.assessment.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.assessment, m = model
            let visible = m.office || m.published != nil
            return .group(
                .section(.class("card"),
                    .h1(.text(s.heading(m.year))),
                    .form(.method(.get), .action(SiteURL.assessment.path), .class("inline"),
                        .input(.type(.text), .name("year"), .value(String(m.year)), .attribute(named: "aria-label", value: s.year)),
                        .button(.type(.submit), .class("button ghost"), .text(s.show))),
                    .p(.span(.class("badge"), .text(m.published.map { s.published + " " + $0 } ?? s.notPublished))),
                    .unwrap(m.errors["action"]) { .p(.class("alert"), .text($0)) },
                    visible ? ranking() : .p(.class("empty"), .text(s.notYet))),
                .if(visible, advancedList()),
                .if(m.office && m.published == nil, forms()))
        }

        private func ranking() -> Node<HTML.BodyContext> {
            let s = context.strings.assessment, m = model
            guard !m.criteria.isEmpty else { return .p(.class("empty"), .text(s.noCriteria)) }
            return .div(.class("table-wrap"), .table(.class("list"), .id("ranking"),
                .thead(.tr(.th(.text(s.rank)), .th(.text(s.unit)),
                           .forEach(m.criteria) { c in .th(.class("number"), .text("\(c.name)（\(c.weight)）")) },
                           .th(.class("number"), .text(s.total)))),
                .tbody(.forEach(m.ranking) { r in
                    .tr(.td(.text(String(r.rank))), .td(.text(m.names[r.unit] ?? "—")),
                        .forEach(m.criteria) { c in .td(.class("number"), .text(m.scores[c.id]?[r.unit].map(AssessmentScoring.points) ?? "—")) },
                        .td(.class("number"), .strong(.text(AssessmentScoring.points(r.totalTenths)))))
                })))
        }

        private func advancedList() -> Node<HTML.BodyContext> {
            let s = context.strings.assessment, m = model
            let rows = m.ranking.filter { m.advanced[$0.unit] != nil }
            return .section(.class("card"), .id("advanced"),
                .h2(.text(s.advanced)),
                rows.isEmpty ? .p(.class("empty"), .text(s.noAdvanced)) : .ul(.forEach(rows) { r in
                    .li(.strong(.text(m.names[r.unit] ?? "—")), .span(.class("muted small"), .text(" · " + (m.advanced[r.unit] ?? ""))))
                }))
        }
    }
}
