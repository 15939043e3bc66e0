import LearnCityCore
import Markup

enum ReportsPage {
    struct Owed: Sendable {
        var formID: Int
        var title: String
        var period: ReportPeriod
        var deadline: LocalDate
        var submissionID: Int?
        var state: ReportState?
        var overdue: Bool
    }

    struct FormRow: Sendable {
        var id: Int
        var title, kind: String
        var period: ReportPeriod?
        var completeness: ReportCompleteness?
    }

    /// A report waiting for the office: submitted, or approved with an unlock request.
    struct Waiting: Sendable {
        var id: Int
        var form, period, unit: String
        var flagged: Int
        var unlockRequested: Bool
    }

    struct PeriodRow: Sendable {
        var period: ReportPeriod
        var deadline: LocalDate
        var completeness: ReportCompleteness
        var missing: [String]
        /// (submission id, unit, state)
        var reports: [(Int, String, ReportState)]
    }

    static func badge(_ state: ReportState?, overdue: Bool = false, _ s: ReportStrings) -> Node<HTML.BodyContext> {
        guard let state else { return .span(.class(overdue ? "badge state-late" : "badge"), .text(s.notStarted + (overdue ? " · " + s.late : ""))) }
        let css = switch state { case .approved: "state-done"; case .returned: "state-late"; case .submitted: "state-on_track"; case .draft: overdue ? "state-late" : "" }
        return .span(.class("badge \(css)"), .text((s.stateNames[state] ?? state.rawValue) + (overdue ? " · " + s.late : "")))
    }

    static func completeness(_ c: ReportCompleteness, _ s: ReportStrings) -> Node<HTML.BodyContext> {
        .group(.element(named: "progress", nodes: [.attribute(named: "max", value: String(max(c.expected, 1))), .attribute(named: "value", value: String(c.submitted))]),
               .span(.class("small"), .text("\(s.expected) \(c.expected) · \(s.submitted) \(c.submitted) · \(s.onTime) \(c.onTime)")))
    }

