import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// A signed-in account's API tokens: create (shown once), list, revoke.
enum TokensController {
    struct Form: Content {
        var name: String?
        var days: Int?
        var scopes: [String]?
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await page(request, model: .init())
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        // Only a person in a browser session makes tokens; a token cannot make more of itself
        // (tokens are ignored off the API already; this keeps it so if that ever changes).
        guard !TokenScopeCheck.isToken(request) else { throw AppError(.notFound) }
        let form = try request.content.decode(Form.self)
        var model = TokensPage.Model()
        let scopes = Set((form.scopes ?? []).compactMap(TokenScope.init(rawValue:)))
        model.chosenScopes = scopes
        if scopes.isEmpty { model.errors["scopes"] = request.strings.accounts.scopesRequired }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { model.errors["name"] = request.strings.fieldRequired }
        let days = form.days ?? 90
        if !(1...366).contains(days) { model.errors["days"] = request.strings.problems.invalidParameter + " (1–366)" }
        guard model.errors.isEmpty else { return try await page(request, model: model, status: .unprocessableEntity) }
        let (secret, hash) = APIToken.generate()
        let token = APIToken()
        token.userID = try user.requireID()
        token.name = String(name.prefix(100))
        token.tokenHash = hash
        token.expiresAt = Date().addingTimeInterval(Double(days) * 86_400)
        token.scopes = scopes
        try await request.db.transaction { db in
            try await token.create(on: db)
            try await Audit.record(.tokenCreate, entity: "api_token", id: token.id.map(String.init),
                                   summary: "name: \(token.name); days: \(days); scopes: \(token.scopesText)",
                                   by: Audit.Actor(request), on: db)
        }
        model.created = secret
        model.chosenScopes = TokenScope.defaults
        return try await page(request, model: model)
    }

    @Sendable static func revoke(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        // Someone else's token is "not found", like a missing one.
        guard let token = try await APIToken.find(request.intID(), on: request.db), token.userID == user.id else {
            throw AppError(.notFound)
        }
        if token.revokedAt == nil {
            token.revokedAt = Date()
            try await request.db.transaction { db in
                try await token.update(on: db)
                try await Audit.record(.tokenRevoke, entity: "api_token", id: token.id.map(String.init),
                                       summary: "name: \(token.name)", by: Audit.Actor(request), on: db)
            }
        }
        return request.redirect(to: SiteURL.tokens.path)
    }

    private static func page(_ request: Request, model: TokensPage.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        var model = model
        let user = try request.requireUser()
        model.tokens = try await APIToken.query(on: request.db).filter(\.$userID == user.requireID())
            .sort(\.$createdAt, .descending).all()
            .map { .init(id: $0.id ?? 0, name: $0.name, expires: $0.expiresAt, revoked: $0.revokedAt != nil,
                         usable: $0.isUsable, scopes: $0.scopesText) }
        return TokensPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}

enum TokensPage {
    struct Row: Sendable {
        var id: Int; var name: String; var expires: Date; var revoked: Bool; var usable: Bool; var scopes: String
    }

    struct Model: Sendable {
        var tokens: [Row] = []
        var created: String?
        var errors: [String: String] = [:]
        /// The scopes ticked on the form: `read` until the user chooses otherwise, never `reveal`.
        var chosenScopes = TokenScope.defaults
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.accounts.tokensTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.accounts
            return .section(.class("card"),
                .h1(.text(strings.tokensTitle)),
                .unwrap(model.created) { secret in
                    .div(.class("notice"), .attribute(named: "role", value: "status"),
                         .p(.text(strings.tokenCreated)), .p(.class("secret"), .id("new-token"), .text(secret)))
                },
                model.tokens.isEmpty ? .p(.class("empty"), .text(strings.noTokens)) : .div(.class("table-wrap"), .table(.class("list"),
                    .thead(.tr(.th(.text(strings.tokenName)), .th(.text(strings.tokenScopes)), .th(.text(strings.expires)),
                               .th())),
                    .tbody(.forEach(model.tokens) { row in
                        .tr(.td(.text(row.name)), .td(.class("scopes"), .text(row.scopes)),
                            .td(.text(DateText.day(row.expires, context.timeZone))),
                            .td(row.revoked ? .text(strings.revoked) : .form(.method(.post), .action(SiteURL.revokeToken(row.id).path),
                                .class("inline"), csrfField(), .button(.type(.submit), .class("link"), .text(strings.revoke)))))
                    }))),
                .form(.method(.post), .action(SiteURL.tokens.path), .novalidate(),
                    csrfField(),
                    FormFields.input(name: "name", label: strings.tokenName, error: model.errors["name"]),
                    FormFields.input(name: "days", label: strings.tokenDays, type: .number, value: "90", error: model.errors["days"]),
                    scopesField(),
                    .button(.type(.submit), .class("button"), .text(strings.createToken))))
        }

        private func scopesField() -> Node<HTML.FormContext> {
            let strings = context.strings.accounts
            let error = model.errors["scopes"]
            let labels: [TokenScope: String] = [.read: strings.scopeRead, .write: strings.scopeWrite,
                                                .reveal: strings.scopeReveal]
            return .fieldset(.class(error == nil ? "field" : "field invalid"),
                .element(named: "legend", nodes: [.text(strings.tokenScopes)]),
                .forEach(TokenScope.allCases) { scope in
                    .label(.class("check"),
                        .input(.type(.checkbox), .name("scopes[]"), .value(scope.rawValue),
                               .attribute(named: "checked",
                                          value: model.chosenScopes.contains(scope) ? "checked" : nil)),
                        .text(" " + (labels[scope] ?? scope.rawValue)))
                },
                .unwrap(error) { .p(.class("field-error"), .id("scopes-error"), .text($0)) })
        }
    }
}
