import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Creating and changing people by hand. Only accounts of a person's region change them.
enum PeopleEditing {
    @Sendable static func newForm(_ request: Request) async throws -> Response {
        try await form(request, model: .init(isNew: true, action: .people))
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(PeopleController.Form.self)
        let input = input(form)
        let scope = try await request.accountScope()
        var (id, phone, region, errors) = PersonService.validate(input, scope: scope, strings: request.strings)
        if let id, try await PersonService.find(residentID: id, vault: request.vault, on: request.db) != nil {
            errors["residentID"] = request.strings.registry.residentIDExists
        }
        guard errors.isEmpty, let id, let region else {
            return try await self.form(request, model: .init(isNew: true, action: .people, form: form, errors: errors),
                                       status: .unprocessableEntity)
        }
        let person = try await PersonService.create(input, id: id, phone: phone, region: region, vault: request.vault,
                                                    actor: Audit.Actor(request), on: request.db)
        return request.redirect(to: SiteURL.person(person.id ?? 0).path)
    }

    @Sendable static func editForm(_ request: Request) async throws -> Response {
        let person = try await changeablePerson(request)
        var form = PeopleController.Form(name: person.name, residentID: person.residentIDMasked, phone: "",
                                         gender: person.gender, region: person.regionCode, urbanRural: person.urbanRural,
                                         employed: person.employed.map { $0 ? "yes" : "no" }, occupation: person.occupation,
                                         industry: person.industryCode, workplace: person.workplace)
        // The form shows the masked phone; sending it back unchanged keeps the stored number,
        // so editing never reveals it without an audited reveal.
        form.phone = person.phoneMasked ?? ""
        return try await self.form(request, model: .init(isNew: false, action: .person(person.id ?? 0), form: form))
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let person = try await changeablePerson(request)
        var form = try request.content.decode(PeopleController.Form.self)
        // The resident ID does not change by editing (merging duplicates is its own action).
        form.residentID = try request.vault.open(person.residentIDCipher)
        let keepPhone = form.phone != nil && form.phone == person.phoneMasked
        var checked = input(form)
        if keepPhone { checked.phone = "" }
        let (_, phone, region, errors) = PersonService.validate(checked, scope: try await request.accountScope(),
                                                                strings: request.strings)
        guard errors.isEmpty, let region else {
            form.residentID = person.residentIDMasked
            return try await self.form(request, model: .init(isNew: false, action: .person(person.id ?? 0), form: form, errors: errors),
                                       status: .unprocessableEntity)
        }
        try await PersonService.update(person, input: checked, phone: phone, keepPhone: keepPhone, region: region,
                                       vault: request.vault, actor: Audit.Actor(request), on: request.db)
        return request.redirect(to: SiteURL.person(person.id ?? 0).path)
    }

    /// A person this account may change; anyone else's is "not found".
    static func changeablePerson(_ request: Request) async throws -> Person {
        let person = try await PeopleController.visiblePerson(request)
        guard try await request.accountScope().canChangePerson(region: person.region) else { throw AppError(.notFound) }
        return person
    }

    private static func input(_ form: PeopleController.Form) -> PersonService.Input {
        .init(name: form.name ?? "", residentID: form.residentID ?? "", phone: form.phone ?? "",
              gender: form.gender, region: form.region ?? "", urbanRural: form.urbanRural, employed: form.employed,
              occupation: form.occupation, industry: form.industry, workplace: form.workplace)
    }

    private static func form(_ request: Request, model: PersonForm.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        var model = model
        let scope = try await request.accountScope()
        model.industries = try await Industry.query(on: request.db).sort(\.$id).all().map { ($0.id ?? "", "\($0.id ?? "") \($0.name(request.language))") }
        model.regions = try await Region.query(on: request.db).filter(\.$level == 3).sort(\.$id).all()
            .filter { scope.canChangePerson(region: $0.code) }.map { ($0.id ?? "", $0.name(request.language)) }
        return PersonForm.View(model: model, context: PageContext(request)).response(status: status)
    }
}

/// `GET /people/export.csv[?format=xlsx]`: what the list shows, for the whole search, with
/// masked numbers only; every export is audited.
enum PeopleExport {
    @Sendable static func csv(_ request: Request) async throws -> Response {
        let q = request.query[String.self, at: "q"]
        let idHash = PeopleController.idHashParameter(request)
        let (people, _) = try await PeopleController.search(request, text: q, idHash: idHash, page: 1, size: nil)
        let rows = try await PeopleController.rows(people, request)
        let strings = request.strings.registry
        return try await TableExport.response(
            request, name: "people", header: [strings.name, strings.residentID, strings.phone, strings.gender, strings.birthDate, strings.region],
            rows: rows.map { [$0.name, $0.residentID, $0.phone, $0.gender, $0.birthDate, $0.region] }, entity: "person")
    }
}
