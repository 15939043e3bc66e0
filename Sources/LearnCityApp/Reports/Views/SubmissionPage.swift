import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// One unit's report: the fields with what LearnCity recorded beside each (a difference over
/// 10% flagged), the actions the account may take now, the history and the attachments.
enum SubmissionPage {
    static func render(_ request: Request, _ submission: ReportSubmission, entered: [String: String]? = nil, errors: [String: String] = [:],
                       notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        guard let form = try await ReportForm.find(submission.formID, on: request.db),
              let organisation = try await Organisation.find(submission.organisationID, on: request.db),
              let period = ReportPeriod(submission.period) else { throw AppError(.notFound) }
        let id = try submission.requireID()
        let recorded = submission.recorded
        let tz = request.application.learnCity.config.timeZone
        let events = try await ReportEvent.query(on: request.db).filter(\.$submissionID == id).sort(\.$id).all()
        let isUnit = user.organisationID == submission.organisationID
        let people = try await PersonNames.load(events.map(\.by), on: request.db)
        let model = Model(
            id: id, formTitle: form.title, unit: organisation.name(request.language), period: period.label(chinese: request.language == .zh),
            deadline: submission.deadline, state: submission.state, version: submission.version, fields: form.fields,
            values: entered ?? submission.values, recorded: recorded,
            flagged: ReportValues.flagged(fields: form.fields, values: submission.values, recorded: recorded),
            recordedAt: submission.recordedAt.map { DateText.minute($0, tz) }, comment: submission.comment,
            unlockRequest: submission.unlockRequest, isUnit: isUnit, office: user.roles.allows(.governCity),
            history: events.map { ($0.at.map { DateText.minute($0, tz) } ?? "", people($0.by), $0.action, $0.comment) },
            attachments: try await Attachments.list(.reportSubmission, id, on: request.db),
            errors: errors, notice: notice)
        return View(model: model, context: PageContext(request)).response(status: status)
    }

    struct Model: Sendable {
        var id: Int
        var formTitle, unit, period, deadline: String
        var state: ReportState
        var version: Int
        var fields: [ReportField]
        var values: [String: String]
        var recorded: [String: Double]
        /// Fields whose stored value differs from the records by more than 10%.
        var flagged: Set<String>
        /// When the recorded figures were taken (at start, and again at submission).
        var recordedAt: String?
        var comment, unlockRequest: String?
        var isUnit, office: Bool
        /// (time, by, action, comment)
        var history: [(String, String, String, String)]
        var attachments: [Attachment]
        var errors: [String: String]
        var notice: String?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { model.formTitle }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.reports, m = model
            let editable = m.isUnit && m.state.editable
            return .group(
                .section(.class("card"),
                    .h1(.text(m.formTitle + " "), ReportsPage.badge(m.state, s)),
                    .p(.class("muted"), .text("\(m.unit) · \(m.period) · \(s.deadline) \(m.deadline)")),
                    .unwrap(m.notice) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .if(m.state == .returned, .unwrap(m.comment) { .p(.class("alert"), .text(s.returnedWith + context.strings.colon + $0)) }),
                    .if(m.state == .approved, .p(.class("notice"), .text(s.locked))),
                    .unwrap(m.unlockRequest) { .p(.class("alert"), .text(s.unlockRequested + context.strings.colon + $0)) },
                    .form(.method(.post), .action(SiteURL.reportSubmission(m.id).path), .novalidate(), csrfField(),
                        .input(.type(.hidden), .name("version"), .value(String(m.version))),
                        .div(.class("table-wrap"), .table(.class("list"), .id("report-fields"),
                            .thead(.tr(.th(.text(s.itemColumn)), .th(.text(s.submitted)), .th(.class("number"), .text(s.recorded)))),
                            .tbody(.forEach(m.fields) { field($0, editable: editable) }))),
                        .unwrap(m.recordedAt) { .p(.class("muted small"), .text(s.recordedAt + " " + $0)) },
                        .if(editable, .p(.class("toolbar"),
                            .button(.type(.submit), .name("action"), .value("save"), .class("button secondary"), .text(s.save)), .text(" "),
                            .button(.type(.submit), .name("action"), .value("submit"), .class("button"), .text(s.submit)))),
                        reviewControls()),
                    .p(.class("toolbar"), .a(.href(SiteURL.reportSheet(m.id).path), .text(s.download))),
                    .if(editable, .form(.method(.post), .action(SiteURL.reportSheet(m.id).path), .enctype(.multipartData), csrfField(),
                        .input(.type(.hidden), .name("version"), .value(String(m.version))),
                        .div(.class(m.errors["upload"] == nil ? "field" : "field invalid"), .label(.for("sheet"), .text(s.upload)),
                             .input(.type(.file), .name("file"), .id("sheet"), .attribute(named: "accept", value: ".xlsx,.csv")),
                             .p(.class("muted small"), .text(s.uploadHint)),
                             .unwrap(m.errors["upload"]) { .p(.class("field-error"), .text($0)) }),
                        .button(.type(.submit), .class("button secondary"), .text(s.upload))))),
                .section(.class("card"),
                    AttachmentsView.section(m.attachments, owner: .reportSubmission, ownerID: m.id, canAttach: editable,
                                            back: SiteURL.reportSubmission(m.id).path, strings: context.strings.attachments, csrf: csrfField()),
                    .h3(.text(s.history)),
                    m.history.isEmpty ? .p(.class("empty small"), .text("—")) : .ul(.id("history"), .forEach(m.history) { time, by, action, comment in
                        .li(.class("small"), .text("\(time) · \(by) · \(s.actionNames[action] ?? action)" + (comment.isEmpty ? "" : context.strings.colon + comment)))
                    })))
        }

