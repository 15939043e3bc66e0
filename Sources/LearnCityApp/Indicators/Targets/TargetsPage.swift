import Foundation
import LearnCityCore
import Markup

enum TargetsPage {
    struct Model: Sendable {
        var year: Int
        var canAddIndicator: Bool
        var indicators: [(String, String)]
        var regions: [(String, String)]
        /// (indicator, region name, value)
        var targets: [(String, String, Double)]
        /// (region name, residents, employed, source)
        var populations: [(String, Int, Int, String)]
        /// (indicator, year, region name, value, source)
        var baselines: [(String, Int, String, Double, String)]
        var form: TargetsController.Form
        var errors: [String: String]
        var notice: String?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.targets.title }

        private func hidden(_ action: String) -> Node<HTML.FormContext> { .input(.type(.hidden), .name("action"), .value(action)) }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.targets, f = model.form, e = model.errors
            let years = (model.year - 3...model.year + 2).map { (String($0), String($0)) }
            let number: (Double) -> String = { $0 <= 1 && $0 > 0 && $0 != $0.rounded() ? NumberFormat.percent($0) : NumberFormat.integer(Int($0)) }
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title + " · \(model.year)")),
                    .p(.class("muted"), .text(s.intro)),
                    .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                    .h2(.text(s.targetsTitle)),
                    model.targets.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"), .id("targets-table"),
                        .thead(.tr(.th(.text(s.indicator)), .th(.text(s.region)), .th(.class("number"), .text(s.value)))),
                        .tbody(.forEach(model.targets) { code, region, value in
                            .tr(.td(.text(code)), .td(.text(region)), .td(.class("number"), .text(number(value))))
                        }))),
                    .form(.method(.post), .action(SiteURL.targets.path), .class("filters"), .novalidate(), csrfField(), hidden("target"),
                        FormFields.select(name: "indicator", label: s.indicator, options: model.indicators, selected: f.indicator, error: e["indicator"]),
                        FormFields.select(name: "region", label: s.region, options: model.regions, selected: f.region, error: e["region"]),
                        FormFields.select(name: "year", label: s.year, options: years, selected: f.year ?? String(model.year), error: e["year"]),
                        FormFields.input(name: "value", label: s.value, value: f.value ?? "", error: e["value"], hint: s.valueHint),
                        .button(.type(.submit), .class("button"), .text(s.save)))),
                .section(.class("card"),
                    .h2(.text(s.populationsTitle)),
                    model.populations.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"), .id("populations"),
                        .thead(.tr(.th(.text(s.region)), .th(.class("number"), .text(s.residents)), .th(.class("number"), .text(s.employed)), .th(.text(s.source)))),
                        .tbody(.forEach(model.populations) { region, residents, employed, source in
                            .tr(.td(.text(region)), .td(.class("number"), .text(NumberFormat.integer(residents))),
                                .td(.class("number"), .text(NumberFormat.integer(employed))), .td(.class("small"), .text(BilingualText.part(source, in: context.language))))
                        }))),
                    .form(.method(.post), .action(SiteURL.targets.path), .class("filters"), .novalidate(), csrfField(), hidden("population"),
                        FormFields.select(name: "region", label: s.region, options: model.regions, selected: f.region, error: e["region"]),
                        FormFields.select(name: "year", label: s.year, options: years, selected: f.year ?? String(model.year), error: e["year"]),
                        FormFields.input(name: "residents", label: s.residents, value: f.residents ?? "", error: e["residents"]),
                        FormFields.input(name: "employed", label: s.employed, value: f.employed ?? "", error: e["employed"]),
                        FormFields.input(name: "source", label: s.source, value: f.source ?? "", error: nil),
                        .button(.type(.submit), .class("button"), .text(s.save))),
                    .form(.method(.post), .action(SiteURL.targets.path), .enctype(.multipartData), .class("filters"), csrfField(), hidden("populationFile"),
                        .div(.class(e["file"] == nil ? "field" : "field invalid"), .label(.for("file"), .text(s.populationFile)),
                             .input(.type(.file), .name("file"), .id("file")),
                             .unwrap(e["file"]) { .p(.class("field-error"), .id("file-error"), .text($0)) }),
                        .button(.type(.submit), .class("button secondary"), .text(s.importButton)))),
                .section(.class("card"),
                    .h2(.text(s.baselinesTitle)),
                    .p(.class("muted small"), .text(s.baselinesIntro)),
                    model.baselines.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"),
                        .thead(.tr(.th(.text(s.indicator)), .th(.text(s.year)), .th(.text(s.region)), .th(.class("number"), .text(s.value)), .th(.text(s.source)))),
                        .tbody(.forEach(model.baselines) { code, year, region, value, source in
                            .tr(.td(.text(code)), .td(.text(String(year))), .td(.text(region)), .td(.class("number"), .text(number(value))), .td(.class("small"), .text(BilingualText.part(source, in: context.language))))
                        }))),
                    .form(.method(.post), .action(SiteURL.targets.path), .class("filters"), .novalidate(), csrfField(), hidden("baseline"),
                        FormFields.select(name: "indicator", label: s.indicator, options: model.indicators, selected: f.indicator, error: nil),
                        FormFields.select(name: "region", label: s.region, options: model.regions, selected: f.region, error: nil),
                        FormFields.input(name: "year", label: s.year, value: f.year ?? String(model.year - 1), error: nil),
                        FormFields.input(name: "value", label: s.value, value: "", error: nil),
                        FormFields.input(name: "source", label: s.source, value: "", error: nil),
                        .button(.type(.submit), .class("button secondary"), .text(s.save)))),
                .if(model.canAddIndicator, newIndicator()))
        }

        private func newIndicator() -> Node<HTML.BodyContext> {
            let s = context.strings.targets, r = context.strings.records, f = model.form, e = model.errors
            let units: [(String, String)] = [("person-times", s.unitPersonTimes), ("people", s.unitPeople), ("rate", s.unitRate)]
            return .section(.class("card narrow"), .id("new-indicator"),
                .h2(.text(s.newIndicator)),
                .p(.class("muted small"), .text(s.newIndicatorIntro)),
                .form(.method(.post), .action(SiteURL.targets.path), .novalidate(), csrfField(), hidden("indicator"),
                    FormFields.input(name: "code", label: s.code, value: f.code ?? "", error: e["code"]),
                    FormFields.input(name: "nameZh", label: context.strings.registry.nameZh, value: f.nameZh ?? "", error: e["nameZh"]),
                    FormFields.input(name: "nameEn", label: context.strings.registry.nameEn, value: f.nameEn ?? "", error: nil),
                    FormFields.select(name: "unit", label: s.unit, options: units, selected: f.unit, error: nil),
                    FormFields.select(name: "denominator", label: s.denominator,
                                      options: [("residents", context.strings.residentsName), ("employed", context.strings.employedName)],
                                      selected: f.denominator, error: nil),
                    .element(named: "fieldset", nodes: [.element(named: "legend", nodes: [.text(s.criteria)]),
                        .forEach(RecordKind.allCases) { kind in
                            .div(.text(r.kindName(kind) + context.strings.colon), .forEach(kind.statuses) { status in
                                .label(.class("check"), .input(.type(.checkbox), .name("criteria[]"), .value("\(kind.rawValue):\(status.rawValue)")),
                                       .text(" " + r.statusName(status) + " "))
                            })
                        },
                        .unwrap(e["criteria"]) { .p(.class("field-error"), .text($0)) }]),
                    .label(.class("check"), .input(.type(.checkbox), .name("employedOnly"), .value("1")), .text(" " + s.employedOnly)),
                    .label(.class("check"), .input(.type(.checkbox), .name("headcount"), .value("1")), .text(" " + s.headcount)),
                    .div(.button(.type(.submit), .class("button"), .text(s.create)))))
        }
    }
}
