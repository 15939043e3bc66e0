import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// One merge: `merged` was the same human as `survivor`; everything that pointed at `merged`
/// now points at `survivor`, and `merged` stays as a row that says so.
final class PersonMerge: Model, @unchecked Sendable {
    static let schema = "person_merges"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "survivor_id") var survivorID: Int
    @Field(key: "merged_id") var mergedID: Int
    @Field(key: "reason") var reason: String
    /// What moved, per table: `users:1,identity_codes:0,…`.
    @Field(key: "moved") var moved: String
    @Field(key: "actor_name") var actorName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An account id a provider's platform knows a person by; one id per provider names one person.
final class PersonExternalID: Model, @unchecked Sendable {
    static let schema = "person_external_ids"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    @Field(key: "provider_id") var providerID: Int
    @Field(key: "external_id") var externalID: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// Merging two people who are one. Every table that points at a person is listed here, so a
/// new one cannot be forgotten: add it to `references`. Learning records move through the
/// ledger, so a person counted under both registrations is counted once afterwards.
enum PersonMerging {
    enum Problem: Error, Equatable { case samePerson, alreadyMerged, reasonRequired }

    static let references: [(table: String, column: String)] = [
        (User.schema, "person_id"), (IdentityCode.schema, "person_id"), (PersonExternalID.schema, "person_id"),
    ]

    static func merge(_ merged: Person, into survivor: Person, reason: String, actor: Audit.Actor,
                      on database: any Database) async throws -> PersonMerge {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Problem.reasonRequired }
        let (mergedID, survivorID) = (try merged.requireID(), try survivor.requireID())
        guard mergedID != survivorID else { throw Problem.samePerson }
        guard merged.mergedIntoID == nil, survivor.mergedIntoID == nil else { throw Problem.alreadyMerged }
        return try await database.transaction { db in
            let sql = db as! any SQLDatabase
            var moved: [String] = []
            for reference in references {
                let count = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from(reference.table).where(SQLColumn(reference.column), .equal, SQLBind(mergedID))
                    .first()?.decode(column: "n", as: Int.self) ?? 0
                try await sql.update(reference.table).set(SQLColumn(reference.column), to: SQLBind(survivorID))
                    .where(SQLColumn(reference.column), .equal, SQLBind(mergedID)).run()
                moved.append("\(reference.table):\(count)")
            }
            let records = try await LearningRecord.query(on: db).filter(\.$personID == mergedID).all()
            let before = records.map(RecordService.entry)
            try await LearningRecord.query(on: db).filter(\.$personID == mergedID).set(\.$personID, to: survivorID).update()
            let ledger = try await RecordLedger.load(on: db)
            try await ledger.removed(before, on: db)
            try await ledger.added(before.map { entry in var moved = entry; moved.personID = survivorID; return moved }, on: db)
            moved.append("\(LearningRecord.schema):\(records.count)")
            // Fill what the survivor lacks from the merged person; nothing the survivor has is overwritten.
            if survivor.phoneCipher == nil { (survivor.phoneCipher, survivor.phoneHash, survivor.phoneMasked) = (merged.phoneCipher, merged.phoneHash, merged.phoneMasked) }
            survivor.urbanRural = survivor.urbanRural ?? merged.urbanRural
            survivor.employed = survivor.employed ?? merged.employed
            survivor.occupation = survivor.occupation ?? merged.occupation
            survivor.industryCode = survivor.industryCode ?? merged.industryCode
            survivor.workplace = survivor.workplace ?? merged.workplace
            survivor.editedAt = Date()
            try await survivor.update(on: db)
            merged.mergedIntoID = survivorID
            merged.editedAt = Date()
            try await merged.update(on: db)
            let merge = PersonMerge()
            merge.survivorID = survivorID
            merge.mergedID = mergedID
            merge.reason = String(reason.prefix(500))
            merge.moved = moved.joined(separator: ",")
            merge.actorName = actor.name
            try await merge.create(on: db)
            try await Audit.record(.update, entity: "person", id: String(survivorID),
                                   summary: "merged person \(mergedID) (\(merged.residentIDMasked)) into \(survivorID): \(merge.moved)",
                                   by: actor, on: db)
            return merge
        }
    }
}
