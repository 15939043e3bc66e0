import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// Undoes a whole import while nothing has touched its rows since: rows it created are
/// removed, rows it changed get their previous content back. Otherwise nothing changes.
enum ImportUndo {
    enum Problem: Error, Equatable { case notFound, alreadyUndone, touchedSince(Int) }

    static func undo(_ importID: Int, actor: Audit.Actor, on database: any Database) async throws {
        try await database.transaction { db in
            guard let run = try await ImportRun.find(importID, on: db), let kind = ImportKind(rawValue: run.kind) else { throw Problem.notFound }
            guard run.state == .applied else { throw Problem.alreadyUndone }
            let changes = try await ImportChange.query(on: db).filter(\.$importID == importID).all()
            let (removed, restored): (Int, Int)
            switch kind {
            case .people: (removed, restored) = try await undoPeople(importID, changes: changes, on: db)
            case .orgs: (removed, restored) = try await undoOrganisations(importID, changes: changes, actor: actor, on: db)
            case .records: (removed, restored) = try await undoRecords(importID, changes: changes, on: db)
            }
            run.state = .undone
            run.undoneAt = Date()
            try await run.update(on: db)
            try await Audit.record(.delete, entity: "import", id: String(importID),
                                   summary: "undone: removed \(removed), restored \(restored)", by: actor, on: db)
        }
    }

    private static func undoPeople(_ importID: Int, changes: [ImportChange], on db: any Database) async throws -> (Int, Int) {
        let created = try await Person.query(on: db).filter(\.$createdImportID == importID).all()
        let changed = try await Person.query(on: db).filter(\.$id ~~ changes.map(\.entityID)).all()
        let touched = (created + changed).filter { $0.importID != importID || $0.editedAt != nil || $0.mergedIntoID != nil }
        // A person who has learning records now is in use: removing them would lose the records.
        var inUse = 0
        for chunk in created.compactMap(\.id).chunked(500) {
            inUse += try await LearningRecord.query(on: db).filter(\.$personID ~~ Array(chunk)).count()
        }
        guard touched.isEmpty && inUse == 0 else { throw Problem.touchedSince(touched.count + inUse) }
        let decoder = JSONDecoder()
        let byID = Dictionary(uniqueKeysWithValues: changed.compactMap { person in person.id.map { ($0, person) } })
        for change in changes {
            guard let person = byID[change.entityID] else { continue }
            try decoder.decode(PeopleImporter.Previous.self, from: Data(change.previous.utf8)).restore(person)
            try await person.update(on: db)
        }
        for chunk in created.compactMap(\.id).chunked(500) {
            let ids = Array(chunk)
            // Accounts linked to a person this import created keep the account, not the link.
            try await User.query(on: db).filter(\.$personID ~~ ids).set(\.$personID, to: nil).update()
            try await IdentityCode.query(on: db).filter(\.$personID ~~ ids).delete()
            try await PersonExternalID.query(on: db).filter(\.$personID ~~ ids).delete()
            try await Person.query(on: db).filter(\.$id ~~ ids).delete()
        }
        return (created.count, changes.count)
    }

    /// Organisations it created go (deepest first) unless something now hangs under or works in
    /// them; organisations it changed get their content and their parent back.
    private static func undoOrganisations(_ importID: Int, changes: [ImportChange], actor: Audit.Actor,
                                          on db: any Database) async throws -> (Int, Int) {
        let created = try await Organisation.query(on: db).filter(\.$createdImportID == importID).all()
        let changed = try await Organisation.query(on: db).filter(\.$id ~~ changes.map(\.entityID)).all()
        let createdIDs = Set(created.compactMap(\.id))
        var touched = (created + changed).filter { $0.importID != importID }.count
        if !createdIDs.isEmpty {
            let ids = Array(createdIDs)
            touched += try await Organisation.query(on: db).filter(\.$parentID ~~ ids).all().filter { !createdIDs.contains($0.id ?? 0) }.count
            touched += try await User.query(on: db).filter(\.$organisationID ~~ ids).count()
            touched += try await Teacher.query(on: db).filter(\.$organisationID ~~ ids).count()
        }
        guard touched == 0 else { throw Problem.touchedSince(touched) }
        let decoder = JSONDecoder()
        for change in changes {
            guard let org = changed.first(where: { $0.id == change.entityID }) else { continue }
            let previous = try decoder.decode(OrganisationImporter.Previous.self, from: Data(change.previous.utf8))
            if previous.parentID != org.parentID, let parentID = previous.parentID, let parent = try await Organisation.find(parentID, on: db) {
                try await OrganisationService.move(org, under: parent, actor: actor, on: db)
            }
            let fresh = try await Organisation.find(org.id, on: db) ?? org
            previous.restore(fresh)
            try await fresh.update(on: db)
        }
        for org in created.sorted(by: { $0.depth > $1.depth }) {
            try await OrganisationMove.query(on: db).filter(\.$organisationID == org.requireID()).delete()
            try await org.delete(on: db)
        }
        return (created.count, changes.count)
    }

    /// Records it created go, and the people it created with them (unless someone changed them
    /// or another source's records now point at them); records it changed get their previous
    /// content back. The ledger moves the figures back in the same transaction.
    private static func undoRecords(_ importID: Int, changes: [ImportChange], on db: any Database) async throws -> (Int, Int) {
        let created = try await LearningRecord.query(on: db).filter(\.$createdImportID == importID).all()
        let changed = try await LearningRecord.query(on: db).filter(\.$id ~~ changes.map(\.entityID)).all()
        var touched = (created + changed).filter { $0.importID != importID || $0.voidedAt != nil || $0.correctedAt != nil }.count
        let people = try await Person.query(on: db).filter(\.$createdImportID == importID).all()
        touched += people.filter { $0.importID != importID || $0.editedAt != nil || $0.mergedIntoID != nil }.count
        let createdIDs = Set(created.compactMap(\.id))
        for chunk in people.compactMap(\.id).chunked(500) {
            let others = try await LearningRecord.query(on: db).filter(\.$personID ~~ Array(chunk)).all()
            touched += others.filter { !createdIDs.contains($0.id ?? 0) }.count
        }
        guard touched == 0 else { throw Problem.touchedSince(touched) }
        let ledger = try await RecordLedger.load(on: db)
        let decoder = JSONDecoder()
        for change in changes {
            guard let record = changed.first(where: { $0.id == change.entityID }) else { continue }
            let before = RecordService.entry(record)
            try decoder.decode(RecordImporter.Previous.self, from: Data(change.previous.utf8)).restore(record)
            try await record.update(on: db)
            try await ledger.removed([before], on: db)
            try await ledger.added([RecordService.entry(record)], on: db)
        }
        for chunk in created.chunked(500) {
            try await LearningRecord.query(on: db).filter(\.$id ~~ chunk.compactMap(\.id)).delete()
            try await ledger.removed(chunk.map(RecordService.entry), on: db)
        }
        for chunk in people.compactMap(\.id).chunked(500) {
            try await User.query(on: db).filter(\.$personID ~~ Array(chunk)).set(\.$personID, to: nil).update()
            try await IdentityCode.query(on: db).filter(\.$personID ~~ Array(chunk)).delete()
            try await PersonExternalID.query(on: db).filter(\.$personID ~~ Array(chunk)).delete()
            try await Person.query(on: db).filter(\.$id ~~ Array(chunk)).delete()
        }
        return (created.count + people.count, changes.count)
    }
}
