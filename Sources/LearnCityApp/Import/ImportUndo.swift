import Fluent
import Foundation
import LearnCityCore

/// Undoes a whole import while nothing has touched its rows since: people it created are
/// removed, people it changed get their previous content back. Otherwise nothing changes.
enum ImportUndo {
    enum Problem: Error, Equatable { case notFound, alreadyUndone, touchedSince(Int) }

    static func undo(_ importID: Int, actor: Audit.Actor, on database: any Database) async throws {
        try await database.transaction { db in
            guard let run = try await ImportRun.find(importID, on: db), run.kind == "people" else { throw Problem.notFound }
            guard run.state == .applied else { throw Problem.alreadyUndone }
            let created = try await Person.query(on: db).filter(\.$createdImportID == importID).all()
            let changes = try await ImportChange.query(on: db).filter(\.$importID == importID).all()
            let changed = try await Person.query(on: db).filter(\.$id ~~ changes.map(\.entityID)).all()
            let touched = (created + changed).filter { $0.importID != importID || $0.editedAt != nil }
            guard touched.isEmpty else { throw Problem.touchedSince(touched.count) }
            let decoder = JSONDecoder()
            let byID = Dictionary(uniqueKeysWithValues: changed.compactMap { person in person.id.map { ($0, person) } })
            for change in changes {
                guard let person = byID[change.entityID] else { continue }
                try decoder.decode(PeopleImporter.Previous.self, from: Data(change.previous.utf8)).restore(person)
                try await person.update(on: db)
            }
            for chunk in created.compactMap(\.id).chunked(500) {
                // Accounts linked to a person this import created keep the account, not the link.
                try await User.query(on: db).filter(\.$personID ~~ Array(chunk)).set(\.$personID, to: nil).update()
                try await IdentityCode.query(on: db).filter(\.$personID ~~ Array(chunk)).delete()
                try await Person.query(on: db).filter(\.$id ~~ Array(chunk)).delete()
            }
            run.state = .undone
            run.undoneAt = Date()
            try await run.update(on: db)
            try await Audit.record(.delete, entity: "import", id: String(importID),
                                   summary: "undone: removed \(created.count), restored \(changes.count)", by: actor, on: db)
        }
    }
}
