import Fluent
import LearnCityCore

/// Reads of the organisation tree for the portal and the API.
enum NetworkQueries {
    /// The city: the prefecture-level region the organisation tree's root belongs to.
    static func city(on database: any Database) async throws -> Region? {
        guard let root = try await Organisation.query(on: database).filter(\.$depth == 0).sort(\.$id).first()
        else { return try await Region.query(on: database).filter(\.$level == 2).sort(\.$id).first() }
        return try await Region.find(root.regionCode, on: database)
    }

    /// Open organisations in tree order (parents before children, siblings by id).
    static func openOrganisations(kind: OrganisationKind? = nil, on database: any Database) async throws -> [Organisation] {
        var query = Organisation.query(on: database).filter(\.$closedAt == nil)
        if let kind { query = query.filter(\.$kind == kind) }
        return try await query.sort(\.$path).all()
    }

    static func regions(on database: any Database) async throws -> [Region] {
        try await Region.query(on: database).sort(\.$id).all()
    }
}
