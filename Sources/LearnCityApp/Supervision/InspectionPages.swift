import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

enum InspectionPages {
    struct MineRow: Sendable { var id, inspection: Int; var requirement, due: String; var state: RectificationState; var late: Bool }
    struct Row: Sendable { var id: Int; var date, unit: String; var published: Bool; var total, open, late: Int }

    struct ListModel: Sendable {
        var office: Bool
        var mine: [MineRow]
        var rows: [Row]
        var units: [(String, String)]
        var form: InspectionsController.Form
        var errors: [String: String]
    }

    static func badge(_ state: RectificationState, late: Bool, _ s: SupervisionStrings) -> Node<HTML.BodyContext> {
        .group(.span(.class("badge state-\(state == .closed ? "done" : "on_track")"), .text(s.stateNames[state] ?? state.rawValue)),
               .if(late, .span(.class("badge state-late"), .text(s.late))))
    }

    struct List: PageView {
        var model: ListModel
        var context: PageContext
        var pageTitle: String { context.strings.supervision.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.supervision
            return .group(
                .if(!model.mine.isEmpty, .section(.class("card"), .id("mine"),
                    .h2(.text(s.mine)),
                    .ul(.forEach(model.mine) { r in
                        .li(.a(.href(SiteURL.inspection(r.inspection).path + "#r\(r.id)"), .text(r.requirement)),
                            .span(.class("muted small"), .text(" · \(s.due) \(r.due) ")), InspectionPages.badge(r.state, late: r.late, s))
                    }))),
                .section(.class("card"),
                    .h1(.text(s.title)),
                    model.rows.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"), .id("inspections"),
                        .thead(.tr(.th(.text(s.date)), .th(.text(s.unit)), .th(.class("number"), .text(s.rectifications)),
                                   .th(.class("number"), .text(s.open)), .th(.class("number"), .text(s.lateCount)), .th(.text(s.status)))),
                        .tbody(.forEach(model.rows) { r in
                            .tr(.td(.a(.href(SiteURL.inspection(r.id).path), .text(r.date))), .td(.text(r.unit)),
                                .td(.class("number"), .text(String(r.total))), .td(.class("number"), .text(String(r.open))),
                                .td(.class("number"), .text(String(r.late))),
                                .td(.span(.class("badge"), .text(r.published ? s.published : s.draft))))
                        })))),
                .if(model.office, createForm()))
        }

        private func createForm() -> Node<HTML.BodyContext> {
            let s = context.strings.supervision, f = model.form, e = model.errors
            return .section(.class("card narrow"),
                .h2(.text(s.create)),
                .p(.class("muted small"), .text(s.draftHint)),
                .form(.method(.post), .action(SiteURL.inspections.path), .novalidate(), csrfField(),
                    FormFields.input(name: "date", label: s.date, value: f.date ?? "", error: e["date"], hint: "2014-09-18"),
                    FormFields.select(name: "organisation", label: s.unit, options: [("", "—")] + model.units,
                                      selected: f.organisation.map(String.init), error: e["organisation"]),
                    FormFields.input(name: "inspectors", label: s.inspectors, value: f.inspectors ?? "", error: e["inspectors"]),
                    FormFields.textarea(name: "findings", label: s.findings, value: f.findings ?? "", error: e["findings"], hint: nil),
                    FormFields.textarea(name: "rectifications", label: s.rectificationLines, value: f.rectifications ?? "",
                                             error: e["rectifications"], hint: s.linesHint),
                    .button(.type(.submit), .class("button"), .text(s.save))))
        }
    }

    struct RectRow {
        var id: Int
        var requirement, due: String
        var state: RectificationState
        var late: Bool
        var answer, answeredBy, comment, closedOn: String?
        var files: [Attachment]
        var canAnswer, canAttach: Bool
    }

    struct DetailModel {
        var id: Int
        var date, unit, inspectors, findings: String
        var published: String?
        var office: Bool
        var rows: [RectRow]
        var files: [Attachment]
        var errors: [String: String]
    }

    static func detail(_ request: Request, inspection: Inspection, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let id = try inspection.requireID()
        let office = user.roles.allows(.governCity)
        let tz = request.application.learnCity.config.timeZone
        let today = LocalDate(Date(), in: tz)
        let names = try await WorkPlanController.organisationNames([inspection.organisationID], request)
        var rows: [RectRow] = []
        for r in try await Rectification.query(on: request.db).filter(\.$inspectionID == id).sort(\.$dueOn).sort(\.$id).all() {
            let rid = try r.requireID()
            rows.append(RectRow(id: rid, requirement: r.requirement, due: r.dueOn, state: r.state, late: r.isLate(today: today),
                                answer: r.answer, answeredBy: r.answeredBy, comment: r.comment, closedOn: r.closedOn,
                                files: try await Attachments.list(.rectification, rid, on: request.db),
                                canAnswer: inspection.isPublished && r.organisationID == user.organisationID && r.state != .closed && user.roles.allows(.reportFigures),
                                canAttach: try await SupervisionAccess.mayAttach(.rectification, rid, request)))
        }
        let model = DetailModel(id: id, date: inspection.inspectedOn, unit: names[inspection.organisationID] ?? "—", inspectors: inspection.inspectors,
                                findings: inspection.findings, published: inspection.publishedAt.map { DateText.minute($0, tz) }, office: office,
                                rows: rows, files: try await Attachments.list(.inspection, id, on: request.db), errors: errors)
        return Detail(model: model, context: PageContext(request)).response(status: status)
    }
}
