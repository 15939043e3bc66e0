import Foundation
import LearnCityCore
import Markup

enum TeachersPage {
    struct Row: Sendable {
        var id: Int
        var name, kind, organisation, subjects: String
        var director, doubleReporting: Bool
        var phone: String
    }

    struct Total: Sendable {
        var name: String
        var fullTime, partTime, volunteers: Int
        var hours, money, equipment: Double
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? NumberFormat.integer(Int(value)) : String(format: "%.1f", value)
    }

    struct List: PageView {
        struct Model: Sendable { var rows: [Row]; var byCounty: [Total]; var byCentre: [Total]; var canManage: Bool }
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.teachers.heading }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.teachers, registry = context.strings.registry
            return .group(
                .section(.class("card"),
                    .h1(.text(s.heading)),
                    .form(.method(.get), .action(SiteURL.teachers.path), .class("toolbar"),
                        .input(.type(.search), .name("q"), .placeholder(s.name), .attribute(named: "aria-label", value: s.name)),
                        .element(named: "select", nodes: [.attribute(named: "name", value: "kind"), .attribute(named: "aria-label", value: s.kind),
                            .element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text(registry.all)]),
                            .group(Teacher.Kind.allCases.map { kind in .element(named: "option", nodes: [.attribute(named: "value", value: kind.rawValue), .text(s.kindName(kind))]) })]),
                        .button(.type(.submit), .class("button"), .text(registry.searchButton)),
                        .if(model.canManage, .a(.class("button secondary"), .href(SiteURL.newTeacher.path), .text(s.newTeacher))),
                        .a(.class("button secondary"), .href(SiteURL.teachersExport.path), .text(registry.exportCSV)),
                        .a(.class("button secondary"), .href(SiteURL.teachersExport.path + "?format=xlsx"), .text(registry.exportXLSX))),
                    model.rows.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"),
                        .thead(.tr(.th(.text(s.name)), .th(.text(s.kind)), .th(.text(s.organisation)), .th(.text(s.subjects)), .th(.text(s.phone)))),
                        .tbody(.forEach(model.rows) { row in
                            .tr(.td(.a(.href(SiteURL.teacher(row.id).path), .text(row.name)),
                                    .if(row.director, .span(.class("badge"), .text(s.director))),
                                    .if(row.doubleReporting, .span(.class("badge"), .text(s.doubleReporting)))),
                                .td(.text(row.kind)), .td(.text(row.organisation)), .td(.text(row.subjects)), .td(.text(row.phone)))
                        })))),
                totals(s.byCounty, model.byCounty),
                totals(s.byCentre, model.byCentre))
        }

        private func totals(_ title: String, _ rows: [Total]) -> Node<HTML.BodyContext> {
            let s = context.strings.teachers
            return .if(!rows.isEmpty, .section(.class("card"), .h2(.text(title)), .div(.class("table-wrap"), .table(.class("list"),
                .thead(.tr(.th(), .th(.text(s.kindName(.fullTime))), .th(.text(s.kindName(.partTime))), .th(.text(s.kindName(.volunteer))),
                           .th(.text(s.hours)), .th(.text(s.money)), .th(.text(s.equipment)))),
                .tbody(.forEach(rows) { total in
                    .tr(.td(.text(total.name)), .td(.text(String(total.fullTime))), .td(.text(String(total.partTime))),
                        .td(.text(String(total.volunteers))), .td(.text(number(total.hours))), .td(.text(number(total.money))),
                        .td(.text(number(total.equipment))))
                })))))
        }
    }

    struct Detail: PageView {
        struct Entry: Sendable { var date, contribution: String; var hours, amount: Double; var note: String }
        struct Model: Sendable { var row: Row; var entries: [Entry]; var canManage: Bool; var errors: [String: String] }
        var model: Model
        var context: PageContext
        var pageTitle: String { model.row.name }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.teachers, row = model.row
            return .section(.class("card"),
                .h1(.text(row.name)),
                .dl(.class("facts"),
                    .dt(.text(s.kind)), .dd(.text(row.kind)), .dt(.text(s.organisation)), .dd(.text(row.organisation)),
                    .dt(.text(s.subjects)), .dd(.text(row.subjects.isEmpty ? "—" : row.subjects)), .dt(.text(s.phone)), .dd(.text(row.phone))),
                .h2(.text(s.service)),
                model.entries.isEmpty ? .p(.class("muted"), .text("—")) : .div(.class("table-wrap"), .table(.class("list"),
                    .thead(.tr(.th(.text(s.date)), .th(.text(s.contribution)), .th(.text(s.hours)), .th(.text(s.amount)), .th(.text(s.note)))),
                    .tbody(.forEach(model.entries) { entry in
                        .tr(.td(.text(entry.date)), .td(.text(entry.contribution)), .td(.text(number(entry.hours))),
                            .td(.text(number(entry.amount))), .td(.text(entry.note)))
                    }))),
                .if(model.canManage, .form(.method(.post), .action(SiteURL.teacherService(row.id).path), .novalidate(),
                    csrfField(),
                    FormFields.input(name: "date", label: s.date, type: .date, error: model.errors["date"]),
                    FormFields.select(name: "contribution", label: s.contribution,
                                      options: ServiceEntry.Contribution.allCases.map { ($0.rawValue, s.contributionName($0)) },
                                      selected: nil, error: model.errors["contribution"]),
                    FormFields.input(name: "hours", label: s.hours, type: .number, value: "0", error: model.errors["hours"]),
                    FormFields.input(name: "amount", label: s.amount, type: .number, value: "0", error: model.errors["amount"]),
                    FormFields.input(name: "note", label: s.note, error: nil),
                    .button(.type(.submit), .class("button"), .text(s.addService)))))
        }
    }

    struct New: PageView {
        struct Model: Sendable {
            var form = TeachersController.Form()
            var errors: [String: String] = [:]
            var organisations: [(Int, String)] = []
        }
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.teachers.newTeacher }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.teachers, form = model.form
            return .section(.class("card narrow"),
                .h1(.text(pageTitle)),
                .form(.method(.post), .action(SiteURL.teachers.path), .novalidate(),
                    csrfField(),
                    FormFields.input(name: "name", label: s.name, value: form.name ?? "", error: model.errors["name"]),
                    FormFields.select(name: "kind", label: s.kind, options: [("", "—")] + Teacher.Kind.allCases.map { ($0.rawValue, s.kindName($0)) },
                                      selected: form.kind, error: model.errors["kind"]),
                    FormFields.select(name: "organisation", label: s.organisation, options: [("", "—")] + model.organisations.map { (String($0.0), $0.1) },
                                      selected: form.organisation.map(String.init), error: model.errors["organisation"]),
                    FormFields.input(name: "subjects", label: s.subjects, value: form.subjects ?? "", error: nil),
                    FormFields.input(name: "phone", label: s.phone, type: .tel, value: form.phone ?? "", error: model.errors["phone"]),
                    .label(.class("check"), .input(.type(.checkbox), .name("director"), .value("1")), .text(" " + s.director)),
                    .label(.class("check"), .input(.type(.checkbox), .name("doubleReporting"), .value("1")), .text(" " + s.doubleReporting)),
                    .div(.button(.type(.submit), .class("button"), .text(context.strings.registry.save)))))
        }
    }
}
