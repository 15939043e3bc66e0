import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// Where an organisation hung before it was moved: the history the issue asks to keep.
final class OrganisationMove: Model, @unchecked Sendable {
    static let schema = "organisation_moves"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "organisation_id") var organisationID: Int
    @OptionalField(key: "from_parent_id") var fromParentID: Int?
    @OptionalField(key: "to_parent_id") var toParentID: Int?
    @Field(key: "from_path") var fromPath: String
    @Field(key: "moved_at") var movedAt: Date
    @Field(key: "moved_by") var movedBy: String

    init() {}
}

struct CreateOrganisationMoves: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationMove.schema)
            .field("id", .int, .identifier(auto: true))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("from_parent_id", .int)
            .field("to_parent_id", .int)
            .field("from_path", .string, .required)
            .field("moved_at", .datetime, .required)
            .field("moved_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationMove.schema).delete()
    }
}

/// Creating, moving and closing organisations; one place keeps paths and depths right.
enum OrganisationService {
    enum Problem: Error, Equatable { case cycle, unknownParent }

    static func create(code: String, kind: OrganisationKind, nameZh: String, nameEn: String, region: RegionCode,
                       parent: Organisation, demonstration: Bool, director: String?, actor: Audit.Actor,
                       on database: any Database) async throws -> Organisation {
        try await database.transaction { db in
            let org = Organisation(code: code, kind: kind, nameZh: nameZh, nameEn: nameEn, regionCode: region.rawValue,
                                   isDemonstration: demonstration)
            org.director = director
            org.parentID = parent.id
            try await org.create(on: db)
            org.path = OrganisationPath.child(of: parent.path, id: try org.requireID())
            org.depth = OrganisationPath.depth(of: org.path) - 1
            try await org.update(on: db)
            try await Audit.record(.create, entity: "organisation", id: org.id.map(String.init),
                                   summary: "\(nameZh); kind: \(kind.rawValue); parent: \(parent.code)", by: actor, on: db)
            return org
        }
    }

    /// Moves an organisation and its whole subtree under a new parent, keeping the old place.
    static func move(_ org: Organisation, under parent: Organisation, actor: Audit.Actor, on database: any Database) async throws {
        guard !parent.path.hasPrefix(org.path) else { throw Problem.cycle }
        try await database.transaction { db in
            let oldPath = org.path
            let newPath = OrganisationPath.child(of: parent.path, id: try org.requireID())
            let history = OrganisationMove()
            history.organisationID = try org.requireID()
            history.fromParentID = org.parentID
            history.toParentID = parent.id
            history.fromPath = oldPath
            history.movedAt = Date()
            history.movedBy = actor.name
            try await history.create(on: db)
            for node in try await Organisation.query(on: db).filter(\.$path =~ oldPath).all() {
                node.path = newPath + node.path.dropFirst(oldPath.count)
                node.depth = OrganisationPath.depth(of: node.path) - 1
                if node.id == org.id { node.parentID = parent.id }
                try await node.update(on: db)
            }
            try await Audit.record(.update, entity: "organisation", id: org.id.map(String.init),
                                   summary: "moved: parent \(history.fromParentID.map(String.init) ?? "∅") → \(parent.id.map(String.init) ?? "∅")",
                                   by: actor, on: db)
        }
    }

    static func close(_ org: Organisation, actor: Audit.Actor, on database: any Database) async throws {
        try await database.transaction { db in
            org.closedAt = Date()
            try await org.update(on: db)
            try await Audit.record(.update, entity: "organisation", id: org.id.map(String.init), summary: "closed", by: actor, on: db)
        }
    }
}
