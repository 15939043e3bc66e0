import LearnCityCore
import Markup

enum GovernmentReportPages {
    static func badge(_ state: GovernmentReportState, _ s: GovernmentReportStrings) -> Node<HTML.BodyContext> {
        .span(.class("badge " + (state == .issued ? "state-done" : state == .reviewed ? "state-on_track" : "")), .text(s.stateNames[state] ?? state.rawValue))
    }

    struct List: PageView {
        /// (id, title, state, number, data as of)
        var rows: [(Int, String, GovernmentReportState, String?, String)]
        var quarters: [(String, String)]
        var selected: String?
        var errors: [String: String]
        var context: PageContext
        var pageTitle: String { context.strings.government.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.government
            return .section(.class("card"),
                .h1(.text(s.title)), .p(.class("muted"), .text(s.intro)),
                rows.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"), .id("government-reports"),
                    .thead(.tr(.th(.text(s.titleLabel)), .th(.text(s.state)), .th(.text(s.number)), .th(.text(s.dataAsOf)))),
                    .tbody(.forEach(rows) { id, title, state, number, asOf in
                        .tr(.td(.a(.href(SiteURL.governmentReport(id).path), .text(title))), .td(GovernmentReportPages.badge(state, s)),
                            .td(.text(number ?? "—")), .td(.text(asOf)))
                    }))),
                .form(.method(.post), .action(SiteURL.governmentReports.path), .novalidate(), csrfField(),
                    FormFields.select(name: "period", label: s.quarter, options: quarters, selected: selected, error: errors["period"]),
                    .button(.type(.submit), .class("button"), .text(s.draft))))
        }
    }

    struct Detail: PageView {
        var id: Int
        var title, body: String
        var state: GovernmentReportState
        var number: String?
        var version: Int
        var dataAsOf: String
        var snapshot: GovernmentReportContent?
        /// (step, who, when)
        var trail: [(String, String?, String?)]
        var errors: [String: String]
        var context: PageContext
        var pageTitle: String { title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.government
            return .group(
                .section(.class("card"),
                    .h1(.text(title + " "), GovernmentReportPages.badge(state, s)),
                    .p(.class("muted"), .text("\(s.dataAsOf) \(dataAsOf)" + (number.map { " · \(s.number) \($0)" } ?? ""))),
                    .unwrap(errors["state"]) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .p(.class("toolbar"), .a(.href(SiteURL.governmentReportPrint(id).path), .text(s.print)), .text(" · "),
                       .a(.href(SiteURL.governmentReportSheet(id).path), .text(s.download))),
                    .ul(.class("small"), .forEach(trail) { step, who, when in .li(.text("\(step)：\(who ?? "—")" + (when.map { " · \($0)" } ?? ""))) }),
                    actions()),
                .unwrap(snapshot) { GovernmentReportPages.figures($0, context.strings) })
        }

        private func actions() -> Node<HTML.BodyContext> {
            let s = context.strings.government
            func button(_ action: String, _ label: String, primary: Bool = false) -> Node<HTML.BodyContext> {
                .button(.type(.submit), .name("action"), .value(action), .class(primary ? "button" : "button secondary"), .text(label))
            }
            switch state {
            case .draft:
                return .form(.method(.post), .action(SiteURL.governmentReport(id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("version"), .value(String(version))),
                    FormFields.input(name: "title", label: s.titleLabel, value: title, error: errors["title"]),
                    .div(.class("field"), .label(.for("body"), .text(s.bodyLabel)), .textarea(.name("body"), .id("body"), .attribute(named: "rows", value: "10"), .text(body))),
                    .p(.class("toolbar"), button("save", s.save), .text(" "), button("refresh", s.refresh), .text(" "), button("review", s.review, primary: true)))
            case .reviewed:
                return .form(.method(.post), .action(SiteURL.governmentReport(id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("version"), .value(String(version))),
                    FormFields.input(name: "number", label: s.number, value: "", error: errors["number"], hint: s.numberHint),
                    .p(.class("toolbar"), button("issue", s.issue, primary: true), .text(" "), button("reopen", s.reopen)))
            case .issued:
                return .pre(.class("report-body"), .text(body))
            }
        }
    }

    static func figures(_ c: GovernmentReportContent, _ strings: Strings) -> Node<HTML.BodyContext> {
        let s = strings.government, r = strings.reports
        return .section(.class("card"),
            .h2(.text(s.figures)),
            .div(.class("table-wrap"), .table(.class("list"), .id("report-indicators"),
                .thead(.tr(.th(.text(s.indicator)), .th(.class("number"), .text(s.value)), .th(.class("number"), .text(s.target)))),
                .tbody(.forEach(c.indicators) { .tr(.td(.text("\($0.code) \($0.name)")), .td(.class("number"), .text($0.valueText)), .td(.class("number"), .text($0.targetText))) }))),
            .h2(.text(s.reporting)),
            .ul(.forEach(c.forms) { form in
                .li(.text(strings.labelled(form.title, "\(r.expected) \(form.expected) · \(r.submitted) \(form.submitted) · \(r.onTime) \(form.onTime) · \(r.stateNames[.approved] ?? "") \(form.approved)")
                          + (form.missing.isEmpty ? "" : " · " + strings.labelled(r.missing, strings.list(form.missing)))),
                    .ul(.forEach(form.totals) { .li(.class("small"), .text("\($0.label) \(ReportSheet.number($0.value))")) }))
            }),
            .h2(.text(s.plan)),
            .p(.text(s.planSummary(c.plan.total, c.plan.done, c.plan.late))),
            .unwrap(c.funds) { f in .p(.text(strings.labelled(s.funds, "\(NumberText.yuan(fen: f.budget)) / \(NumberText.yuan(fen: f.allocated)) / \(NumberText.yuan(fen: f.disbursed))"))) },
            .unwrap(c.projects) { p in .p(.text(strings.labelled(s.projects, "\(p.total) / \(p.active) / \(p.done)"))) })
    }
}
