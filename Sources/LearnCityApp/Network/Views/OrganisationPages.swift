import Markup

enum OrganisationPages {
    struct Row: Sendable {
        var id: Int
        var name, kind, region: String
        var depth: Int
        var demonstration: Bool
        var children: Int
        var closed: Bool
    }

    /// The organisations of the account's scope, indented as a tree.
    struct List: PageView {
        var rows: [Row]
        var canCreate: Bool
        var context: PageContext
        var pageTitle: String { context.strings.registry.organisationsTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            return .section(.class("card"),
                .h1(.text(strings.organisationsTitle)),
                .div(.class("toolbar"),
                    .if(canCreate, .a(.class("button secondary"), .href(SiteURL.newOrganisation.path), .text(strings.newOrganisation))),
                    .a(.class("button secondary"), .href(SiteURL.organisationsExport.path), .text(strings.exportCSV)),
                    .a(.class("button secondary"), .href(SiteURL.organisationsExport.path + "?format=xlsx"), .text(strings.exportXLSX))),
                rows.isEmpty ? .p(.class("empty"), .text(strings.noOrganisations)) : .div(.class("table-wrap"), .table(.class("list"),
                    .thead(.tr(.th(.text(strings.name)), .th(.text(strings.kind)), .th(.text(strings.region)), .th(.text(strings.childCount)))),
                    .tbody(.forEach(rows) { row in
                        .tr(.class(row.closed ? "closed" : ""),
                            .td(.span(.class("indent-\(min(row.depth, 4))"),
                                      .a(.href(SiteURL.organisation(row.id).path), .text(row.name)),
                                      .if(row.demonstration, .span(.class("badge"), .text(context.strings.demonstrationBadge))),
                                      .if(row.closed, .span(.class("badge muted"), .text(strings.closed))))),
                            .td(.text(row.kind)), .td(.text(row.region)), .td(.text(String(row.children))))
                    }))))
        }
    }

    /// One organisation: what it is, where it hangs, what hangs below it, who works there.
    struct Detail: PageView {
        struct Model: Sendable {
            var id: Int
            var nameZh, nameEn, kind, region: String
            /// (id, name, visible to this account)
            var parent: (Int, String, Bool)?
            var children: [(Int, String)]
            var accounts: [String]
            var canEdit: Bool
            var errors: [String: String]
            var saved: Bool
            var director: String?
            var closed: Bool
            var parents: [(Int, String)]
            var moves: [String]
            /// What it runs: (course id, title); who teaches or volunteers there.
            var courses: [(Int, String)] = []
            var teachers: [String] = []
            /// Its own year (the dashboard's names link here): total, by kind, by quarter.
            var year = 0
            var years: [Int] = []
            var figures: [FigureTable.Row] = []
        }

