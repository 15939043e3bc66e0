import Plot

enum OrganisationPages {
    struct Row: Sendable {
        var id: Int
        var name, kind, region: String
        var depth: Int
        var demonstration: Bool
    }

    /// The organisations of the account's scope, indented as a tree.
    struct List: PageView {
        var rows: [Row]
        var context: PageContext
        var pageTitle: String { context.strings.registry.organisationsTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            return .section(.class("card"),
                .h1(.text(strings.organisationsTitle)),
                rows.isEmpty ? .p(.class("empty"), .text(strings.noOrganisations)) : .div(.class("table-wrap"), .table(.class("list"),
                    .thead(.tr(.th(.text(strings.name)), .th(.text(strings.kind)), .th(.text(strings.region)))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(.span(.class("indent-\(min(row.depth, 4))"),
                                      .a(.href(SiteURL.organisation(row.id).path), .text(row.name)),
                                      .if(row.demonstration, .span(.class("badge"), .text(context.strings.demonstrationBadge))))),
                            .td(.text(row.kind)), .td(.text(row.region)))
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
                    .dt(.text(strings.parent)), .dd(model.parent.map { parent in
                        parent.2 ? .a(.href(SiteURL.organisation(parent.0).path), .text(parent.1)) : .text(parent.1)
                    } ?? .text("—"))),
                .h2(.text(strings.children)),
                model.children.isEmpty ? .p(.class("muted"), .text("—")) : .ul(.forEach(model.children) { child in
                    .li(.a(.href(SiteURL.organisation(child.0).path), .text(child.1)))
                }),
                .h2(.text(strings.accounts)),
                model.accounts.isEmpty ? .p(.class("muted"), .text("—")) : .ul(.forEach(model.accounts) { .li(.text($0)) }),
                .if(model.canEdit, .form(.method(.post), .action(SiteURL.organisation(model.id).path), .novalidate(),
                    csrfField(),
                    FormFields.input(name: "nameZh", label: strings.nameZh, value: model.nameZh, error: model.errors["nameZh"]),
                    FormFields.input(name: "nameEn", label: strings.nameEn, value: model.nameEn, error: model.errors["nameEn"]),
                    .button(.type(.submit), .class("button"), .text(strings.save)))))
        }
    }
}
