import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Citizens register themselves; the account links to their records only after a centre
/// confirms who they are (design.md §5). Knowing a neighbour's ID number opens nothing.
enum RegistrationController {
    struct Form: Content {
        var name: String?
        var residentID: String?
        var phone: String?
        var password: String?
        var confirm: String?
    }

    static func model(_ request: Request, form: Form = Form()) -> FormPage.Model {
        let strings = request.strings.accounts
        return FormPage.Model(
            title: strings.registerTitle, intro: strings.registerIntro, action: .register,
            fields: [
                .init(name: "name", label: strings.name, value: form.name ?? "", autocomplete: "name"),
                .init(name: "residentID", label: strings.residentID, value: form.residentID ?? "", autocomplete: "off"),
                .init(name: "phone", label: strings.phone, type: .tel, value: form.phone ?? "", autocomplete: "tel"),
                .init(name: "password", label: request.strings.password, type: .password, autocomplete: "new-password"),
                .init(name: "confirm", label: strings.confirmPassword, type: .password, autocomplete: "new-password"),
            ],
            submit: strings.registerButton)
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        FormPage.View(model: model(request), context: PageContext(request)).response()
    }

    @Sendable static func submit(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let strings = request.strings
        var page = model(request, form: form)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { page.errors["name"] = strings.registry.nameRequired }
        var id: ResidentID?
        do { id = try ResidentID(form.residentID ?? "") } catch {
            page.errors["residentID"] = strings.accounts.invalidResidentID + strings.colon + ResidentIDProblemText.text(error, strings: strings)
        }
        let phone = MobileNumber(form.phone ?? "")
        if phone == nil { page.errors["phone"] = strings.accounts.invalidPhone }
        page.errors.merge(strings.accounts.passwordErrors(form.password, confirm: form.confirm)) { first, _ in first }
        guard page.errors.isEmpty, let id, let phone else {
            return FormPage.View(model: page, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        // Registrations per address are limited like sign-in failures (`SignInThrottle`).
        let address = request.clientAddress
        if let wait = try await SignInThrottle.retryAfter(account: SignInThrottle.registration, address: address,
                                                          pairLimit: SignInThrottle.registrationLimit, on: request.db) {
            page.alert = strings.accounts.registrationThrottled(Int((wait / 60).rounded(.up)))
            let response = FormPage.View(model: page, context: PageContext(request)).response(status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(wait.rounded(.up))))
            return response
        }
        let residentIDHash = request.vault.hash(id.value, .residentID)
        // A few accounts may claim one ID (a family's shared number, a typo); more would only
        // make sign-in by that ID slow, one password check per account.
        let claims = try await User.query(on: request.db).filter(\.$residentIDHash == residentIDHash).count()
        guard ResidentIDClaims.mayClaim(existing: claims) else {
            page.errors["residentID"] = strings.accounts.tooManyClaims(ResidentIDClaims.limit)
            return FormPage.View(model: page, context: PageContext(request)).response(status: .unprocessableEntity)
        }
        let user = User(username: "c-" + UUID().uuidString.prefix(12).lowercased(), displayName: name,
                        passwordHash: try await request.password.async.hash(form.password ?? ""), roles: [.learner],
                        organisationID: nil, mustChangePassword: false)
        user.residentIDHash = residentIDHash
        user.phoneCipher = try request.vault.seal(phone.value)
        try await request.db.transaction { db in
            try await user.create(on: db)
            try await Audit.record(.register, entity: "user", id: user.id?.uuidString,
                                   summary: "citizen; resident id: \(id.masked)",
                                   by: Audit.Actor(id: user.id, name: name, address: address), on: db)
        }
        try await SignInThrottle.recordAttempt(account: SignInThrottle.registration, address: address, on: request.db)
        // A fresh session id, as at sign-in: one planted before registering is not reused.
        try await AccountSessions.start(user, on: request)
        return request.redirect(to: SiteURL.account.path + "?registered=1")
    }
}
