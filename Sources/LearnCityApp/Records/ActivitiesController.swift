import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// Activities on the staff pages: the list within scope, a form to add one, void with a reason.
enum ActivitiesController {
    struct Form: Content {
        var title: String?
        var organiser: Int?
        var date: String?
        var headcount: String?
        var registered: String?
        var activity: Int?
        var reason: String?
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await page(request, form: Form(), errors: [:])
    }

    @Sendable static func change(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let scope = try await request.accountScope()
        let s = request.strings.activities
        let actor = Audit.Actor(request)
        if let id = form.activity {   // void
            guard let activity = try await visible(scope, request).filter(\.$id == id).first() else { throw AppError(.notFound) }
            do { try await ActivityService.void(activity, reason: form.reason ?? "", actor: actor, on: request.db) }
            catch ActivityService.Problem.reasonRequired {
                return try await page(request, form: Form(), errors: ["reason-\(id)": request.strings.records.reasonRequired], status: .unprocessableEntity)
            } catch ActivityService.Problem.alreadyVoided {}
            return request.redirect(to: SiteURL.activities.path)
        }
        var errors: [String: String] = [:]
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors["title"] = request.strings.fieldRequired }
        let organiser = try await form.organiser.asyncMap { id in
            try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == id).first()
        } ?? nil
        if organiser == nil { errors["organiser"] = request.strings.fieldRequired }
        let date = LocalDate.parse(form.date ?? "")
        if date == nil { errors["date"] = request.strings.records.dateInvalid }
        let headcount = BoundedNumber.integer(form.headcount, in: BoundedNumber.counts)
        let registered = BoundedNumber.integer((form.registered ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? "0" : form.registered, in: BoundedNumber.counts)
        if headcount == nil || headcount! < 1 || headcount! > 1_000_000 { errors["headcount"] = s.headcountInvalid }
        if registered == nil || registered! < 0 { errors["registered"] = s.headcountInvalid }
        else if let headcount, let registered, registered > headcount { errors["registered"] = s.registeredTooMany }
        guard errors.isEmpty, let organiser, let date, let headcount, let registered else {
            return try await page(request, form: form, errors: errors, status: .unprocessableEntity)
        }
        try await ActivityService.create(.init(title: String(title.prefix(200)), organiser: organiser, date: date,
                                               headcount: headcount, registered: registered), actor: actor, on: request.db)
        return request.redirect(to: SiteURL.activities.path)
    }

    private static func visible(_ scope: AccountScope, _ request: Request) -> QueryBuilder<Activity> {
        let query = Activity.query(on: request.db)
        if scope.everything { return query }
        return query.group(.or) { group in
            if let path = scope.organisationPath { group.filter(\.$organiserPath =~ path) }
            if let region = scope.region { group.filter(\.$regionCode =~ region.subtreePrefix) }
            if scope.organisationPath == nil && scope.region == nil { group.filter(\.$id == -1) }
        }
    }

    private static func page(_ request: Request, form: Form, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let scope = try await request.accountScope()
        let activities = try await visible(scope, request).sort(\.$date, .descending).sort(\.$id, .descending).limit(200).all()
        let organisations = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$closedAt == nil).sort(\.$path).all()
        let model = ActivitiesPage.Model(
            rows: activities.map { a in
                ActivitiesPage.Row(id: a.id ?? 0, title: a.title, date: a.date, headcount: a.headcount, registered: a.registered,
                                   organiser: organisations.first { $0.id == a.organiserID }?.name(request.language) ?? "—",
                                   voided: a.voidReason)
            },
            organisers: organisations.map { (String($0.id ?? 0), String(repeating: "　", count: $0.depth) + $0.name(request.language)) },
            form: form, errors: errors)
        return ActivitiesPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}

enum ActivitiesPage {
    struct Row: Sendable {
        var id: Int
        var title, date: String
        var headcount, registered: Int
        var organiser: String
        var voided: String?
    }

    struct Model: Sendable {
        var rows: [Row]
        var organisers: [(String, String)]
        var form: ActivitiesController.Form
        var errors: [String: String]
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.activities.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.activities, r = context.strings.records, f = model.form, e = model.errors
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title)),
                    .p(.class("muted"), .text(s.intro)),
                    model.rows.isEmpty ? .p(.class("empty"), .text(s.empty)) : .div(.class("table-wrap"), .table(.class("list"), .id("activities"),
                        .thead(.tr(.th(.text(r.date)), .th(.text(s.name)), .th(.text(s.organiser)), .th(.text(s.headcount)),
                                   .th(.text(s.registered)), .th(.text(s.counted)), .th())),
                        .tbody(.forEach(model.rows) { row in
                            .tr(.class(row.voided == nil ? "" : "voided"),
                                .td(.text(row.date)), .td(.text(row.title)), .td(.text(row.organiser)),
                                .td(.class("number"), .text(String(row.headcount))), .td(.class("number"), .text(String(row.registered))),
                                .td(.class("number"), .text(row.voided == nil ? String(row.headcount - row.registered) : "0")),
                                .td(row.voided.map { .text(r.voidedNote($0)) } ?? .form(.method(.post), .action(SiteURL.activities.path), .class("inline"),
                                    csrfField(), .input(.type(.hidden), .name("activity"), .value(String(row.id))),
                                    FormFields.input(name: "reason", label: r.reason, value: "", error: e["reason-\(row.id)"]),
                                    .button(.type(.submit), .class("link"), .text(r.void)))))
                        })))),
                .section(.class("card narrow"),
                    .h2(.text(s.add)),
                    .form(.method(.post), .action(SiteURL.activities.path), .novalidate(), csrfField(),
                        FormFields.input(name: "title", label: s.name, value: f.title ?? "", error: e["title"]),
                        FormFields.select(name: "organiser", label: s.organiser, options: model.organisers, selected: f.organiser.map(String.init),
                                          error: e["organiser"]),
                        FormFields.input(name: "date", label: r.date, type: .date, value: f.date ?? "", error: e["date"]),
                        FormFields.input(name: "headcount", label: s.headcount, value: f.headcount ?? "", error: e["headcount"]),
                        FormFields.input(name: "registered", label: s.registered, value: f.registered ?? "", error: e["registered"], hint: s.registeredHint),
                        .button(.type(.submit), .class("button"), .text(r.save)))))
        }
    }
}