    struct Index: PageView {
        var owed: [Owed]
        var office: Bool
        var forms: [FormRow]
        var review: [Waiting]
        var units: [(String, String)]
        var form: ReportFormsController.Form
        var errors: [String: String]
        var context: PageContext
        var pageTitle: String { context.strings.reports.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.reports, zh = context.language == .zh
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title)), .p(.class("muted"), .text(s.intro)),
                    .if(office, .p(.class("toolbar"), .a(.href(SiteURL.governmentReports.path), .text(s.government)))),
                    .h2(.text(s.mine)),
                    owed.isEmpty ? .p(.class("empty"), .text(s.noneOwed)) : .div(.class("table-wrap"), .table(.class("list"), .id("owed"),
                        .thead(.tr(.th(.text(s.forms)), .th(.text(s.period)), .th(.text(s.deadline)), .th(.text(s.state)), .th())),
                        .tbody(.forEach(owed) { row in
                            .tr(.td(.text(row.title)), .td(.text(row.period.label(chinese: zh))), .td(.text(row.deadline.iso)),
                                .td(ReportsPage.badge(row.state, overdue: row.overdue, s)),
                                .td(row.submissionID.map { id in .a(.href(SiteURL.reportSubmission(id).path), .text(s.open)) } ?? .form(
                                    .method(.post), .action(SiteURL.startReport(row.formID).path), csrfField(),
                                    .input(.type(.hidden), .name("period"), .value(row.period.description)),
                                    .button(.type(.submit), .class("button secondary"), .text(s.start)))))
                        })))),
                .if(office, officeSections()))
        }

        private func officeSections() -> Node<HTML.BodyContext> {
            let s = context.strings.reports, zh = context.language == .zh
            return .group(
                .section(.class("card"),
                    .h2(.text(s.toReview)),
                    review.isEmpty ? .p(.class("empty"), .text("—")) : .ul(.id("review"), .forEach(review) { item in
                        .li(.a(.href(SiteURL.reportSubmission(item.id).path), .text("\(item.unit) · \(item.form) · \(item.period)")),
                            .if(item.flagged > 0, .span(.class("badge state-late"), .attribute(named: "title", value: s.differsHint), .text("⚠ \(s.flagged) \(item.flagged)"))),
                            .if(item.unlockRequested, .span(.class("badge"), .text(s.unlockRequested))))
                    }),
                    .h2(.text(s.forms)),
                    forms.isEmpty ? .p(.class("empty"), .text(s.noForms)) : .div(.class("table-wrap"), .table(.class("list"), .id("forms"),
                        .thead(.tr(.th(.text(s.formTitle)), .th(.text(s.periodKind)), .th(.text(s.period)), .th(.text(s.completeness)))),
                        .tbody(.forEach(forms) { row in
                            .tr(.td(.a(.href(SiteURL.reportForm(row.id).path), .text(row.title))),
                                .td(.text(ReportPeriod.Kind(rawValue: row.kind).flatMap { s.periodKinds[$0] } ?? row.kind)),
                                .td(.text(row.period?.label(chinese: zh) ?? "—")),
                                .td(row.completeness.map { ReportsPage.completeness($0, s) } ?? .text("—")))
                        })))),
                newForm())
        }

        private func newForm() -> Node<HTML.BodyContext> {
            let s = context.strings.reports, f = form, e = errors
            return .section(.class("card narrow"),
                .h2(.text(s.newForm)),
                .form(.method(.post), .action(SiteURL.reportForms.path), .novalidate(), csrfField(),
                    FormFields.input(name: "title", label: s.formTitle, value: f.title ?? "", error: e["title"]),
                    FormFields.select(name: "kind", label: s.periodKind, options: ReportPeriod.Kind.allCases.map { ($0.rawValue, s.periodKinds[$0] ?? $0.rawValue) },
                                      selected: f.kind, error: e["kind"]),
                    FormFields.input(name: "first", label: s.firstPeriod, value: f.first ?? "", error: e["first"], hint: s.lastPeriodHint),
                    FormFields.input(name: "last", label: s.lastPeriod, value: f.last ?? "", error: e["last"]),
                    FormFields.input(name: "days", label: s.deadlineDays, value: f.days ?? "", error: e["days"], hint: s.deadlineDaysHint),
                    .div(.class(e["fields"] == nil ? "field" : "field invalid"), .label(.for("fields"), .text(s.fieldsLabel)),
                         .textarea(.name("fields"), .id("fields"), .attribute(named: "rows", value: "6"), .text(f.fields ?? "")),
                         .p(.class("muted small"), .text(s.fieldsHint)),
                         .unwrap(e["fields"]) { .p(.class("field-error"), .id("fields-error"), .text($0)) }),
                    FormFields.checkboxes(name: "units", label: s.units, options: units, selected: f.units ?? [],
                                          error: e["units"],
                                          groups: Recipients.options(ReportFormsController.assignable,
                                                                     context.strings.recipients),
                                          chosenGroups: f.group ?? [], groupStrings: context.strings.recipients),
                    .button(.type(.submit), .class("button"), .text(s.create))))
        }
    }

    struct MatrixCell: Sendable {
        var id: Int?
        var state: ReportState?
        /// Submitted after the deadline, or not submitted and past it.
        var late: Bool
    }

    struct MatrixRow: Sendable {
        var unit: String
        var cells: [MatrixCell]
    }

    struct FormView: PageView {
        var formID: Int
        var matrixPeriods: [String]
        var matrix: [MatrixRow]
        var title, kind: String
        var deadlineDays: Int
        var fields: [ReportField]
        var units: [String]
        var periods: [PeriodRow]
        var context: PageContext
        var pageTitle: String { title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.reports, zh = context.language == .zh
            return .group(
                .section(.class("card"),
                    .h1(.text(title)),
                    .p(.class("muted"), .text("\(ReportPeriod.Kind(rawValue: kind).flatMap { s.periodKinds[$0] } ?? kind) · \(s.deadlineDays) \(deadlineDays)")),
                    .ul(.forEach(fields) { .li(.text($0.line)) }),
                    .p(.class("small"), .text(s.units + context.strings.colon + units.joined(separator: context.strings.listSeparator))),
                    .p(.class("toolbar"), .text(s.consolidated + " "),
                       .a(.href(SiteURL.reportForm(formID).path + "?format=xlsx"), .text("Excel")), .text(" · "),
                       .a(.href(SiteURL.reportForm(formID).path + "?format=csv"), .text("CSV")))),
                .section(.class("card"),
                    .h2(.text(s.completeness)),
                    periods.isEmpty ? .p(.class("empty"), .text("—")) : .div(.class("table-wrap"), .table(.class("list"), .id("completeness"),
                        .thead(.tr(.th(.text(s.period)), .th(.text(s.deadline)), .th(.text(s.completeness)), .th(.text(s.missing)), .th(.text(s.title)))),
                        .tbody(.forEach(periods) { row in
                            .tr(.td(.text(row.period.label(chinese: zh))), .td(.text(row.deadline.iso)),
                                .td(ReportsPage.completeness(row.completeness, s)),
                                .td(.class("small"), row.missing.isEmpty ? .text(s.allIn) : .element(named: "details", nodes: [
                                    .element(named: "summary", nodes: [.class("alert-text"), .text(s.missingUnits(row.missing.count))]),
                                    .text(row.missing.joined(separator: context.strings.listSeparator))])),
                                .td(.forEach(row.reports) { id, unit, state in
                                    .span(.a(.href(SiteURL.reportSubmission(id).path), .text(unit)), .text(" "), ReportsPage.badge(state, s), .text(" "))
                                }))
                        })))),
                overview())
        }

        /// Units down, periods across: each cell the unit's report, late ones marked.
        private func overview() -> Node<HTML.BodyContext> {
            let s = context.strings.reports
            guard !matrix.isEmpty, !matrixPeriods.isEmpty else { return .empty }
            return .section(.class("card"),
                .h2(.text(s.overview)),
                .div(.class("table-wrap"), .table(.class("list matrix"), .id("matrix"),
                    .thead(.tr(.th(.text(s.unit)), .forEach(matrixPeriods) { .th(.text($0)) })),
                    .tbody(.forEach(matrix) { row in
                        .tr(.td(.text(row.unit)), .forEach(row.cells) { cell($0) })
                    }))))
        }

        private func cell(_ cell: MatrixCell) -> Node<HTML.TableRowContext> {
            let badge = ReportsPage.badge(cell.state, overdue: cell.late, context.strings.reports)
            guard let id = cell.id else { return .td(badge) }
            return .td(badge, .a(.href(SiteURL.reportSubmission(id).path), .class("small"), .attribute(named: "aria-label", value: context.strings.reports.open), .text(" ›")))
        }
    }
}
