import Foundation
import LearnCityCore
import Markup

/// The accounts of an admin's scope, the form for a new one, and one-time passwords.
enum UsersPage {
    struct Row: Sendable {
        var id: UUID?
        var username, displayName, roles, organisation: String
        /// Whether the admin could have granted every role of the account (and so may reset it).
        var manageable = true
    }

    struct Model: Sendable {
        var rows: [Row] = []
        var organisations: [(Int, String)] = []
        var grantable: [Role] = []
        var form: UsersController.Form?
        var errors: [String: String] = [:]
        /// (username, password) to show once.
        var created: (String, String)?
        var reset: (String, String)?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.accounts.accountsTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.accounts
            return .group(
                .section(.class("card"),
                    .h1(.text(strings.accountsTitle)),
                    .unwrap(model.created) { secret(strings.accountCreated, $0) },
                    .unwrap(model.reset) { secret(strings.passwordResetShown, $0) },
                    model.rows.isEmpty ? .p(.class("empty"), .text(strings.noAccounts)) : table()),
                .section(.class("card"), .id("new"),
                    .h2(.text(strings.newAccount)),
                    .form(.method(.post), .action(SiteURL.users.path), .novalidate(),
                        csrfField(),
                        FormFields.input(name: "username", label: context.strings.username, value: model.form?.username ?? "",
                                         error: model.errors["username"], hint: strings.usernameInvalid),
                        FormFields.input(name: "displayName", label: strings.displayName, value: model.form?.displayName ?? "",
                                         error: model.errors["displayName"]),
                        FormFields.select(name: "organisation", label: strings.organisation,
                                          options: [("", "—")] + model.organisations.map { (String($0.0), $0.1) },
                                          selected: model.form?.organisation.map(String.init), error: model.errors["organisation"]),
                        rolesField(),
                        .button(.type(.submit), .class("button"), .text(strings.create)))))
        }

        private func secret(_ label: String, _ pair: (String, String)) -> Node<HTML.BodyContext> {
            .div(.class("notice"), .attribute(named: "role", value: "status"),
                 .p(.text("\(label) \(pair.0)")), .p(.class("secret"), .text(pair.1)))
        }

        private func rolesField() -> Node<HTML.FormContext> {
            let chosen = Set(model.form?.roles ?? [])
            let error = model.errors["roles"]
            return .fieldset(.class(error == nil ? "field" : "field invalid"),
                .element(named: "legend", nodes: [.text(context.strings.accounts.roles)]),
                .forEach(model.grantable) { role in
                    .label(.class("check"),
                        .input(.type(.checkbox), .name("roles[]"), .value(role.rawValue),
                               .attribute(named: "checked", value: chosen.contains(role.rawValue) ? "checked" : nil)),
                        .text(" " + context.strings.roles.name(role)))
                },
                .unwrap(error) { .p(.class("field-error"), .id("roles-error"), .text($0)) })
        }

        private func table() -> Node<HTML.BodyContext> {
            let strings = context.strings
            return .div(.class("table-wrap"), .table(.class("list"),
                .thead(.tr(.th(.text(strings.username)), .th(.text(strings.accounts.displayName)),
                           .th(.text(strings.accounts.roles)), .th(.text(strings.accounts.organisation)), .th())),
                .tbody(.forEach(model.rows) { row in
                    .tr(.td(.text(row.username)), .td(.text(row.displayName)), .td(.text(row.roles)), .td(.text(row.organisation)),
                        // Only accounts whose every role the admin could grant may be reset by them.
                        .td(.if(row.manageable,
                                .form(.method(.post), .action(SiteURL.resetUserPassword(row.id).path), .class("inline"),
                                      csrfField(),
                                      .button(.type(.submit), .class("link"), .text(strings.accounts.resetPassword))))))
                })))
        }
    }
}
