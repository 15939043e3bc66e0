import LearnCityCore
import Markup

enum LiaisonPages {
    struct Row: Sendable {
        var id: Int
        var unit, name, post, officePhone: String
        /// Masked (`138****5678`) unless this request revealed it.
        var mobile: String
        var canReveal, canRemove: Bool
    }

    /// The officers of one kind of unit, and (for the office) the units of that kind with none.
    struct Group: Sendable {
        var kind: String
        var rows: [Row]
        var missing: [String]
    }

    struct Model: Sendable {
        var groups: [Group]
        var revealed, office, canSet: Bool
        var units: [(String, String)]
        var form: LiaisonsController.Form
        var errors: [String: String]
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.liaisons.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.liaisons
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title)),
                    .p(.class("muted"), .text(s.intro)),
                    .if(model.revealed, .p(.class("notice"), .attribute(named: "role", value: "status"), .text(s.revealedNote))),
                    model.groups.isEmpty ? .p(.class("empty"), .text(s.none)) : .group(.forEach(model.groups) { unitGroup($0) }),
                    .if(model.office && model.groups.allSatisfy(\.missing.isEmpty), .p(.class("notice"), .text(s.allPresent)))),
                .if(model.canSet, form()))
        }

        private func unitGroup(_ group: Group) -> Node<HTML.BodyContext> {
            let s = context.strings.liaisons
            return .group(
                .h2(.text(group.kind)),
                .if(!group.rows.isEmpty, .div(.class("table-wrap"), .table(.class("list liaisons"),
                    .thead(.tr(.th(.text(s.unit)), .th(.text(s.name)), .th(.text(s.post)), .th(.text(s.officePhone)), .th(.text(s.mobile)), .th())),
                    .tbody(.forEach(group.rows) { row in
                        .tr(.td(.text(row.unit)), .td(.text(row.name)), .td(.text(row.post)), .td(.text(row.officePhone.isEmpty ? "—" : row.officePhone)),
                            .td(.id("mobile-\(row.id)"), .text(row.mobile)),
                            .td(.if(row.canReveal && !model.revealed,
                                    .form(.method(.post), .action(SiteURL.revealLiaison(row.id).path), .class("inline"), csrfField(),
                                          .button(.type(.submit), .class("link"), .text(s.reveal)))),
                                .if(row.canRemove,
                                    .form(.method(.post), .action(SiteURL.removeLiaison(row.id).path), .class("inline"), csrfField(),
                                          .button(.type(.submit), .class("link"), .text(s.remove))))))
                    })))),
                .if(!group.missing.isEmpty, .p(.class("alert"), .text(s.missing + context.strings.colon + group.missing.joined(separator: context.strings.listSeparator)))))
        }

        private func form() -> Node<HTML.BodyContext> {
            let s = context.strings.liaisons, f = model.form, e = model.errors
            return .section(.class("card narrow"),
                .h2(.text(s.set)),
                .form(.method(.post), .action(SiteURL.liaisons.path), .novalidate(), csrfField(),
                    FormFields.select(name: "organisation", label: s.unit, options: model.units,
                                      selected: f.organisation ?? (model.units.count == 1 ? model.units[0].0 : nil), error: e["organisation"]),
                    FormFields.input(name: "name", label: s.name, value: f.name ?? "", error: e["name"]),
                    FormFields.input(name: "post", label: s.post, value: f.post ?? "", error: nil),
                    FormFields.input(name: "office_phone", label: s.officePhone, type: .tel, value: f.officePhone ?? "", error: e["office_phone"]),
                    // A mobile typed wrongly is shown back to its typist only, never stored.
                    FormFields.input(name: "mobile", label: s.mobile, type: .tel, value: f.mobile ?? "", error: e["mobile"], autocomplete: "off"),
                    .button(.type(.submit), .class("button"), .text(s.set))))
        }
    }
}
