import Foundation
import LearnCityCore
import Markup

enum MeetingPages {
    struct ListItem: Sendable {
        var id: Int
        var title, when, place, summary: String
        /// The viewing unit's own attendance, for units.
        var ownState: String?
    }

    struct ListModel: Sendable {
        var office: Bool
        var meetings: [ListItem]
        var units: [(String, String)]
        var form: MeetingsController.CallForm
        var errors: [String: String]
    }

    struct List: PageView {
        var model: ListModel
        var context: PageContext
        var pageTitle: String { context.strings.meetings.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.meetings
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title)),
                    .p(.class("toolbar"), .a(.href(SiteURL.liaisons.path), .text(context.strings.liaisons.title))),
                    model.meetings.isEmpty ? .p(.class("empty"), .text(model.office ? s.none : s.noneForUnit))
                        : .div(.class("table-wrap"), .table(.class("list"), .id("meetings"),
                            .thead(.tr(.th(.text(s.titleLabel)), .th(.text(s.date)), .th(.text(s.place)), .th(.text(s.attendance)))),
                            .tbody(.forEach(model.meetings) { m in
                                .tr(.td(.a(.href(SiteURL.meeting(m.id).path), .text(m.title))), .td(.text(m.when)),
                                    .td(.text(m.place)), .td(.class("small"), .text(m.ownState ?? m.summary)))
                            })))),
                .if(model.office, callForm()))
        }

        private func callForm() -> Node<HTML.BodyContext> {
            let s = context.strings.meetings, f = model.form, e = model.errors
            return .section(.class("card narrow"),
                .h2(.text(s.call)),
                .form(.method(.post), .action(SiteURL.meetings.path), .novalidate(), csrfField(),
                    FormFields.input(name: "title", label: s.titleLabel, value: f.title ?? "", error: e["title"]),
                    FormFields.input(name: "session", label: s.session, value: f.session ?? "", error: e["session"], hint: s.sessionHint),
                    FormFields.input(name: "date", label: s.date, type: .date, value: f.date ?? "", error: e["date"]),
                    FormFields.input(name: "time", label: s.time, type: .time, value: f.time ?? "", error: e["time"]),
                    FormFields.input(name: "place", label: s.place, value: f.place ?? "", error: e["place"]),
                    .div(.class("field"), .label(.for("notice"), .text(s.notice)), .textarea(.name("notice"), .id("notice"), .text(f.notice ?? ""))),
                    FormFields.checkboxes(name: "units", label: s.units, options: model.units, selected: f.units ?? [],
                                          error: e["units"],
                                          groups: Recipients.options(JointMeetingRules.unitKinds,
                                                                     context.strings.recipients),
                                          chosenGroups: f.group ?? [], groupStrings: context.strings.recipients),
                    .button(.type(.submit), .class("button"), .text(s.call))))
        }
    }

    struct AttendanceRow: Sendable {
        var organisationID: Int
        var unit: String
        var attendee: String?
        var signedIn: String?
        var state: AttendanceState
    }

    struct DetailModel: Sendable {
        var id: Int
        var title, when, place, notice, calledBy: String
        var attendance: [AttendanceRow]
        var minutesNumber, minutes: String?
        /// (text, plan item id, due, lead unit, state)
        var decisions: [(String, Int, String, String, PlanItemState)]
        var office, canConfirm, canSignIn, canRecord: Bool
        var units: [(String, String)]
        var attachments: [Attachment]
        var form: MeetingsController.ActionForm
        var errors: [String: String]
    }

    struct Detail: PageView {
        var model: DetailModel
        var context: PageContext
        var pageTitle: String { model.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.meetings
            let path = SiteURL.meeting(model.id).path
            return .group(
                .section(.class("card"),
                    .h1(.text(model.title)),
                    .dl(.class("facts"),
                        .dt(.text(s.date)), .dd(.text(model.when)), .dt(.text(s.place)), .dd(.text(model.place)),
                        .dt(.text(s.calledBy)), .dd(.text(model.calledBy))),
                    .if(!model.notice.isEmpty, .p(.class("lines"), .text(model.notice))),
                    .unwrap(model.errors["action"]) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) }),
                attendance(),
                outcome(),
                .section(.class("card"), AttachmentsView.section(model.attachments, owner: .meeting, ownerID: model.id, canAttach: model.office,
                                                                 back: path, strings: context.strings.attachments, csrf: csrfField())))
        }

        private func attendance() -> Node<HTML.BodyContext> {
            let s = context.strings.meetings, rows = model.attendance
            let absent = rows.filter { $0.state == .absent }.map(\.unit)
            return .section(.class("card"),
                .h2(.text(s.attendance)),
                .p(.class("muted"), .text(s.summary(rows.count, rows.filter { $0.attendee != nil }.count, rows.filter { $0.signedIn != nil }.count))),
                .if(!absent.isEmpty, .p(.class("alert"), .id("absent"), .text(s.absentUnits + context.strings.colon + absent.joined(separator: context.strings.listSeparator)))),
                .div(.class("table-wrap"), .table(.class("list"), .id("attendance"),
                    .thead(.tr(.th(.text(s.unit)), .th(.text(s.attendee)), .th(.text(s.signedInAt)), .th(.text(context.strings.plan.state)))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(.text(row.unit)), .td(.text(row.attendee ?? s.notConfirmed)), .td(.text(row.signedIn ?? "—")),
                            .td(.span(.class("badge state-\(row.state == .absent ? "late" : row.state == .attended ? "done" : "on_track")"),
                                      .text(s.stateNames[row.state] ?? row.state.rawValue)),
                                .if(model.office && model.canSignIn && row.signedIn == nil,
                                    .form(.method(.post), .action(SiteURL.meeting(model.id).path), .class("inline"), csrfField(),
                                          .input(.type(.hidden), .name("action"), .value("sign_in")),
                                          .input(.type(.hidden), .name("unit"), .value(String(row.organisationID))),
                                          .button(.type(.submit), .class("link"), .text(s.signIn))))))
                    }))),
                .if(!model.office && model.canSignIn, .form(.method(.post), .action(SiteURL.meeting(model.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("sign_in")),
                    .button(.type(.submit), .class("button"), .text(s.signIn)))),
                .if(model.canConfirm, .form(.method(.post), .action(SiteURL.meeting(model.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("confirm")),
                    FormFields.input(name: "name", label: s.name, value: model.form.name ?? "", error: model.errors["name"]),
                    FormFields.input(name: "post", label: s.post, value: model.form.post ?? "", error: nil),
                    .button(.type(.submit), .class("button secondary"), .text(s.confirm)))))
        }

        private func outcome() -> Node<HTML.BodyContext> {
            let s = context.strings.meetings, f = model.form, e = model.errors
            return .section(.class("card"),
                .h2(.text(s.minutes)),
                .unwrap(model.minutesNumber) { .p(.strong(.id("minutes-number"), .text($0))) },
                .unwrap(model.minutes, { .p(.id("minutes-text"), .class("lines"), .text($0)) }, else: .p(.class("empty"), .text(s.noMinutes))),
                .if(model.canRecord, .form(.method(.post), .action(SiteURL.meeting(model.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("minutes")),
                    FormFields.input(name: "number", label: s.minutesNumber, value: f.number ?? model.minutesNumber ?? "", error: e["number"], hint: s.minutesNumberHint),
                    FormFields.textarea(name: "minutes", label: s.minutesText, value: f.minutes ?? model.minutes ?? "", error: e["minutes"]),
                    .button(.type(.submit), .class("button secondary"), .text(s.saveMinutes)))),
                .h2(.text(s.decisions)),
                model.decisions.isEmpty ? .p(.class("empty"), .text(s.noDecisions)) : .ul(.id("decisions"), .forEach(model.decisions) { text, item, due, lead, state in
                    .li(.a(.href(SiteURL.planItem(item).path), .text(text)), .text(" · \(lead) · \(due) "), WorkPlanPages.badge(state, context.strings.plan))
                }),
                .if(model.canRecord, .form(.method(.post), .action(SiteURL.meeting(model.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("decision")),
                    FormFields.textarea(name: "decision", label: s.decision, value: f.decision ?? "", error: e["decision"]),
                    FormFields.input(name: "deliverables", label: s.deliverables, value: f.deliverables ?? "", error: nil),
                    FormFields.select(name: "lead", label: s.lead, options: [("", "—")] + model.units, selected: f.lead, error: e["lead"]),
                    FormFields.checkboxes(name: "participants", label: s.participants, options: model.units, selected: f.participants ?? [], error: nil),
                    FormFields.input(name: "due", label: s.due, type: .date, value: f.due ?? "", error: e["due"]),
                    .button(.type(.submit), .class("button"), .text(s.addDecision)))))
        }
    }
}
