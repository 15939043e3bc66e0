import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Creating, moving and closing organisations from the staff pages, within scope.
enum OrganisationsEditing {
    struct Form: Content {
        var nameZh: String?
        var nameEn: String?
        var code: String?
        var kind: String?
        var parent: Int?
        var region: String?
        var demonstration: String?
        var director: String?
    }

    @Sendable static func newForm(_ request: Request) async throws -> Response {
        try await form(request, model: .init())
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let scope = try await request.accountScope()
        var errors: [String: String] = [:]
        let required = request.strings.fieldRequired
        let nameZh = (form.nameZh ?? "").trimmingCharacters(in: .whitespaces)
        let nameEn = (form.nameEn ?? "").trimmingCharacters(in: .whitespaces)
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        if nameZh.isEmpty { errors["nameZh"] = required }
        if nameEn.isEmpty { errors["nameEn"] = required }
        if code.isEmpty || code.count > 40 { errors["code"] = required }
        else if try await Organisation.query(on: request.db).filter(\.$code == code).count() > 0 {
            errors["code"] = request.strings.registry.codeTaken
        }
        let kind = form.kind.flatMap(OrganisationKind.init(rawValue:))
        if kind == nil { errors["kind"] = required }
        let parent = try await form.parent.asyncMap { id in
            try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == id).first()
        } ?? nil
        if parent == nil { errors["parent"] = required }
        let region = form.region.flatMap(RegionCode.init)
        if region == nil || !(scope.everything || scope.includesRegion(region)) { errors["region"] = request.strings.registry.regionOutOfScope }
        guard errors.isEmpty, let kind, let parent, let region else {
            return try await self.form(request, model: .init(form: form, errors: errors), status: .unprocessableEntity)
        }
        let director = form.director.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let org = try await OrganisationService.create(code: code, kind: kind, nameZh: nameZh, nameEn: nameEn, region: region,
                                                       parent: parent, demonstration: form.demonstration != nil, director: director,
                                                       actor: Audit.Actor(request), on: request.db)
        return request.redirect(to: SiteURL.organisation(org.id ?? 0).path)
    }

    @Sendable static func move(_ request: Request) async throws -> Response {
        let org = try await OrganisationsController.visibleOrganisation(request)
        let scope = try await request.accountScope()
        let parentID = try request.content.get(Int?.self, at: "parent")
        guard let parentID, let parent = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == parentID).first() else {
            throw AppError(.invalidParameter, field: "parent")
        }
        do { try await OrganisationService.move(org, under: parent, actor: Audit.Actor(request), on: request.db) }
        catch OrganisationService.Problem.cycle { throw AppError(.conflict, detail: request.strings.registry.moveCycle, field: "parent") }
        return request.redirect(to: SiteURL.organisation(org.id ?? 0).path)
    }

    @Sendable static func close(_ request: Request) async throws -> Response {
        let org = try await OrganisationsController.visibleOrganisation(request)
        if org.closedAt == nil { try await OrganisationService.close(org, actor: Audit.Actor(request), on: request.db) }
        return request.redirect(to: SiteURL.organisation(org.id ?? 0).path)
    }

    private static func form(_ request: Request, model: OrganisationPages.New.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        var model = model
        let scope = try await request.accountScope()
        model.parents = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$closedAt == nil).sort(\.$path).all()
            .map { ($0.id ?? 0, String(repeating: "　", count: $0.depth) + $0.name(request.language)) }
        model.regions = try await Region.query(on: request.db).filter(\.$level >= 2).sort(\.$id).all()
            .filter { scope.everything || scope.includesRegion($0.code) }.map { ($0.id ?? "", $0.name(request.language)) }
        model.kinds = OrganisationKind.allCases.map { ($0.rawValue, request.strings.organisationKinds.name($0)) }
        return OrganisationPages.New(model: model, context: PageContext(request)).response(status: status)
    }
}
