import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The people registry within the account's scope: search, view (masked), reveal (audited),
/// create, edit, export (audited).
enum PeopleController {
    static let pageSize = 50

    struct Form: Content {
        var name: String?
        var residentID: String?
        var phone: String?
        var gender: String?
        var region: String?
        var urbanRural: String?
        var employed: String?
        var occupation: String?
        var industry: String?
        var workplace: String?
    }

    /// The scoped search behind the list, the export and the API: a resident ID finds by its
    /// keyed hash (given, or computed from the text); anything else matches names.
    static func search(_ request: Request, text: String?, idHash: String? = nil, page: Int,
                       size: Int?) async throws -> (people: [Person], total: Int) {
        var query = Person.query(on: request.db).visible(to: try await request.accountScope())
        let text = (text ?? "").trimmingCharacters(in: .whitespaces)
        if let idHash {
            query = query.filter(\.$residentIDHash == idHash)
        } else if let id = try? ResidentID(text) {
            query = query.filter(\.$residentIDHash == request.vault.hash(id.value, .residentID))
        } else if !text.isEmpty {
            query = query.filter(\.$name ~~ text)
        }
        let total = try await query.count()
        var ordered = query.sort(\.$name).sort(\.$id)
        if let size { ordered = ordered.range(((page - 1) * size)..<(page * size)) }
        return (try await ordered.all(), total)
    }

    /// A person the account may see, or "not found" whether it exists elsewhere or not at all.
    static func visiblePerson(_ request: Request) async throws -> Person {
        let id = try request.intID()
        guard let person = try await Person.query(on: request.db).visible(to: request.accountScope())
            .filter(\.$id == id).first() else { throw AppError(.notFound) }
        return person
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let q = request.query[String.self, at: "q"]
        // An ID typed into an address keeps working, but the page it lands on names only its hash.
        if let id = try? ResidentID((q ?? "").trimmingCharacters(in: .whitespaces)) { return idSearchRedirect(request, id) }
        let idHash = idHashParameter(request)
        let page = request.pageNumber
        let (people, total) = try await search(request, text: idHash == nil ? q : nil, idHash: idHash, page: page, size: pageSize)
        let user = try request.requireUser()
        var model = PeopleList.Model(query: idHash == nil ? q ?? "" : "", page: page, total: total, pageSize: pageSize,
                                     rows: try await rows(people, request), canCreate: user.roles.allows(.editPeople),
                                     canExport: user.roles.allows(.exportPersonalData))
        model.idHash = idHash
        return PeopleList.View(model: model, context: PageContext(request)).response()
    }