        private func field(_ field: ReportField, editable: Bool) -> Node<HTML.TableContext> {
            let s = context.strings.reports, m = model
            let value = m.values[field.key] ?? "", error = m.errors[field.key]
            let recorded = m.recorded[field.key]
            let flagged = m.flagged.contains(field.key)
            let input: Node<HTML.BodyContext> = switch field.type {
            case .text: .textarea(.name(field.key), .id(field.key), .attribute(named: "rows", value: "3"), .text(value))
            case .choice: .element(named: "select", nodes: [.attribute(named: "name", value: field.key), .attribute(named: "id", value: field.key),
                .element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text("—")]),
                .group(field.options.map { option in .element(named: "option", nodes: [.attribute(named: "value", value: option),
                    .attribute(named: "selected", value: option == value ? "selected" : nil), .text(option)]) })])
            case .number: .input(.type(.text), .name(field.key), .id(field.key), .value(value), .attribute(named: "inputmode", value: "decimal"))
            }
            return .tr(.class(flagged ? "flagged" : ""),
                .td(.label(.for(field.key), .text(field.label))),
                .td(.class(error == nil ? "field lines" : "field invalid lines"), editable ? input : .text(value.isEmpty ? "—" : value),
                    .unwrap(error) { .p(.class("field-error"), .id("\(field.key)-error"), .text($0)) },
                    .if(flagged, .p(.class("field-error small"), .attribute(named: "title", value: s.differsHint), .text("⚠ " + s.differs)))),
                .td(.class("number"), .text(recorded.map(ReportSheet.number) ?? "")))
        }

        private func reviewControls() -> Node<HTML.FormContext> {
            let s = context.strings.reports, m = model
            let canReview = m.office && m.state == .submitted
            let canUnlock = m.office && m.state == .approved && m.unlockRequest != nil
            let canRequest = m.isUnit && m.state == .approved && m.unlockRequest == nil
            return .if(canReview || canUnlock || canRequest, .group(
                .div(.class(m.errors["comment"] == nil ? "field" : "field invalid"),
                     .label(.for("comment"), .text(canRequest ? s.unlockReason : s.comment)),
                     .textarea(.name("comment"), .id("comment"), .attribute(named: "rows", value: "2"), .text("")),
                     .unwrap(m.errors["comment"]) { .p(.class("field-error"), .id("comment-error"), .text($0)) }),
                .p(.class("toolbar"),
                    .if(canReview, .group(
                        .button(.type(.submit), .name("action"), .value("approve"), .class("button"), .text(s.approve)), .text(" "),
                        .button(.type(.submit), .name("action"), .value("return"), .class("button secondary"), .text(s.returnIt)))),
                    .if(canUnlock, .button(.type(.submit), .name("action"), .value("unlock"), .class("button"), .text(s.grantUnlock))),
                    .if(canRequest, .button(.type(.submit), .name("action"), .value("request_unlock"), .class("button secondary"), .text(s.requestUnlock))))))
        }
    }
}
