import Foundation
import Markup

/// The people list: search, a page of masked rows, paging, export.
enum PeopleList {
    struct Row: Sendable {
        var id: Int
        var name, residentID, phone, gender, birthDate, region: String
    }

    struct Model: Sendable {
        var query: String
        var page: Int
        var total: Int
        var pageSize: Int
        var rows: [Row]
        var canCreate: Bool
        var canExport: Bool
        /// Set when the list is an ID search: links carry the ID's keyed hash, never the ID.
        var idHash: String?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.registry.peopleTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            // The search parameter of export and paging links: the ID's hash, or the name searched.
            let encoded = model.idHash.map { "&idh=" + $0 }
                ?? "&q=" + (model.query.addingPercentEncoding(withAllowedCharacters: PeopleController.queryValue) ?? "")
            return .section(.class("card"),
                .h1(.text(strings.peopleTitle)),
                // Posted, so that a resident ID typed here is never part of a URL.
                .form(.method(.post), .action(SiteURL.peopleSearch.path), .class("toolbar"),
                    csrfField(),
                    .input(.type(.search), .name("q"), .value(model.query), .placeholder(strings.searchPlaceholder),
                           .attribute(named: "aria-label", value: strings.searchPlaceholder)),
                    .button(.type(.submit), .class("button"), .text(strings.searchButton)),
                    .if(model.canCreate, .a(.class("button secondary"), .href(SiteURL.newPerson.path), .text(strings.newPerson))),
                    .if(model.canExport, .group(
                        .a(.class("button secondary"), .href(SiteURL.peopleExport.path + "?format=csv" + encoded),
                           .text(strings.exportCSV)),
                        .a(.class("button secondary"), .href(SiteURL.peopleExport.path + "?format=xlsx" + encoded),
                           .text(strings.exportXLSX))))),
                .p(.class("muted small"), .text(strings.peopleCount(model.total))),
                model.rows.isEmpty ? .p(.class("empty"), .text(strings.noPeople)) : .div(.class("table-wrap"), .table(.class("list"),
                    .thead(.tr(.th(.text(strings.name)), .th(.text(strings.residentID)), .th(.text(strings.phone)),
                               .th(.text(strings.gender)), .th(.text(strings.birthDate)), .th(.text(strings.region)))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.person(row.id).path), .text(row.name))), .td(.text(row.residentID)),
                            .td(.text(row.phone)), .td(.text(row.gender)), .td(.text(row.birthDate)), .td(.text(row.region)))
                    }))),
                pager(encoded))
        }

        private func pager(_ encoded: String) -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            let last = max(1, (model.total + model.pageSize - 1) / model.pageSize)
            guard last > 1 else { return .empty }
            let link = { (page: Int) in SiteURL.people.path + "?page=\(page)" + encoded }
            return .nav(.class("pager"), .attribute(named: "aria-label", value: "pages"),
                .if(model.page > 1, .a(.href(link(model.page - 1)), .text(strings.previousPage))),
                .span(.text("\(model.page) / \(last)")),
                .if(model.page < last, .a(.href(link(model.page + 1)), .text(strings.nextPage))))
        }
    }
}

/// One person: masked numbers, and the unmasked ones once revealed (audited).
enum PersonPage {
    struct Model: Sendable {
        var row: PeopleList.Row
        var region: String
        var revealed: (String, String?)?
        var canReveal: Bool
        var canEdit: Bool
        /// Urban/rural, employment, occupation, industry, workplace: (label, value).
        var details: [(String, String)] = []
        /// (row id, provider, the provider's id for this person)
        var externalIDs: [(Int, String, String)] = []
        /// Organisations an external id may be added for (only when the account may edit).
        var providers: [(Int, String)] = []
        var externalIDError: String?
        var possibleDuplicates = 0
        var canMerge = false
        var records: RecordViews.Section?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { model.row.name }

        func content() -> Node<HTML.BodyContext> {
            .group(facts(), .unwrap(model.records) { RecordViews.section($0, context: context) })
        }

        private func facts() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            let row = model.row
            return .section(.class("card"),
                .h1(.text(row.name)),
                .dl(.class("facts"),
                    .dt(.text(strings.residentID)), .dd(.id("resident-id"), .text(model.revealed?.0 ?? row.residentID)),
                    .dt(.text(strings.phone)), .dd(.id("phone"), .text(model.revealed.map { $0.1 ?? "—" } ?? row.phone)),
                    .dt(.text(strings.gender)), .dd(.text(row.gender)),
                    .dt(.text(strings.birthDate)), .dd(.text(row.birthDate)),
                    .dt(.text(strings.region)), .dd(.text(model.region)),
                    .forEach(model.details) { label, value in .group(.dt(.text(label)), .dd(.text(value))) }),
                .if(model.revealed != nil, .p(.class("notice"), .text(strings.revealedNote))),
                .div(.class("toolbar"),
                    .if(model.canReveal && model.revealed == nil,
                        .form(.method(.post), .action(SiteURL.revealPerson(row.id).path), .class("inline"), csrfField(),
                              .button(.type(.submit), .class("button secondary"), .text(strings.reveal)))),
                    .if(model.canEdit, .a(.class("button secondary"), .href(SiteURL.editPerson(row.id).path), .text(strings.editPerson)))),
                duplicates(),
                externalIDs())
        }

