import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// Keeps the indicator tallies and participations in step with learning records, inside the
/// caller's transaction (design.md §7): a record written, voided or corrected now is in every
/// figure on the next page load, and reading a figure is a sum of counters, never a scan.
///
/// Person-times indicators count each record in the tally of its stored region. People
/// indicators (and rates) count each person once per year: the participation row names the
/// region of the person's first counting record, and only a new participation adds to a tally.
struct RecordLedger: Sendable {
    /// What the ledger needs of a record.
    struct Entry: Sendable {
        var personID: Int
        var facts: RecordFacts
        var region: String
    }

    let definitions: [IndicatorDefinition]

    static func load(on database: any Database) async throws -> RecordLedger {
        RecordLedger(definitions: try await Indicator.query(on: database).sort(\.$position).all().map(\.definition))
    }

    struct TallyKey: Hashable { var code: String; var year: Int; var region: String }

    /// Records that now count (new, or corrected into counting).
    func added(_ entries: [Entry], on database: any Database) async throws {
        var deltas: [TallyKey: Int] = [:]
        var people: [String: (code: String, year: Int, person: Int, region: String)] = [:]
        for entry in entries {
            for definition in definitions where definition.counts(entry.facts) {
                if definition.countsPeople {
                    let key = "\(definition.code)|\(entry.facts.year)|\(entry.personID)"
                    if people[key] == nil { people[key] = (definition.code, entry.facts.year, entry.personID, entry.region) }
                } else {
                    deltas[TallyKey(code: definition.code, year: entry.facts.year, region: entry.region), default: 0] += 1
                }
            }
        }
        let sql = database as! any SQLDatabase
        for chunk in Array(people.values).chunked(400) {
            var insert = sql.insert(into: Participation.schema).columns("indicator_code", "year", "person_id", "region_code")
            for row in chunk { insert = insert.values(SQLBind(row.code), SQLBind(row.year), SQLBind(row.person), SQLBind(row.region)) }
            // Only people new to the indicator that year come back, and only they add to a tally.
            let inserted = try await insert.ignoringConflicts(with: ["indicator_code", "year", "person_id"])
                .returning("indicator_code", "year", "region_code").all()
            for row in inserted {
                let key = TallyKey(code: try row.decode(column: "indicator_code", as: String.self),
                                   year: try row.decode(column: "year", as: Int.self),
                                   region: try row.decode(column: "region_code", as: String.self))
                deltas[key, default: 0] += 1
            }
        }
        try await Self.addToTallies(deltas, on: sql)
    }

    /// Records that no longer count as they did: call after the change is stored (voided,
    /// corrected, deleted), with the facts they counted under before it.
    func removed(_ entries: [Entry], on database: any Database) async throws {
        var deltas: [TallyKey: Int] = [:]
        var affected: Set<String> = []
        var keys: [(code: String, year: Int, person: Int)] = []
        for entry in entries {
            for definition in definitions where definition.counts(entry.facts) {
                if definition.countsPeople {
                    if affected.insert("\(definition.code)|\(entry.facts.year)|\(entry.personID)").inserted {
                        keys.append((definition.code, entry.facts.year, entry.personID))
                    }
                } else {
                    deltas[TallyKey(code: definition.code, year: entry.facts.year, region: entry.region), default: 0] -= 1
                }
            }
        }
        // For each person and indicator-year touched: does another record still count? Then the
        // participation stays (in the region of the first one left); else it goes.
        for chunk in keys.chunked(400) {
            let personIDs = Array(Set(chunk.map(\.person)))
            let remaining = try await LearningRecord.query(on: database).filter(\.$personID ~~ personIDs)
                .filter(\.$year ~~ Array(Set(chunk.map(\.year)))).filter(\.$voidedAt == nil).sort(\.$id).all()
            let current = try await Participation.query(on: database).filter(\.$personID ~~ personIDs).all()
            for key in chunk {
                guard let definition = definitions.first(where: { $0.code == key.code }),
                      let participation = current.first(where: { $0.indicatorCode == key.code && $0.year == key.year && $0.personID == key.person })
                else { continue }
                let first = remaining.first { $0.personID == key.person && $0.year == key.year && definition.counts($0.facts) }
                if let first {
                    guard first.regionCode != participation.regionCode else { continue }
                    deltas[TallyKey(code: key.code, year: key.year, region: participation.regionCode), default: 0] -= 1
                    deltas[TallyKey(code: key.code, year: key.year, region: first.regionCode), default: 0] += 1
                    participation.regionCode = first.regionCode
                    try await participation.update(on: database)
                } else {
                    deltas[TallyKey(code: key.code, year: key.year, region: participation.regionCode), default: 0] -= 1
                    try await participation.delete(on: database)
                }
            }
        }
        try await Self.addToTallies(deltas, on: database as! any SQLDatabase)
    }