    /// The search form posts here, so that a resident ID typed into it never becomes part of a
    /// URL (history, proxies, referrers, logs): an ID search continues at `/people?idh=` with
    /// the ID's keyed hash; a name search at `/people?q=`.
    @Sendable static func searchForm(_ request: Request) async throws -> Response {
        let text = ((try? request.content.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        if let id = try? ResidentID(text) { return idSearchRedirect(request, id) }
        guard !text.isEmpty, let encoded = text.addingPercentEncoding(withAllowedCharacters: queryValue) else {
            return request.redirect(to: SiteURL.people.path)
        }
        return request.redirect(to: SiteURL.people.path + "?q=" + encoded)
    }

    /// Characters left as they are in a query value; everything else is percent-encoded.
    static let queryValue = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func idSearchRedirect(_ request: Request, _ id: ResidentID) -> Response {
        request.redirect(to: SiteURL.people.path + "?idh=" + request.vault.hash(id.value, .residentID))
    }

    /// The `idh` parameter: a keyed hash of a resident ID (64 hex digits), or nil.
    static func idHashParameter(_ request: Request) -> String? {
        guard let text = request.query[String.self, at: "idh"]?.lowercased(), text.count == 64,
              text.allSatisfy(\.isHexDigit) else { return nil }
        return text
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        let person = try await visiblePerson(request)
        return try await detailPage(request, person: person, revealed: nil)
    }

    @Sendable static func reveal(_ request: Request) async throws -> Response {
        let person = try await visiblePerson(request)
        let id = try request.vault.open(person.residentIDCipher)
        let phone = try person.phoneCipher.map { try request.vault.open($0) }
        try await Audit.record(.reveal, entity: "person", id: person.id.map(String.init),
                               summary: "resident id and phone of \(person.residentIDMasked)", by: Audit.Actor(request), on: request.db)
        return try await detailPage(request, person: person, revealed: (id, phone))
    }

    static func detailPage(_ request: Request, person: Person, revealed: (String, String?)?, externalIDError: String? = nil,
                           records: RecordViews.Section? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let scope = try await request.accountScope()
        let region = try await Region.find(person.regionCode, on: request.db)
        let canEdit = user.roles.allows(.editPeople) && scope.canChangePerson(region: person.region)
        var model = PersonPage.Model(
            row: try await rows([person], request)[0], region: region?.name(request.language) ?? person.regionCode,
            revealed: revealed, canReveal: user.roles.allows(.revealPersonalData), canEdit: canEdit,
            details: try await details(person, request))
        let externalIDs = try await PersonExternalID.query(on: request.db).filter(\.$personID == person.requireID()).sort(\.$id).all()
        let providers = try await Organisation.query(on: request.db).filter(\.$id ~~ externalIDs.map(\.providerID)).all()
        model.externalIDs = externalIDs.map { row in
            (row.id ?? 0, providers.first { $0.id == row.providerID }.map { $0.name(request.language) } ?? "—", row.externalID)
        }
        if canEdit {
            model.providers = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$closedAt == nil).sort(\.$path).all()
                .map { ($0.id ?? 0, String(repeating: "　", count: $0.depth) + $0.name(request.language)) }
        }
        model.externalIDError = externalIDError
        // Found on entry: the same name and birth date, or the same phone, under another resident ID.
        var twins = Person.query(on: request.db).visible(to: scope).filter(\.$id != (try person.requireID()))
        if let phone = person.phoneHash {
            twins = twins.group(.or) { $0.group(.and) { $0.filter(\.$name == person.name).filter(\.$birthDate == person.birthDate) }
                                                .filter(\.$phoneHash == phone) }
        } else {
            twins = twins.filter(\.$name == person.name).filter(\.$birthDate == person.birthDate)
        }
        model.possibleDuplicates = try await twins.count()
        model.canMerge = user.roles.allows(.mergePeople)
        if let records { model.records = records } else { model.records = try await RecordsController.section(for: person, request) }
        return PersonPage.View(model: model, context: PageContext(request)).response(status: status)
    }

    static func details(_ person: Person, _ request: Request) async throws -> [(String, String)] {
        let s = request.strings.registry
        let industry = try await person.industryCode.asyncMap { try await Industry.find($0, on: request.db) } ?? nil
        return [
            (s.urbanRural, person.urbanRural.map { $0 == "urban" ? s.urban : s.rural } ?? "—"),
            (s.employed, person.employed.map { $0 ? s.employedYes : s.employedNo } ?? "—"),
            (s.occupation, person.occupation ?? "—"),
            (s.industry, industry.map { "\($0.id ?? "") \($0.name(request.language))" } ?? "—"),
            (s.workplace, person.workplace ?? "—"),
        ]
    }

    static func rows(_ people: [Person], _ request: Request) async throws -> [PeopleList.Row] {
        let regions = try await Region.query(on: request.db).filter(\.$id ~~ Array(Set(people.map(\.regionCode)))).all()
        let names = Dictionary(uniqueKeysWithValues: regions.map { ($0.id ?? "", $0.name(request.language)) })
        let registry = request.strings.registry
        return people.map { person in
            PeopleList.Row(id: person.id ?? 0, name: person.name, residentID: person.residentIDMasked,
                           phone: person.phoneMasked ?? "—", gender: person.gender == "male" ? registry.male : registry.female,
                           birthDate: person.birthDate, region: names[person.regionCode] ?? person.regionCode)
        }
    }
}
