import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// The expert database: search by keyword (Chinese two-character words match) and field,
/// add experts, export what the search shows.
enum ExpertsController {
    struct Form: Content {
        var name, title, affiliation, fields, keywords, phone, email, availability: String?
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let q = request.query[String.self, at: "q"] ?? "", field = request.query[String.self, at: "field"] ?? ""
        let experts = try await ExpertSearch.find(q, field: field, on: request.db)
        let canManage = try request.requireUser().roles.allows(.manageExperts)
        return ExpertsPage.List(model: .init(query: q, field: field, rows: experts.map(row), canManage: canManage),
                                context: PageContext(request)).response()
    }

    @Sendable static func export(_ request: Request) async throws -> Response {
        let experts = try await ExpertSearch.find(request.query[String.self, at: "q"] ?? "", field: request.query[String.self, at: "field"], on: request.db)
        let s = request.strings.experts
        return try await TableExport.response(request, name: "experts",
            header: [s.name, s.title, s.affiliation, s.fields, s.keywords, s.phone, s.email, s.availability],
            rows: experts.map(row).map { [$0.name, $0.title, $0.affiliation, $0.fields, $0.keywords, $0.phone, $0.email, $0.availability] },
            entity: "expert")
    }

    @Sendable static func newForm(_ request: Request) async throws -> Response {
        ExpertsPage.New(model: .init(), context: PageContext(request)).response()
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespaces) }
        var errors: [String: String] = [:]
        for key in ["name", "affiliation", "fields"] where clean([ "name": form.name, "affiliation": form.affiliation, "fields": form.fields][key] ?? nil).isEmpty {
            errors[key] = request.strings.fieldRequired
        }
        var phone: MobileNumber?
        if !clean(form.phone).isEmpty {
            phone = MobileNumber(clean(form.phone))
            if phone == nil { errors["phone"] = request.strings.accounts.invalidPhone }
        }
        guard errors.isEmpty else {
            return ExpertsPage.New(model: .init(form: form, errors: errors), context: PageContext(request)).response(status: .unprocessableEntity)
        }
        let expert = Expert()
        expert.name = clean(form.name)
        expert.title = clean(form.title)
        expert.affiliation = clean(form.affiliation)
        expert.fields = clean(form.fields)
        expert.keywords = clean(form.keywords)
        expert.phoneCipher = try phone.map { try request.vault.seal($0.value) }
        expert.phoneMasked = phone?.masked
        expert.email = clean(form.email).isEmpty ? nil : clean(form.email)
        expert.availability = clean(form.availability)
        try await request.db.transaction { db in
            try await expert.create(on: db)
            try await ExpertSearch.reindex(expert, on: db)
            try await Audit.record(.create, entity: "expert", id: expert.id.map(String.init),
                                   summary: "\(expert.name); \(expert.fields)", by: Audit.Actor(request), on: db)
        }
        return request.redirect(to: SiteURL.experts.path)
    }

    static func row(_ expert: Expert) -> ExpertsPage.Row {
        .init(name: expert.name, title: expert.title, affiliation: expert.affiliation, fields: expert.fields,
              keywords: expert.keywords, phone: expert.phoneMasked ?? "—", email: expert.email ?? "—", availability: expert.availability)
    }
}

enum ExpertsPage {
    struct Row: Sendable { var name, title, affiliation, fields, keywords, phone, email, availability: String }

    struct List: PageView {
        struct Model: Sendable { var query: String; var field: String; var rows: [Row]; var canManage: Bool }
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.experts.heading }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.experts, registry = context.strings.registry
            let encoded = "q=\(model.query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&field=\(model.field.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            return .section(.class("card"),
                .h1(.text(s.heading)),
                .form(.method(.get), .action(SiteURL.experts.path), .class("toolbar"),
                    .input(.type(.search), .name("q"), .value(model.query), .placeholder(s.searchPlaceholder), .attribute(named: "aria-label", value: s.searchPlaceholder)),
                    .input(.type(.text), .name("field"), .value(model.field), .placeholder(s.fields), .attribute(named: "aria-label", value: s.fields)),
                    .button(.type(.submit), .class("button"), .text(registry.searchButton)),
                    .if(model.canManage, .a(.class("button secondary"), .href(SiteURL.newExpert.path), .text(s.newExpert))),
                    .a(.class("button secondary"), .href(SiteURL.expertsExport.path + "?" + encoded), .text(registry.exportCSV)),
                    .a(.class("button secondary"), .href(SiteURL.expertsExport.path + "?format=xlsx&" + encoded), .text(registry.exportXLSX))),
                model.rows.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"),
                    .thead(.tr(.th(.text(s.name)), .th(.text(s.title)), .th(.text(s.affiliation)), .th(.text(s.fields)),
                               .th(.text(s.keywords)), .th(.text(s.phone)), .th(.text(s.availability)))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.text(row.name)), .td(.text(row.title)), .td(.text(row.affiliation)), .td(.text(row.fields)),
                            .td(.class("small"), .text(row.keywords)), .td(.text(row.phone)), .td(.text(row.availability)))
                    }))))
        }
    }

    struct New: PageView {
        struct Model: Sendable { var form = ExpertsController.Form(); var errors: [String: String] = [:] }
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.experts.newExpert }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.experts, f = model.form
            let fields: [(String, String, String?)] = [("name", s.name, f.name), ("title", s.title, f.title), ("affiliation", s.affiliation, f.affiliation),
                          ("fields", s.fields, f.fields), ("keywords", s.keywords, f.keywords), ("phone", s.phone, f.phone),
                          ("email", s.email, f.email), ("availability", s.availability, f.availability)]
            return .section(.class("card narrow"),
                .h1(.text(pageTitle)),
                .form(.method(.post), .action(SiteURL.experts.path), .novalidate(),
                    csrfField(),
                    .forEach(fields) { name, label, value in FormFields.input(name: name, label: label, value: value ?? "", error: model.errors[name]) },
                    .button(.type(.submit), .class("button"), .text(context.strings.registry.save))))
        }
    }
}