        var model: Model
        var context: PageContext
        var pageTitle: String { context.language == .zh ? model.nameZh : model.nameEn }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            return .section(.class("card"),
                .h1(.text(pageTitle)),
                .if(model.saved, .p(.class("notice"), .text(strings.saved))),
                .dl(.class("facts"),
                    .dt(.text(strings.kind)), .dd(.text(model.kind)),
                    .dt(.text(strings.region)), .dd(.text(model.region)),
                    .dt(.text(strings.director)), .dd(.text(model.director ?? "—")),
                    .if(model.closed, .group(.dt(.text(strings.closed)), .dd(.text("✓")))),
                    .dt(.text(strings.parent)), .dd(model.parent.map { parent in
                        parent.2 ? .a(.href(SiteURL.organisation(parent.0).path), .text(parent.1)) : .text(parent.1)
                    } ?? .text("—"))),
                .h2(.text(strings.children)),
                model.children.isEmpty ? .p(.class("muted"), .text("—")) : .ul(.forEach(model.children) { child in
                    .li(.a(.href(SiteURL.organisation(child.0).path), .text(child.1)))
                }),
                figures(),
                .h2(.text(context.strings.courses.title)),
                model.courses.isEmpty ? .p(.class("muted"), .text("—")) : .ul(.id("org-courses"), .forEach(model.courses) { course in
                    .li(.a(.href(SiteURL.course(course.0).path), .text(course.1)))
                }),
                .h2(.text(context.strings.teachers.heading)),
                model.teachers.isEmpty ? .p(.class("muted"), .text("—")) : .ul(.forEach(model.teachers) { .li(.text($0)) }),
                .h2(.text(strings.accounts)),
                model.accounts.isEmpty ? .p(.class("muted"), .text("—")) : .ul(.forEach(model.accounts) { .li(.text($0)) }),
                .if(!model.moves.isEmpty, .group(.h2(.text(strings.history)), .ul(.forEach(model.moves) { .li(.class("small"), .text($0)) }))),
                .if(model.canEdit && !model.closed, .group(
                    .form(.method(.post), .action(SiteURL.organisation(model.id).path), .novalidate(),
                        csrfField(),
                        FormFields.input(name: "nameZh", label: strings.nameZh, value: model.nameZh, error: model.errors["nameZh"]),
                        FormFields.input(name: "nameEn", label: strings.nameEn, value: model.nameEn, error: model.errors["nameEn"]),
                        .button(.type(.submit), .class("button"), .text(strings.save))),
                    .form(.method(.post), .action(SiteURL.moveOrganisation(model.id).path), .class("toolbar"),
                        csrfField(),
                        FormFields.select(name: "parent", label: strings.move, options: model.parents.map { (String($0.0), $0.1) },
                                          selected: model.parent.map { String($0.0) }, error: model.errors["parent"]),
                        .button(.type(.submit), .class("button secondary"), .text(strings.move))),
                    .form(.method(.post), .action(SiteURL.closeOrganisation(model.id).path), .class("inline"),
                        csrfField(), .button(.type(.submit), .class("button secondary"), .text(strings.close))))))
        }

        private func figures() -> Node<HTML.BodyContext> {
            let s = context.strings.dashboard
            return .group(
                .h2(.id("figures"), .text(s.ownFigures)),
                .form(.method(.get), .action(SiteURL.organisation(model.id).path), .class("toolbar"),
                    FormFields.select(name: "year", label: s.year, options: model.years.map { (String($0), String($0)) },
                                      selected: String(model.year), error: nil),
                    .button(.type(.submit), .class("button secondary"), .text(s.show))),
                FigureTable.table(model.figures, id: "organisation-figures", strings: context.strings))
        }
    }
}

extension OrganisationPages {
    /// The form for a new organisation.
    struct New: PageView {
        struct Model: Sendable {
            var form = OrganisationsEditing.Form()
            var errors: [String: String] = [:]
            var parents: [(Int, String)] = []
            var regions: [(String, String)] = []
            var kinds: [(String, String)] = []
        }

        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.registry.newOrganisation }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry, form = model.form
            return .section(.class("card narrow"),
                .h1(.text(pageTitle)),
                .form(.method(.post), .action(SiteURL.organisations.path), .novalidate(),
                    csrfField(),
                    FormFields.input(name: "nameZh", label: strings.nameZh, value: form.nameZh ?? "", error: model.errors["nameZh"]),
                    FormFields.input(name: "nameEn", label: strings.nameEn, value: form.nameEn ?? "", error: model.errors["nameEn"]),
                    FormFields.input(name: "code", label: strings.code, value: form.code ?? "", error: model.errors["code"]),
                    FormFields.select(name: "kind", label: strings.kind, options: [("", "—")] + model.kinds, selected: form.kind, error: model.errors["kind"]),
                    FormFields.select(name: "parent", label: strings.parent, options: [("", "—")] + model.parents.map { (String($0.0), $0.1) },
                                      selected: form.parent.map(String.init), error: model.errors["parent"]),
                    FormFields.select(name: "region", label: strings.region, options: [("", "—")] + model.regions, selected: form.region, error: model.errors["region"]),
                    FormFields.input(name: "director", label: strings.director, value: form.director ?? "", error: nil),
                    .label(.class("check"), .input(.type(.checkbox), .name("demonstration"), .value("1")), .text(" " + strings.demonstration)),
                    .div(.button(.type(.submit), .class("button"), .text(strings.save)))))
        }
    }
}
