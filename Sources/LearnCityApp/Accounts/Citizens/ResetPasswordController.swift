import Fluent
import Foundation
import LearnCityCore
import Vapor

/// A citizen who forgot their password brings their ID card to a centre, receives a reset
/// code, and sets a new password here. The code also confirms who they are, so the account
/// is linked to their person.
enum ResetPasswordController {
    struct Form: Content {
        var residentID: String?
        var code: String?
        var password: String?
        var confirm: String?
    }

    static func model(_ request: Request, form: Form = Form()) -> FormPage.Model {
        let strings = request.strings.accounts
        return FormPage.Model(
            title: strings.resetTitle, intro: strings.resetIntro, action: .resetPassword,
            fields: [
                .init(name: "residentID", label: strings.residentID, value: form.residentID ?? "", autocomplete: "off"),
                .init(name: "code", label: strings.codeLabel, autocomplete: "one-time-code"),
                .init(name: "password", label: strings.newPassword, type: .password, autocomplete: "new-password"),
                .init(name: "confirm", label: strings.confirmPassword, type: .password, autocomplete: "new-password"),
            ],
            submit: strings.resetPassword)
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        FormPage.View(model: model(request), context: PageContext(request)).response()
    }

    @Sendable static func submit(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let strings = request.strings.accounts
        var page = model(request, form: form)
        guard let id = try? ResidentID(form.residentID ?? "") else {
            page.errors["residentID"] = strings.invalidResidentID
            return FormPage.View(model: page, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        page.errors.merge(strings.passwordErrors(form.password, confirm: form.confirm)) { first, _ in first }
        let hash = request.vault.hash(id.value, .residentID)
        let key = "reset:" + hash, address = request.clientAddress
        if let wait = try await SignInThrottle.retryAfter(account: key, address: address, on: request.db) {
            page.alert = strings.throttled(Int((wait / 60).rounded(.up)))
            return FormPage.View(model: page, context: PageContext(request)).response(status: .tooManyRequests)
        }
        guard page.errors.isEmpty else {
            return FormPage.View(model: page, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        let newHash = try await request.password.async.hash(form.password ?? "")
        do {
            try await request.db.transaction { db in
                let redeemed = try await CitizenService.redeem(code: form.code ?? "", purpose: .reset, residentIDHash: hash, on: db)
                // The account linked to the person, else the newest one registered with this ID.
                let linked = try await User.query(on: db).filter(\.$personID == redeemed.personID).first()
                let claimed = try await User.query(on: db).filter(\.$residentIDHash == hash).sort(\.$createdAt, .descending).first()
                guard let user = linked ?? claimed else { throw CitizenService.Problem.invalidCode }
                user.passwordHash = newHash
                user.residentIDHash = hash
                try await user.update(on: db)
                let actor = Audit.Actor(id: user.id, name: user.username, address: request.clientAddress)
                try await Audit.record(.passwordReset, entity: "user", id: user.id?.uuidString, summary: "with a centre's code", by: actor, on: db)
                try await AccountSessions.end(of: user.id, except: nil, on: db)
                if user.personID != redeemed.personID {
                    try await CitizenService.link(user, to: redeemed.personID, actor: actor, on: db)
                }
            }
        } catch CitizenService.Problem.invalidCode {
            try await SignInThrottle.recordFailure(account: key, address: address, on: request.db)
            page.errors["code"] = strings.codeInvalid
            return FormPage.View(model: page, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        var done = model(request)
        done.fields = []
        done.intro = nil
        done.notice = strings.resetDone
        done.footer = [(request.strings.signIn, SiteURL.signIn.path)]
        return FormPage.View(model: done, context: PageContext(request)).response()
    }
}
