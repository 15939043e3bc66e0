import Foundation
import LearnCityCore
import Markup

enum ProjectsPage {
    struct Row: Sendable {
        var id, year: Int
        var title: String
        var track: ProjectTrack
        var focus: ProjectFocus
        var owner: String
        var budget: Int
        var status: ProjectStatus
        var percent: Int?
        var funds: FundBalance
    }

    struct Model: Sendable {
        var rows: [Row]
        var canCreate: Bool
        var units: [(String, String)]
        var form: ProjectsController.Form
        var errors: [String: String]
    }

    static func status(_ status: ProjectStatus, _ s: ProjectStrings) -> Node<HTML.BodyContext> {
        let css = switch status { case .planned: "badge muted"; case .active: "badge state-on_track"; case .done: "badge state-done" }
        return .span(.class(css), .text(s.statusNames[status] ?? status.rawValue))
    }

    /// The latest reported percent as a bar, with the number for readers and print.
    static func progress(_ percent: Int?) -> Node<HTML.BodyContext> {
        guard let percent else { return .text("—") }
        return .group(.element(named: "progress", nodes: [.attribute(named: "max", value: "100"), .attribute(named: "value", value: String(percent)),
                                                          .text("\(percent)%")]),
                      .span(.class("small"), .text("\(percent)%")))
    }

    struct List: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.projects.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.projects, f = context.strings.funds
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title)),
                    .p(.class("muted"), .text(s.intro)),
                    model.rows.isEmpty ? .p(.class("empty"), .text(s.none)) : .div(.class("table-wrap"), .table(.class("list"), .id("projects"),
                        .thead(.tr(.th(.text(s.project)), .th(.text(s.track)), .th(.text(s.owner)), .th(.text(s.focus)), .th(.class("number"), .text(s.budget)),
                                   .th(.text(s.status)), .th(.text(s.progress)), .th(.class("number"), .text(f.allocated)), .th(.class("number"), .text(f.disbursed)))),
                        .tbody(.forEach(model.rows) { row in
                            .tr(.td(.a(.href(SiteURL.project(row.id).path), .text(row.title))), .td(.text(s.trackNames[row.track] ?? "")),
                                .td(.text(row.owner)), .td(.text(s.focusNames[row.focus] ?? "")),
                                .td(.class("number"), .text(NumberText.yuan(fen: row.budget))), .td(ProjectsPage.status(row.status, s)),
                                .td(ProjectsPage.progress(row.percent)),
                                .td(.class("number"), .text(NumberText.yuan(fen: row.funds.allocated))),
                                .td(.class("number"), .text(NumberText.yuan(fen: row.funds.disbursed))))
                        })))),
                .if(model.canCreate, createForm()))
        }

        private func createForm() -> Node<HTML.BodyContext> {
            let s = context.strings.projects, f = model.form, e = model.errors
            return .section(.class("card narrow"),
                .h2(.text(s.create)),
                .form(.method(.post), .action(SiteURL.projects.path), .novalidate(), csrfField(),
                    FormFields.input(name: "year", label: s.year, value: f.year ?? "", error: e["year"]),
                    FormFields.input(name: "title", label: s.titleLabel, value: f.title ?? "", error: e["title"]),
                    FormFields.select(name: "track", label: s.track, options: [("", "—")] + ProjectTrack.allCases.map { ($0.rawValue, s.trackNames[$0] ?? "") },
                                      selected: f.track, error: e["track"]),
                    FormFields.select(name: "focus", label: s.focus, options: [("", "—")] + ProjectFocus.allCases.map { ($0.rawValue, s.focusNames[$0] ?? "") },
                                      selected: f.focus, error: e["focus"]),
                    FormFields.select(name: "owner", label: s.owner, options: [("", "—")] + model.units, selected: f.owner, error: e["owner"]),
                    FormFields.input(name: "budget", label: s.budget, value: f.budget ?? "", error: e["budget"], hint: context.strings.funds.amountHint),
                    .div(.class("field"), .label(.for("summary"), .text(s.summary)), .textarea(.name("summary"), .id("summary"), .text(f.summary ?? ""))),
                    .button(.type(.submit), .class("button"), .text(s.create))))
        }
    }
}
