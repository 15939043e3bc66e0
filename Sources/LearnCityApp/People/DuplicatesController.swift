import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// The duplicates report (people who may be one human under two resident IDs) and the merge an
/// admin decides on, both within the admin's region.
enum DuplicatesController {
    static let groupLimit = 100

    /// Possible duplicates of the people the account may change.
    static func groups(_ request: Request) async throws -> [(group: DuplicateGroups.Group, people: [Person])] {
        let scope = try await request.accountScope()
        let sql = request.db as! any SQLDatabase
        func candidates(_ key: [String]) async throws -> [Person] {
            var select = sql.select().columns(key.map { SQLColumn($0) }).from(Person.schema)
                .where(SQLColumn("merged_into_id"), .is, SQLLiteral.null)
            if key == ["phone_hash"] { select = select.where(SQLColumn("phone_hash"), .isNot, SQLLiteral.null) }
            if !scope.everything {
                select = select.where(SQLColumn("region_code"), .like, SQLBind((scope.region?.subtreePrefix ?? "-") + "%"))
            }
            for column in key { select = select.groupBy(SQLColumn(column)) }
            let rows = try await select
                .having(SQLFunction("COUNT", args: SQLLiteral.all), .greaterThan, SQLLiteral.numeric("1"))
                .limit(groupLimit).all()
            var people: [Person] = []
            for row in rows {
                let query = Person.query(on: request.db).visible(to: scope)
                if key.count == 1 {
                    query.filter(\.$phoneHash == (try row.decode(column: "phone_hash", as: String.self)))
                } else {
                    query.filter(\.$name == (try row.decode(column: "name", as: String.self)))
                        .filter(\.$birthDate == (try row.decode(column: "birth_date", as: String.self)))
                }
                people += try await query.all()
            }
            return people
        }
        let found = try await candidates(["name", "birth_date"]) + candidates(["phone_hash"])
        let byID = Dictionary(found.compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { first, _ in first })
        let entries = byID.values.map { DuplicateGroups.Entry(id: $0.id ?? 0, name: $0.name, birthDate: $0.birthDate, phoneHash: $0.phoneHash) }
        return DuplicateGroups.find(entries).map { group in (group, group.ids.compactMap { byID[$0] }) }
    }

    @Sendable static func report(_ request: Request) async throws -> Response {
        try await page(request, error: nil, notice: request.query[String.self, at: "merged"] != nil ? request.strings.registry.mergeDone : nil)
    }

    struct MergeForm: Content {
        var keep: Int?
        var members: [Int]?
        var reason: String?
    }

    /// Merges every other member of a group into the one the admin keeps.
    @Sendable static func merge(_ request: Request) async throws -> Response {
        let form = try request.content.decode(MergeForm.self)
        let strings = request.strings.registry
        let scope = try await request.accountScope()
        let members = Array(Set(form.members ?? [])).filter { $0 != form.keep }
        guard let keep = form.keep, !members.isEmpty else { return try await page(request, error: strings.mergeChooseKeep, status: .unprocessableEntity) }
        guard !(form.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty else {
            return try await page(request, error: strings.mergeReasonRequired, status: .unprocessableEntity)
        }
        // Every person must be one this admin may change; otherwise nothing happens ("not found").
        let people = try await Person.query(on: request.db).visible(to: scope).filter(\.$id ~~ (members + [keep])).all()
        guard people.count == members.count + 1, people.allSatisfy({ scope.canChangePerson(region: $0.region) }),
              let survivor = people.first(where: { $0.id == keep }) else { throw AppError(.notFound) }
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            for merged in people where merged.id != keep {
                _ = try await PersonMerging.merge(merged, into: survivor, reason: form.reason ?? "", actor: actor, on: db)
            }
        }
        return request.redirect(to: SiteURL.peopleDuplicates.path + "?merged=1")
    }

    private static func page(_ request: Request, error: String?, notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let groups = try await groups(request)
        let rows = try await PeopleController.rows(groups.flatMap(\.people), request)
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let model = DuplicatesPage.Model(
            groups: groups.map { entry in
                DuplicatesPage.Group(reasons: entry.group.reasons, people: entry.group.ids.compactMap { byID[$0] })
            },
            error: error, notice: notice)
        return DuplicatesPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}

/// External account ids (a provider's platform's id for a person): listed on the person's page,
/// added and removed by accounts that may change the person.
enum ExternalIDsController {
    struct Form: Content {
        var provider: Int?
        var externalID: String?
        var remove: Int?
    }

    @Sendable static func change(_ request: Request) async throws -> Response {
        let person = try await PeopleEditing.changeablePerson(request)
        let personID = try person.requireID()
        let form = try request.content.decode(Form.self)
        let actor = Audit.Actor(request)
        if let remove = form.remove {
            guard let row = try await PersonExternalID.query(on: request.db).filter(\.$id == remove).filter(\.$personID == personID).first()
            else { throw AppError(.notFound) }
            try await request.db.transaction { db in
                try await row.delete(on: db)
                try await Audit.record(.delete, entity: "person", id: String(personID), summary: "external id removed", by: actor, on: db)
            }
            return request.redirect(to: SiteURL.person(personID).path)
        }
        let externalID = (form.externalID ?? "").trimmingCharacters(in: .whitespaces)
        let scope = try await request.accountScope()
        guard let providerID = form.provider,
              let provider = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == providerID).first(),
              !externalID.isEmpty, externalID.count <= 100 else {
            return try await PeopleController.detailPage(request, person: person, revealed: nil,
                                                         externalIDError: request.strings.registry.externalIDInvalid, status: .unprocessableEntity)
        }
        if try await PersonExternalID.query(on: request.db).filter(\.$providerID == providerID).filter(\.$externalID == externalID).first() != nil {
            return try await PeopleController.detailPage(request, person: person, revealed: nil,
                                                         externalIDError: request.strings.registry.externalIDTaken, status: .conflict)
        }
        try await request.db.transaction { db in
            let row = PersonExternalID()
            row.personID = personID
            row.providerID = try provider.requireID()
            row.externalID = externalID
            try await row.create(on: db)
            try await Audit.record(.update, entity: "person", id: String(personID), summary: "external id at \(provider.code) added", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.person(personID).path)
    }
}
