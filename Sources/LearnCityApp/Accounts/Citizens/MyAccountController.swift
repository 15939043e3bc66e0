import Fluent
import Foundation
import LearnCityCore
import Vapor

/// A citizen's own account: whether it is linked to their learning records yet, and where to
/// enter the code a centre handed them.
enum MyAccountController {
    struct Form: Content { var code: String? }

    static func model(_ request: Request, user: User) async throws -> FormPage.Model {
        let strings = request.strings.accounts
        var model = FormPage.Model(title: strings.myAccountTitle, action: .accountLink,
                                   fields: [.init(name: "code", label: strings.codeLabel, type: .text, autocomplete: "one-time-code")],
                                   submit: strings.confirmButton,
                                   footer: [(strings.menu.password, SiteURL.changePassword.path)])
        if let personID = user.personID, let person = try await Person.find(personID, on: request.db) {
            model.notice = strings.linked + person.name + " (" + person.residentIDMasked + ")"
            model.fields = []
        } else {
            model.intro = strings.linkPending
            if request.query[String.self, at: "registered"] != nil { model.notice = strings.registered }
        }
        return model
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard user.isCitizen else { return request.redirect(to: SiteURL.workspace.path) }
        return FormPage.View(model: try await model(request, user: user), context: PageContext(request)).response()
    }

    @Sendable static func link(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard user.isCitizen, let claimed = user.residentIDHash else { throw AppError(.notFound) }
        let code = try request.content.decode(Form.self).code ?? ""
        // Code guesses are throttled like passwords: per account and address.
        let key = "code:" + (user.id?.uuidString ?? ""), address = request.clientAddress
        var page = try await model(request, user: user)
        if let wait = try await SignInThrottle.retryAfter(account: key, address: address, on: request.db) {
            page.alert = request.strings.accounts.throttled(Int((wait / 60).rounded(.up)))
            return FormPage.View(model: page, context: PageContext(request)).response(status: .tooManyRequests)
        }
        do {
            try await request.db.transaction { db in
                let redeemed = try await CitizenService.redeem(code: code, purpose: .link, residentIDHash: claimed, on: db)
                try await CitizenService.link(user, to: redeemed.personID, actor: Audit.Actor(request), on: db)
            }
        } catch CitizenService.Problem.invalidCode {
            try await SignInThrottle.recordFailure(account: key, address: address, on: request.db)
            page.errors["code"] = request.strings.accounts.codeInvalid
            return FormPage.View(model: page, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        page = try await model(request, user: user)
        page.notice = request.strings.accounts.linkedNow + " " + (page.notice ?? "")
        return FormPage.View(model: page, context: PageContext(request)).response()
    }
}