        private func duplicates() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            guard model.possibleDuplicates > 0 else { return .empty }
            return .p(.class("alert"), .id("possible-duplicates"), .text(strings.possibleDuplicates(model.possibleDuplicates) + " "),
                      .if(model.canMerge, .a(.href(SiteURL.peopleDuplicates.path), .text(strings.duplicatesTitle))))
        }

        private func externalIDs() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            let id = model.row.id
            let list: Node<HTML.BodyContext> = model.externalIDs.isEmpty ? .p(.class("empty"), .text(strings.noExternalIDs))
                : .ul(.id("external-ids"), .forEach(model.externalIDs) { rowID, provider, value in
                    .li(.text("\(provider)：\(value) "),
                        .if(model.canEdit, .form(.method(.post), .action(SiteURL.personExternalIDs(id).path), .class("inline"), csrfField(),
                            .input(.type(.hidden), .name("remove"), .value(String(rowID))),
                            .button(.type(.submit), .class("link"), .text(strings.remove)))))
                })
            let form: Node<HTML.BodyContext> = .if(model.canEdit, .form(.method(.post), .action(SiteURL.personExternalIDs(id).path), .novalidate(),
                csrfField(),
                FormFields.select(name: "provider", label: strings.provider, options: model.providers.map { (String($0.0), $0.1) },
                                  selected: nil, error: nil),
                FormFields.input(name: "externalID", label: strings.externalID, value: "", error: model.externalIDError),
                .button(.type(.submit), .class("button secondary"), .text(strings.addExternalID))))
            return .group(.h2(.text(strings.externalIDsTitle)), list, form)
        }
    }
}

/// New and edit forms for a person.
enum PersonForm {
    struct Model: Sendable {
        var isNew: Bool
        var action: SiteURL
        var form = PeopleController.Form()
        var errors: [String: String] = [:]
        var regions: [(String, String)] = []
        var industries: [(String, String)] = []
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { model.isNew ? context.strings.registry.newPerson : context.strings.registry.editPerson }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            let form = model.form
            return .section(.class("card narrow"),
                .h1(.text(pageTitle)),
                .form(.method(.post), .action(model.action.path), .novalidate(),
                    csrfField(),
                    FormFields.input(name: "name", label: strings.name, value: form.name ?? "", error: model.errors["name"]),
                    model.isNew
                        ? FormFields.input(name: "residentID", label: strings.residentID, value: form.residentID ?? "",
                                           error: model.errors["residentID"], autocomplete: "off")
                        : .p(.text(strings.residentID + context.strings.colon + (form.residentID ?? ""))),
                    FormFields.select(name: "gender", label: strings.gender,
                                      options: [("", "—"), ("male", strings.male), ("female", strings.female)],
                                      selected: form.gender, error: model.errors["gender"]),
                    FormFields.input(name: "phone", label: strings.phone, type: .tel, value: form.phone ?? "",
                                     error: model.errors["phone"], autocomplete: "off"),
                    FormFields.select(name: "region", label: strings.region, options: model.regions,
                                      selected: form.region, error: model.errors["region"]),
                    FormFields.select(name: "urbanRural", label: strings.urbanRural,
                                      options: [("", "—"), ("urban", strings.urban), ("rural", strings.rural)],
                                      selected: form.urbanRural, error: model.errors["urbanRural"]),
                    FormFields.select(name: "employed", label: strings.employed,
                                      options: [("", "—"), ("yes", strings.employedYes), ("no", strings.employedNo)],
                                      selected: form.employed, error: model.errors["employed"]),
                    FormFields.input(name: "occupation", label: strings.occupation, value: form.occupation ?? "", error: nil),
                    FormFields.select(name: "industry", label: strings.industry, options: [("", "—")] + model.industries,
                                      selected: form.industry, error: model.errors["industry"]),
                    FormFields.input(name: "workplace", label: strings.workplace, value: form.workplace ?? "", error: nil),
                    .button(.type(.submit), .class("button"), .text(strings.save))))
        }
    }
}
