import Fluent
import LearnCityCore
import Markup
import Vapor

/// Changing one's own password (required after an admin set it).
enum PasswordController {
    struct Form: Content {
        var current: String?
        var password: String?
        var confirm: String?
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        return PasswordPage.View(model: .init(forced: user.mustChangePassword), context: PageContext(request)).response()
    }

    @Sendable static func submit(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let form = try request.content.decode(Form.self)
        let strings = request.strings.accounts
        var model = PasswordPage.Model(forced: user.mustChangePassword)
        if !((try? await request.password.async.verify(form.current ?? "", created: user.passwordHash)) ?? false) {
            model.errors["current"] = strings.wrongCurrentPassword
        }
        model.errors.merge(strings.passwordErrors(form.password, confirm: form.confirm)) { first, _ in first }
        guard model.errors.isEmpty else {
            return PasswordPage.View(model: model, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        user.passwordHash = try await request.password.async.hash(form.password ?? "")
        user.mustChangePassword = false
        try await request.db.transaction { db in
            try await user.update(on: db)
            try await Audit.record(.passwordChange, entity: "user", id: user.id?.uuidString, by: Audit.Actor(request), on: db)
            // Whoever else held a session of this account (perhaps why it changed) is signed out.
            try await AccountSessions.end(of: user.id, except: request.session.id, on: db)
        }
        model = .init(forced: false, done: true)
        return PasswordPage.View(model: model, context: PageContext(request)).response()
    }
}

enum PasswordPage {
    struct Model: Sendable {
        var forced: Bool
        var done = false
        var errors: [String: String] = [:]
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.accounts.changePasswordTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.accounts
            return .section(.class("card narrow"),
                .h1(.text(strings.changePasswordTitle)),
                .if(model.forced, .p(.class("alert"), .text(strings.mustChangeNotice))),
                .if(model.done, .p(.class("notice"), .attribute(named: "role", value: "status"), .text(strings.passwordChanged))),
                .form(.method(.post), .action(SiteURL.changePassword.path), .novalidate(),
                    csrfField(),
                    FormFields.input(name: "current", label: strings.currentPassword, type: .password,
                                     error: model.errors["current"], autocomplete: "current-password"),
                    FormFields.input(name: "password", label: strings.newPassword, type: .password,
                                     error: model.errors["password"], autocomplete: "new-password"),
                    FormFields.input(name: "confirm", label: strings.confirmPassword, type: .password,
                                     error: model.errors["confirm"], autocomplete: "new-password"),
                    .button(.type(.submit), .class("button"), .text(context.strings.registry.save))))
        }
    }
}
