import Foundation
import LearnCityCore
import Markup

/// The records part of a person's page, a record's own page, and the record form they share.
enum RecordViews {
    struct Row: Sendable {
        var id: Int
        var kind, status, date, hours, provider, course, source: String
        /// The void note when voided (shown to admins only; others never see voided records).
        var voided: String?
        var corrected: Bool
        /// Another source has a record of the same kind, date and course.
        var lookalike = false
    }

    struct FormModel: Sendable {
        var form: RecordsController.Form
        var errors: [String: String]
        var kinds: [(String, String)]
        var statuses: [(String, String)]
        var providers: [(String, String)]
    }

    struct Section: Sendable {
        var personID: Int
        var rows: [Row]
        var canManage: Bool
        /// (year, person-times, hours) of the records that count.
        var years: [(Int, Int, Double)] = []
        var form: FormModel?
    }

    /// The fields of a record, as the add and correct forms show them.
    static func fields(_ model: FormModel, _ strings: RecordStrings) -> Node<HTML.FormContext> {
        let form = model.form, errors = model.errors
        return .group(
            FormFields.select(name: "kind", label: strings.kind, options: model.kinds, selected: form.kind, error: errors["kind"]),
            FormFields.select(name: "status", label: strings.status, options: model.statuses, selected: form.status, error: errors["status"]),
            FormFields.input(name: "date", label: strings.date, type: .date, value: form.date ?? "", error: errors["date"]),
            FormFields.input(name: "hours", label: strings.hours, value: form.hours ?? "", error: errors["hours"]),
            FormFields.select(name: "provider", label: strings.provider, options: model.providers,
                              selected: form.provider ?? "", error: errors["provider"]),
            FormFields.input(name: "course", label: strings.course, value: form.course ?? "", error: errors["course"]),
            FormFields.input(name: "certificateNo", label: strings.certificateNo, value: form.certificateNo ?? "", error: errors["certificateNo"]))
    }

    static func table(_ rows: [Row], _ strings: RecordStrings, links: Bool) -> Node<HTML.BodyContext> {
        .div(.class("table-wrap"), .table(.class("list"), .id("records"),
            .thead(.tr(.th(.text(strings.date)), .th(.text(strings.kind)), .th(.text(strings.course)), .th(.text(strings.hours)),
                       .th(.text(strings.status)), .th(.text(strings.provider)), .th(.text(strings.source)))),
            .tbody(.forEach(rows) { row in
                .tr(.class(row.voided == nil ? "" : "voided"),
                    .td(links ? .a(.href(SiteURL.record(row.id).path), .text(row.date)) : .text(row.date)),
                    .td(.text(row.kind)), .td(.text(row.course)), .td(.class("number"), .text(row.hours)),
                    .td(.text(row.status), .if(row.corrected, .span(.class("badge"), .text(" ✎"))),
                        .if(row.lookalike, .span(.class("badge lookalike"), .text(strings.lookalike))),
                        .unwrap(row.voided) { .span(.class("muted small"), .text(" " + $0)) }),
                    .td(.text(row.provider)), .td(.text(row.source)))
            })))
    }

    /// Rendered on the person's page.
    static func section(_ section: Section, context: PageContext) -> Node<HTML.BodyContext> {
        let strings = context.strings.records
        let personTimes = section.years.reduce(0) { $0 + $1.1 }
        let hours = section.years.reduce(0.0) { $0 + $1.2 }
        return .section(.class("card"), .id("records-section"),
            .h2(.text(strings.title)),
            section.rows.isEmpty ? .p(.class("empty"), .text(strings.noRecords)) : .group(
                .ul(.class("counts"),
                    .li(.span(.class("count"), .text(String(personTimes))), .span(.text(strings.personTimes))),
                    .li(.span(.class("count"), .text(NumberText.hours(hours))), .span(.text(strings.totalHours)))),
                .p(.class("muted"), .text(strings.byYear + context.strings.colon + section.years.map { "\($0.0)：\($0.1) \(strings.personTimes)，\(NumberText.hours($0.2)) \(strings.hours)" }.joined(separator: "；"))),
                table(section.rows, strings, links: section.canManage)),
            .unwrap(section.form) { model in
                .details(.summary(.text(strings.add)),
                    .form(.method(.post), .action(SiteURL.personRecords(section.personID).path), .novalidate(),
                          .input(.type(.hidden), .name(CSRF.fieldName), .value(context.csrfToken)), fields(model, strings),
                          .button(.type(.submit), .class("button"), .text(strings.save))))
            })
    }

    enum Page {
        struct Model: Sendable {
            var row: Row
            var personID: Int
            var personName: String
            var details: [(String, String)]
            var form: FormModel
            var voidError: String?
            var canChange: Bool
        }

        struct View: PageView {
            var model: Model
            var context: PageContext
            var pageTitle: String { context.strings.records.title }

            func content() -> Node<HTML.BodyContext> {
                let strings = context.strings.records, row = model.row
                return .group(
                    .section(.class("card"),
                        .h1(.text(strings.title + " · " + row.kind)),
                        .p(.a(.href(SiteURL.person(model.personID).path), .text(model.personName))),
                        table([row], strings, links: false),
                        .if(!model.details.isEmpty, .dl(.class("facts"), .forEach(model.details) { key, value in
                            .group(.dt(.text(key)), .dd(.text(value)))
                        }))),
                    .if(model.canChange, .section(.class("card"),
                        .h2(.text(strings.correct)),
                        .form(.method(.post), .action(SiteURL.correctRecord(row.id).path), .novalidate(), csrfField(),
                              fields(model.form, strings),
                              FormFields.input(name: "reason", label: strings.reason, value: model.form.form.reason ?? "",
                                               error: model.form.errors["reason"]),
                              .button(.type(.submit), .class("button"), .text(strings.correct))))),
                    .if(model.canChange, .section(.class("card"),
                        .h2(.text(strings.void)),
                        .form(.method(.post), .action(SiteURL.voidRecord(row.id).path), .novalidate(), csrfField(),
                              FormFields.input(name: "reason", label: strings.reason, value: "", error: model.voidError),
                              .button(.type(.submit), .class("button danger"), .text(strings.void))))))
            }
        }
    }
}
