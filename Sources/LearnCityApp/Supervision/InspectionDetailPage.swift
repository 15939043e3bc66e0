import LearnCityCore
import Markup

extension InspectionPages {
    /// One inspection: facts, findings, each rectification with its closure; the inspected unit
    /// answers, the office closes or sends back, publishes the draft and adds requirements.
    struct Detail: PageView {
        var model: DetailModel
        var context: PageContext
        var pageTitle: String { context.strings.supervision.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.supervision, m = model
            let back = SiteURL.inspection(m.id).path
            return .group(
                .section(.class("card"),
                    .h1(.text("\(m.unit) · \(m.date)")),
                    .p(.span(.class("badge"), .text(m.published.map { s.published + " " + $0 } ?? s.draft))),
                    .unwrap(m.errors["action"]) { .p(.class("alert"), .text($0)) },
                    .dl(.class("facts"),
                        .dt(.text(s.unit)), .dd(.text(m.unit)),
                        .dt(.text(s.date)), .dd(.text(m.date)),
                        .dt(.text(s.inspectors)), .dd(.text(m.inspectors))),
                    .h2(.text(s.findings)),
                    .p(.class("lines"), .text(m.findings)),
                    AttachmentsView.section(m.files, owner: .inspection, ownerID: m.id, canAttach: m.office, back: back, strings: context.strings.attachments, csrf: csrfField()),
                    .if(m.office && m.published == nil, .form(.method(.post), .action(back), .novalidate(), csrfField(),
                        .input(.type(.hidden), .name("action"), .value("publish")),
                        .p(.class("muted small"), .text(s.publishHint)),
                        .button(.type(.submit), .class("button"), .text(s.publish))))),
                .section(.class("card"),
                    .h2(.text(s.rectifications)),
                    m.rows.isEmpty ? .p(.class("empty"), .text(s.noRectifications)) : .ol(.id("rectifications"), .forEach(m.rows) { rectification($0) }),
                    .if(m.office, .form(.method(.post), .action(back), .novalidate(), csrfField(),
                        .input(.type(.hidden), .name("action"), .value("add_rectification")),
                        FormFields.textarea(name: "lines", label: s.addRectification, value: "", error: m.errors["lines"], hint: s.linesHint),
                        .button(.type(.submit), .class("button secondary"), .text(s.add))))))
        }

        private func rectification(_ r: RectRow) -> Node<HTML.ListContext> {
            let s = context.strings.supervision, back = SiteURL.inspection(model.id).path
            let error = model.errors["text-\(r.id)"]
            return .li(.id("r\(r.id)"),
                .p(.strong(.text(r.requirement)), .text(" "), InspectionPages.badge(r.state, late: r.late, s)),
                .p(.class("muted small"), .text("\(s.due) \(r.due)" + (r.closedOn.map { " · \(s.closedOn) \($0)" } ?? ""))),
                .unwrap(r.answer) { answer in .p(.class("lines"), .text(s.answer + context.strings.colon + answer), .span(.class("muted small"), .text(" · " + (r.answeredBy ?? "")))) },
                .unwrap(r.comment) { .p(.class(r.state == .open ? "alert" : "muted small"), .text(s.comment + context.strings.colon + $0)) },
                AttachmentsView.section(r.files, owner: .rectification, ownerID: r.id, canAttach: r.canAttach, back: back + "#r\(r.id)",
                                        strings: context.strings.attachments, csrf: csrfField()),
                .if(r.canAnswer, .form(.method(.post), .action(SiteURL.rectification(r.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("answer")),
                    FormFields.textarea(name: "text", id: "answer-\(r.id)", label: s.whatWasDone, value: r.answer ?? "", error: error, hint: nil),
                    .button(.type(.submit), .class("button"), .text(s.submitAnswer)))),
                .if(model.office && r.state != .closed, .form(.method(.post), .action(SiteURL.rectification(r.id).path), .class("inline"), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("close")),
                    .button(.type(.submit), .class("button"), .text(s.close)))),
                .if(model.office && r.state != .open, .form(.method(.post), .action(SiteURL.rectification(r.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("reopen")),
                    FormFields.textarea(name: "text", id: "comment-\(r.id)", label: s.comment, value: "", error: r.canAnswer ? nil : error, hint: nil),
                    .button(.type(.submit), .class("button secondary"), .text(s.reopen)))))
        }
    }
}
