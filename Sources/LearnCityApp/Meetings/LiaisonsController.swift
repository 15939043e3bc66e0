import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The liaison officers' directory (联络员). A unit's accounts name their own unit's officers,
/// the office anyone's. The mobile is sealed with the personal-data vault and shown masked; the
/// full number only comes back from an audited POST (design.md §5).
enum LiaisonsController {
    struct Form: Content {
        var organisation, name, post, officePhone, mobile: String?

        enum CodingKeys: String, CodingKey { case organisation, name, post, officePhone = "office_phone", mobile }
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await page(request, form: Form(), errors: [:], revealed: nil)
    }

    @Sendable static func save(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(Form.self)) ?? Form()
        let user = try request.requireUser()
        let office = user.roles.allows(.governCity), s = request.strings.liaisons
        func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var errors: [String: String] = [:]
        let organisationID = BoundedNumber.integer(text(form.organisation), in: BoundedNumber.ids) ?? (office ? nil : user.organisationID)
        let organisation = try await organisationID.asyncMap { try await Organisation.find($0, on: request.db) } ?? nil
        if let organisation, !office, organisation.id != user.organisationID { throw AppError(.conflict, detail: s.notYourUnit) }
        if organisation == nil { errors["organisation"] = request.strings.fieldRequired }
        if text(form.name).isEmpty { errors["name"] = request.strings.fieldRequired }
        let officePhone = text(form.officePhone).isEmpty ? "" : OfficePhone.normalise(text(form.officePhone))
        if officePhone == nil { errors["office_phone"] = s.officePhoneInvalid }
        let mobile = text(form.mobile).isEmpty ? nil : MobileNumber(text(form.mobile))
        if !text(form.mobile).isEmpty && mobile == nil { errors["mobile"] = s.mobileInvalid }
        if text(form.mobile).isEmpty && officePhone == "" { errors["mobile"] = s.phoneRequired }
        guard errors.isEmpty, let organisation, let officePhone else {
            return try await page(request, form: form, errors: errors, revealed: nil, status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        let officer = LiaisonOfficer()
        (officer.organisationID, officer.name, officer.post) = (try organisation.requireID(), String(text(form.name).prefix(100)), String(text(form.post).prefix(100)))
        (officer.officePhone, officer.updatedBy) = (officePhone, actor.name)
        if let mobile { (officer.mobileCipher, officer.mobileMasked) = (try request.vault.seal(mobile.value), mobile.masked) }
        try await request.db.transaction { db in
            try await officer.create(on: db)
            // The summary names the masked number only: the audit log never holds a plain phone.
            try await Audit.record(.create, entity: "liaison_officer", id: officer.id.map(String.init),
                                   summary: "\(organisation.code): \(officer.name), mobile \(officer.mobileMasked ?? "—")", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.liaisons.path)
    }

    /// Shows one officer's mobile in full, and writes that it was shown to the audit log.
    @Sendable static func reveal(_ request: Request) async throws -> Response {
        guard let officer = try await LiaisonOfficer.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        // Personal data is revealed within the account's scope only: a county admin sees the
        // numbers of its county's units, the office everyone's.
        let scope = try await request.accountScope()
        guard try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == officer.organisationID).count() > 0 else {
            throw AppError(.conflict, detail: request.strings.liaisons.notYourUnit)
        }
        let mobile = try officer.mobileCipher.map { try request.vault.open($0) }
        try await Audit.record(.reveal, entity: "liaison_officer", id: officer.id.map(String.init),
                               summary: "mobile of liaison \(officer.mobileMasked ?? "—")", by: Audit.Actor(request), on: request.db)
        return try await page(request, form: Form(), errors: [:], revealed: (try officer.requireID(), mobile ?? "—"))
    }

    /// The row stays (who was the contact when); the mobile goes, as nobody needs it any more.
    @Sendable static func remove(_ request: Request) async throws -> Response {
        guard let officer = try await LiaisonOfficer.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        let user = try request.requireUser()
        guard user.roles.allows(.governCity) || officer.organisationID == user.organisationID else {
            throw AppError(.conflict, detail: request.strings.liaisons.notYourUnit)
        }
        if officer.removedAt == nil {
            let actor = Audit.Actor(request)
            try await request.db.transaction { db in
                (officer.removedAt, officer.mobileCipher, officer.mobileMasked, officer.updatedBy) = (Date(), nil, nil, actor.name)
                try await officer.update(on: db)
                try await Audit.record(.delete, entity: "liaison_officer", id: officer.id.map(String.init), summary: "removed \(officer.name)", by: actor, on: db)
            }
        }
        return request.redirect(to: SiteURL.liaisons.path)
    }

    private static func page(_ request: Request, form: Form, errors: [String: String], revealed: (Int, String)?,
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let office = user.roles.allows(.governCity)
        let officers = try await LiaisonOfficer.query(on: request.db).filter(\.$removedAt == nil).sort(\.$id).all()
        let expected = try await MeetingsController.units(request)
        let others = try await Organisation.query(on: request.db)
            .filter(\.$id ~~ Array(Set(officers.map(\.organisationID)).subtracting(expected.compactMap(\.id)))).sort(\.$path).all()
        let canReveal = user.roles.allows(.revealPersonalData), canSet = user.roles.allows(.reportFigures)
        var groups: [LiaisonPages.Group] = []
        let kinds = JointMeetingRules.unitKinds + OrganisationKind.allCases.filter { !JointMeetingRules.unitKinds.contains($0) }
        for kind in kinds {
            let units = (expected + others).filter { $0.kind == kind }
            let rows = units.flatMap { unit in
                officers.filter { $0.organisationID == unit.id }.map { officer in
                    LiaisonPages.Row(id: officer.id ?? 0, unit: unit.name(request.language), name: officer.name, post: officer.post,
                                     officePhone: officer.officePhone,
                                     mobile: revealed?.0 == officer.id ? revealed!.1 : officer.mobileMasked ?? "—",
                                     canReveal: canReveal && officer.mobileCipher != nil,
                                     canRemove: canSet && (office || officer.organisationID == user.organisationID))
                }
            }
            let missing = units.filter { unit in !officers.contains { $0.organisationID == unit.id } }.map { $0.name(request.language) }
            if !rows.isEmpty || (office && !missing.isEmpty) {
                groups.append(.init(kind: request.strings.organisationKinds.name(kind), rows: rows, missing: office ? missing : []))
            }
        }
        // A unit names only its own officers, whatever kind of unit it is.
        let own = try await user.organisationID.asyncMap { try await Organisation.find($0, on: request.db) } ?? nil
        let choices = office ? expected : [own].compactMap { $0 }
        let model = LiaisonPages.Model(
            groups: groups, revealed: revealed != nil, office: office,
            canSet: canSet && !choices.isEmpty,
            units: choices.map { (String($0.id ?? 0), $0.name(request.language)) }, form: form, errors: errors)
        return LiaisonPages.View(model: model, context: PageContext(request)).response(status: status)
    }
}
