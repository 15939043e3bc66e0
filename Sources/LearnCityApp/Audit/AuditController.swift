import Fluent
import Foundation
import Markup
import LearnCityCore
import Vapor

/// Browsing the audit log, newest first, filtered by action, actor, object and dates.
enum AuditController {
    static let pageSize = 100

    @Sendable static func list(_ request: Request) async throws -> Response {
        var filter = AuditPage.Filter()
        filter.action = request.query[String.self, at: "action"].flatMap(AuditAction.init(rawValue:))
        filter.actor = request.query[String.self, at: "actor"]?.trimmingCharacters(in: .whitespaces) ?? ""
        filter.entity = request.query[String.self, at: "entity"]?.trimmingCharacters(in: .whitespaces) ?? ""
        filter.from = request.query[String.self, at: "from"] ?? ""
        filter.to = request.query[String.self, at: "to"] ?? ""
        var query = AuditEvent.query(on: request.db)
        if let action = filter.action { query = query.filter(\.$action == action) }
        if !filter.actor.isEmpty { query = query.filter(\.$actorName ~~ filter.actor) }
        if !filter.entity.isEmpty { query = query.filter(\.$entityType == filter.entity) }
        let zone = request.application.learnCity.config.timeZone
        if let from = day(filter.from, zone) { query = query.filter(\.$at >= from) }
        if let to = day(filter.to, zone) { query = query.filter(\.$at < to.addingTimeInterval(86_400)) }
        let events = try await query.sort(\.$at, .descending).sort(\.$id, .descending).limit(pageSize).all()
        let model = AuditPage.Model(filter: filter, events: events.map {
            .init(at: $0.at, actor: $0.actorName, address: $0.address, action: request.strings.registry.auditAction($0.action),
                  entity: [$0.entityType, $0.entityID].compactMap { $0 }.joined(separator: " #"), summary: $0.summary)
        })
        return AuditPage.View(model: model, context: PageContext(request)).response()
    }

    /// `yyyy-MM-dd` as the start of that day in the city's time zone.
    static func day(_ text: String, _ zone: TimeZone) -> Date? {
        let parts = text.split(separator: "-").compactMap { BoundedNumber.integer(String($0), in: 0...9999) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}

enum AuditPage {
    struct Filter: Sendable {
        var action: AuditAction?
        var actor = "", entity = "", from = "", to = ""
    }

    struct Row: Sendable {
        var at: Date
        var actor, address, action, entity, summary: String
    }

    struct Model: Sendable {
        var filter: Filter
        var events: [Row]
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.registry.auditTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            let filter = model.filter
            return .section(.class("card"),
                .h1(.text(strings.auditTitle)),
                .form(.method(.get), .action(SiteURL.audit.path), .class("toolbar"),
                    .element(named: "select", nodes: [
                        .attribute(named: "name", value: "action"), .attribute(named: "aria-label", value: strings.action),
                        .element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text(strings.all)]),
                        .group(AuditAction.allCases.map { action in
                            .element(named: "option", nodes: [.attribute(named: "value", value: action.rawValue),
                                .attribute(named: "selected", value: filter.action == action ? "selected" : nil), .text(strings.auditAction(action))])
                        }),
                    ]),
                    .input(.type(.text), .name("actor"), .value(filter.actor), .placeholder(strings.actor)),
                    .input(.type(.text), .name("entity"), .value(filter.entity), .placeholder(strings.entity)),
                    .input(.type(.date), .name("from"), .value(filter.from), .attribute(named: "aria-label", value: strings.from)),
                    .input(.type(.date), .name("to"), .value(filter.to), .attribute(named: "aria-label", value: strings.to)),
                    .button(.type(.submit), .class("button"), .text(strings.filter))),
                model.events.isEmpty ? .p(.class("empty"), .text(strings.noEvents)) : .div(.class("table-wrap"), .table(.class("list"),
                    .thead(.tr(.th(.text(strings.time)), .th(.text(strings.actor)), .th(.text(strings.address)),
                               .th(.text(strings.action)), .th(.text(strings.entity)), .th(.text(strings.summary)))),
                    .tbody(.forEach(model.events) { event in
                        .tr(.td(.text(DateText.minute(event.at, context.timeZone))), .td(.text(event.actor)), .td(.text(event.address)),
                            .td(.text(event.action)), .td(.text(event.entity)), .td(.class("small"), .text(event.summary)))
                    }))))
        }
    }
}