    /// Adds the deltas to the tallies: one upsert per batch, both dialects.
    static func addToTallies(_ deltas: [TallyKey: Int], on sql: any SQLDatabase) async throws {
        for chunk in deltas.filter({ $0.value != 0 }).map({ ($0.key, $0.value) }).chunked(400) {
            var insert = sql.insert(into: IndicatorTally.schema).columns("indicator_code", "year", "region_code", "count")
            for (key, delta) in chunk { insert = insert.values(SQLBind(key.code), SQLBind(key.year), SQLBind(key.region), SQLBind(delta)) }
            try await insert.onConflict(with: ["indicator_code", "year", "region_code"]) { update in
                update.set(SQLColumn("count"), to: SQLBinaryExpression(SQLColumn("count", table: IndicatorTally.schema), .add, SQLExcludedColumn("count")))
            }.run()
        }
    }
}

extension RecordLedger {
    /// Builds indicators' tallies and participations again from the stored records (a new
    /// indicator, or a repair): what they hold is thrown away and every record counted afresh in
    /// one pass, in batches (only the columns the ledger needs), in the caller's transaction.
    static func rebuild(_ definitions: [IndicatorDefinition], on database: any Database) async throws {
        let codes = definitions.map(\.code)
        try await IndicatorTally.query(on: database).filter(\.$indicatorCode ~~ codes).delete()
        try await Participation.query(on: database).filter(\.$indicatorCode ~~ codes).delete()
        let ledger = RecordLedger(definitions: definitions)
        let sql = database as! any SQLDatabase
        struct Row: Decodable { var id: Int; var person_id: Int; var kind: String; var status: String; var year: Int; var employed: Bool?; var region_code: String }
        var lastID = 0
        while true {
            let batch = try await sql.select().columns("id", "person_id", "kind", "status", "year", "employed", "region_code")
                .from(LearningRecord.schema).where(SQLColumn("id"), .greaterThan, SQLBind(lastID)).where(SQLColumn("voided_at"), .is, SQLLiteral.null)
                .orderBy("id").limit(5_000).all(decoding: Row.self)
            guard let last = batch.last?.id else { break }
            try await ledger.added(batch.compactMap { row in
                guard let kind = RecordKind(rawValue: row.kind), let status = RecordStatus(rawValue: row.status) else { return nil }
                return Entry(personID: row.person_id, facts: RecordFacts(kind: kind, status: status, year: row.year, employed: row.employed),
                             region: row.region_code)
            }, on: database)
            lastID = last
        }
        var deltas: [TallyKey: Int] = [:]
        let headcount = definitions.filter(\.includesActivityHeadcount)
        if !headcount.isEmpty {
            for activity in try await Activity.query(on: database).filter(\.$voidedAt == nil).all() where activity.unregistered > 0 {
                for definition in headcount {
                    deltas[TallyKey(code: definition.code, year: activity.year, region: activity.regionCode), default: 0] += activity.unregistered
                }
            }
        }
        try await addToTallies(deltas, on: sql)
    }
}
