import Fluent
import Foundation
import LearnCityCore
import SQLKit

extension RecordImporter {
    struct Plan: Sendable {
        var inserts: [Resolved] = []
        var updates: [(LearningRecord, Resolved)] = []
        /// People (existing ones) by id: their region and employment go on the records.
        var people: [Int: Known] = [:]
    }

    /// What every chunk resolves against: organisations by code and name, the importing
    /// account's organisation, and the city's regions.
    struct Lookup: Sendable {
        var byCode: [String: Organisation]
        var byName: [String: [Organisation]]
        var importer: Organisation?
        var regions: RegionLookup

        static func load(context: ImportContext, on database: any Database) async throws -> Lookup {
            let organisations = try await Organisation.query(on: database).all()
            let regions = try await Region.query(on: database).filter(\.$level == 3).all()
            return Lookup(byCode: Dictionary(organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }),
                          byName: Dictionary(grouping: organisations, by: \.nameZh),
                          importer: context.organisationID.flatMap { id in organisations.first { $0.id == id } },
                          regions: RegionLookup(regions: regions.compactMap { r in r.code.map { ($0, r.nameZh, r.nameEn) } },
                                                renamed: PeopleImporter.renamedRegions))
        }

        /// A provider named by code or (unambiguous) name; nil when LearnCity does not know it.
        func provider(_ text: String?) -> Organisation? {
            guard let text else { return nil }
            if let org = byCode[text] { return org }
            if let named = byName[text], named.count == 1 { return named[0] }
            return nil
        }
    }

    /// Sorts a chunk's rows into new records, changed ones, identical or foreign ones (ignored)
    /// and conflicts, finding each row's person (or marking them to be created) and provider.
    func plan(_ rows: [Prepared], lookup: Lookup, state: State, on db: any Database) async throws -> Plan {
        var plan = Plan()
        let scope = context.scope
        func conflict(_ c: RecordRowParser.Candidate, _ column: String, _ code: ImportConflict.Code, _ message: String) {
            state.summary.add(ImportConflict(row: c.line, column: column, code: code, message: message))
        }
        let sql = db as! any SQLDatabase
        for batch in rows.chunked(Self.batchSize) {
            // Only the columns a record needs (a million rows: Fluent models would cost more than the lookups).
            var known: [String: PersonRow] = [:]
            let found = try await PersonRow.select(on: sql).where(SQLColumn("resident_id_hash"), .in, SQLBind.group(Array(Set(batch.map(\.idHash)))))
                .all(decoding: PersonRow.self)
            // A merged registration's records go to the person it was merged into.
            let merged = found.compactMap(\.merged_into_id)
            let survivors = merged.isEmpty ? [] : try await PersonRow.select(on: sql).where(SQLColumn("id"), .in, SQLBind.group(merged))
                .all(decoding: PersonRow.self)
            for person in found {
                known[person.resident_id_hash] = person.merged_into_id.flatMap { id in survivors.first { $0.id == id } } ?? person
            }
            var resolved: [Resolved] = []
            for prepared in batch {
                let c = prepared.candidate
                // No provider named: the importing organisation ran it.
                let provider = c.provider == nil ? lookup.importer : lookup.provider(c.provider)
                // A record outside the account's scope, or one that would make someone of another area
                // visible here and count in their figures.
                func refusal(_ region: RegionCode?) -> (column: String, code: ImportConflict.Code, message: String)? {
                    if !scope.includesRecord(providerPath: provider?.path, personRegion: region) {
                        return ("举办单位", .regionOutOfScope, "不在本账号的辖区内 / outside the area of this account")
                    }
                    return scope.mayRecord(forPersonIn: region) ? nil : ("身份证号", .personOutOfScope, Self.outOfScope)
                }
                let person: PersonRef
                let region: RegionCode?
                if let existing = known[prepared.idHash] {
                    person = .existing(existing.id)
                    region = RegionCode(existing.region_code)
                    plan.people[existing.id] = Known(id: existing.id, region: existing.region_code, employed: existing.employed)
                } else if let pending = state.newPeople[prepared.idHash] {
                    person = .new(prepared.idHash)
                    region = pending.region
                } else {
                    // Checked by the ID's area before the name, so a row answers as it would for someone
                    // LearnCity knows there: alike whether the person exists elsewhere or not.
                    if let refusal = refusal(lookup.regions.current(c.residentID.areaCode) ?? c.residentID.areaCode) {
                        conflict(c, refusal.column, refusal.code, refusal.message); continue
                    }
                    guard let name = c.name else {
                        conflict(c, "姓名", .missingValue, "此人尚未登记，需要填写姓名 / a person LearnCity does not know needs a name"); continue
                    }
                    // The provider's county, else the county the ID was issued in, as it is called today.
                    let providerRegion = provider.flatMap { RegionCode($0.regionCode) }.flatMap { $0.level == .county ? $0 : nil }
                    guard let home = providerRegion ?? lookup.regions.current(c.residentID.areaCode) else {
                        conflict(c, "身份证号", .unknownRegion, "无法确定此人所在区县 / the person's county cannot be determined"); continue
                    }
                    state.newPeople[prepared.idHash] = (name, home, c.residentID)
                    person = .new(prepared.idHash)
                    region = home
                }
                if let refusal = refusal(region) {
                    conflict(c, refusal.column, refusal.code, refusal.message); continue
                }
                let namespace = (provider ?? lookup.importer).map { "org:\($0.id ?? 0)" } ?? "city"
                let key = RecordKey.make(namespace: namespace, sourceID: c.sourceID, person: prepared.idHash, kind: c.kind,
                                         course: c.course, provider: provider?.code ?? c.provider, date: c.date)
                guard state.keys.insert(key).inserted else {
                    conflict(c, "记录编号", .duplicateInFile, "与文件中前面的一条是同一记录但内容不同 / the same record appears earlier in the file with other content")
                    continue
                }
                resolved.append(Resolved(prepared: prepared, person: person, provider: provider, key: key))
            }
            let existing = resolved.isEmpty ? [] : try await sql.select()
                .columns("id", "idem_key", "fingerprint", "provider_path", "region_code", "voided_at", "corrected_at")
                .from(LearningRecord.schema).where(SQLColumn("idem_key"), .in, SQLBind.group(resolved.map(\.key)))
                .all(decoding: RecordRow.self)
            let byKey = Dictionary(existing.map { ($0.idem_key, $0) }, uniquingKeysWith: { first, _ in first })
            var changed: [(Int, Resolved)] = []
            for row in resolved {
                guard let record = byKey[row.key] else {
                    plan.inserts.append(row)
                    state.summary.imported += 1
                    continue
                }
                if !scope.includesRecord(providerPath: record.provider_path, personRegion: RegionCode(record.region_code))
                    || record.fingerprint == row.prepared.fingerprint {
                    state.summary.ignored += 1   // not ours (and not revealed), or identical
                } else if record.voided_at != nil || record.corrected_at != nil {
                    conflict(row.prepared.candidate, "记录编号", .changedByUser,
                             "此记录已被手工更正或作废，导入不会覆盖 / corrected or voided by hand since; the import does not overwrite it")
                } else {
                    changed.append((record.id, row))
                    state.summary.updated += 1
                }
            }
            if !changed.isEmpty {
                let records = try await LearningRecord.query(on: db).filter(\.$id ~~ changed.map(\.0)).all()
                for (id, row) in changed { if let record = records.first(where: { $0.id == id }) { plan.updates.append((record, row)) } }
            }
        }
        return plan
    }

    static let outOfScope = "此人不在本单位的服务区域，须由其所在区县录入 / this person is outside your area: their own county records them"

    /// The columns of a person a record needs.
    struct PersonRow: Decodable, Sendable {
        var id: Int
        var resident_id_hash: String
        var region_code: String
        var employed: Bool?
        var merged_into_id: Int?

        static func select(on sql: any SQLDatabase) -> SQLSelectBuilder {
            sql.select().columns("id", "resident_id_hash", "region_code", "employed", "merged_into_id").from(Person.schema)
        }
    }

    /// The columns of a stored record that decide ignored, updated or a conflict.
    struct RecordRow: Decodable, Sendable {
        var id: Int
        var idem_key: String
        var fingerprint: String?
        var provider_path: String?
        var region_code: String
        var voided_at: Date?
        var corrected_at: Date?
    }
}
