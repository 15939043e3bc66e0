import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// At a learning centre, with the citizen and their ID card present: look the number up, then
/// issue an identity code (links their account to their person) or a password-reset code.
/// A person not yet registered is created here, in the centre's area, from the card.
enum IdentityController {
    struct Form: Content {
        var residentID: String?
        var name: String?
        var region: String?
        var action: String?
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        try await render(request, model: .init(regions: regionOptions(request)))
    }

    @Sendable static func submit(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let strings = request.strings
        let scope = try await request.accountScope()
        var model = IdentityPage.Model(regions: try await regionOptions(request), residentID: form.residentID ?? "")
        let id: ResidentID
        do { id = try ResidentID(form.residentID ?? "") } catch {
            model.errors["residentID"] = strings.accounts.invalidResidentID + strings.colon + ResidentIDProblemText.text(error, strings: strings)
            return try await render(request, model: model, status: .unprocessableEntity)
        }
        let hash = request.vault.hash(id.value, .residentID)
        var person = try await PersonService.find(residentID: id, vault: request.vault, on: request.db)
        // Someone registered elsewhere is handled by a centre of their own area, and looks here
        // exactly like someone not registered; only registering them again is refused.
        let registeredElsewhere = person.map { !scope.includesRegion($0.region) } ?? false
        if registeredElsewhere { person = nil }
        let claims = try await User.query(on: request.db).filter(\.$residentIDHash == hash).count()
        model.masked = id.masked
        model.claims = claims
        model.personName = person?.name
        model.needsPerson = person == nil && model.alert == nil
        guard let action = form.action.flatMap(IdentityCode.Purpose.init(rawValue:)), model.alert == nil else {
            return try await render(request, model: model)
        }
        if claims == 0 && action == .reset { model.alert = strings.accounts.noAccountForID; return try await render(request, model: model) }
        if person == nil {
            let input = PersonService.Input(name: form.name ?? "", residentID: id.value, phone: "", gender: nil, region: form.region ?? "")
            let (_, _, region, problems) = PersonService.validate(input, scope: scope, strings: strings)
            var errors = problems
            if registeredElsewhere { errors["residentID"] = strings.registry.residentIDExists }
            guard errors.isEmpty, let region else {
                model.errors = errors
                return try await render(request, model: model, status: .unprocessableEntity)
            }
            person = try await PersonService.create(input, id: id, phone: nil, region: region, vault: request.vault,
                                                    actor: Audit.Actor(request), on: request.db)
            model.personName = person?.name
            model.needsPerson = false
        }
        guard let person, let personID = person.id else { throw AppError(.internalError) }
        let code = IdentityCode.generate()
        let record = IdentityCode()
        record.purpose = action
        record.residentIDHash = hash
        record.personID = personID
        record.codeHash = IdentityCode.hash(code, residentIDHash: hash)
        record.issuedBy = request.auth.get(User.self)?.id
        record.expiresAt = Date().addingTimeInterval(Double(IdentityCode.lifetimeHours) * 3600)
        try await request.db.transaction { db in
            // A new code replaces the unused ones of the same purpose.
            try await IdentityCode.query(on: db).filter(\.$residentIDHash == hash).filter(\.$purpose == action)
                .filter(\.$usedAt == nil).set(\.$usedAt, to: Date()).update()
            try await record.create(on: db)
            try await Audit.record(action == .link ? .identityCode : .resetCode, entity: "person", id: String(personID),
                                   summary: "resident id: \(id.masked)", by: Audit.Actor(request), on: db)
        }
        if let shown = try await request.application.learnCity.codeDelivery.deliver(code: code, purpose: action, to: person) {
            model.issued = strings.accounts.codeIssued(shown, IdentityCode.lifetimeHours)
        }
        return try await render(request, model: model)
    }

    private static func regionOptions(_ request: Request) async throws -> [(String, String)] {
        let scope = try await request.accountScope()
        return try await Region.query(on: request.db).filter(\.$level == 3).sort(\.$id).all()
            .filter { scope.includesRegion($0.code) }.map { ($0.id ?? "", $0.name(request.language)) }
    }

    private static func render(_ request: Request, model: IdentityPage.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        IdentityPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}

enum IdentityPage {
    struct Model: Sendable {
        var regions: [(String, String)]
        var residentID = ""
        var masked: String?
        var personName: String?
        var claims = 0
        var needsPerson = false
        var issued: String?
        var alert: String?
        var errors: [String: String] = [:]
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.accounts.identityTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.accounts
            return .section(.class("card narrow"),
                .h1(.text(strings.identityTitle)),
                .p(.class("muted"), .text(strings.identityIntro)),
                .unwrap(model.issued) { .p(.class("secret"), .id("secret"), .text($0)) },
                .unwrap(model.alert) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .unwrap(model.masked) { masked in
                    .dl(.class("facts"),
                        .dt(.text(strings.residentID)), .dd(.text(masked)),
                        .dt(.text(strings.name)), .dd(.text(model.personName ?? "—")),
                        .dt(.text(strings.claimingAccounts(model.claims))), .dd())
                },
                .form(.method(.post), .action(SiteURL.identity.path), .novalidate(),
                    csrfField(),
                    FormFields.input(name: "residentID", label: strings.residentID, value: model.residentID,
                                     error: model.errors["residentID"], autocomplete: "off"),
                    .if(model.needsPerson, .group(
                        FormFields.input(name: "name", label: strings.name, error: model.errors["name"]),
                        FormFields.select(name: "region", label: context.strings.registry.region, options: model.regions,
                                          selected: nil, error: model.errors["region"]))),
                    .div(.class("toolbar"),
                        .button(.type(.submit), .attribute(named: "name", value: "action"), .attribute(named: "value", value: "lookup"), .class("button secondary"), .text(strings.lookupButton)),
                        .if(model.masked != nil, .group(
                            .button(.type(.submit), .attribute(named: "name", value: "action"), .attribute(named: "value", value: "link"), .class("button"), .text(strings.issueLinkCode)),
                            .button(.type(.submit), .attribute(named: "name", value: "action"), .attribute(named: "value", value: "reset"), .class("button secondary"), .text(strings.issueResetCode)))))))
        }
    }
}
