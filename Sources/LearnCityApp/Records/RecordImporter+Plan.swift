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
    func plan(_ rows: [Prepared], lookup: Lookup, state: State, options: ImportOptions, on db: any Database) async throws -> Plan {
        var plan = Plan()
        let scope = context.scope
        func conflict(_ c: RecordRowParser.Candidate, _ column: String, _ code: ImportConflict.Code, _ message: String) {
            state.summary.add(ImportConflict(row: c.line, column: column, code: code, message: message, sheet: c.sheet))
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
                let registeredName: String?
                if let existing = known[prepared.idHash] {
                    person = .existing(existing.id)
                    region = RegionCode(existing.region_code)
                    registeredName = existing.name
                    plan.people[existing.id] = Known(id: existing.id, region: existing.region_code, employed: existing.employed)
                } else if let pending = state.newPeople[prepared.idHash] {
                    person = .new(prepared.idHash)
                    region = pending.region
                    registeredName = pending.name
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
                    registeredName = nil
                }
                if let refusal = refusal(region) {
                    conflict(c, refusal.column, refusal.code, refusal.message); continue
                }
                // Only now, once the person is known to be within the account's area, may the
                // message show (masked) whose ID this is.
                if let registeredName, let name = c.name, !options.acceptNameMismatch, !PersonName.same(name, registeredName) {
                    conflict(c, "姓名", .nameMismatch, Self.nameMismatch(row: name, registered: registeredName)); continue
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
                .columns("id", "idem_key", "fingerprint", "provider_path", "region_code", "voided_at", "corrected_at", "person_id", "kind",
                         "date", "course_title")
                .from(LearningRecord.schema).where(SQLColumn("idem_key"), .in, SQLBind.group(resolved.map(\.key)))
                .all(decoding: RecordRow.self)
            let byKey = Dictionary(existing.map { ($0.idem_key, $0) }, uniquingKeysWith: { first, _ in first })
            var changed: [(Int, Resolved)] = []
            var reused: [(RecordRow, Resolved)] = []
            for row in resolved {
                guard let record = byKey[row.key] else {
                    plan.inserts.append(row)
                    state.summary.imported += 1
                    continue
                }
                let rowPerson: Int? = if case .existing(let id) = row.person { id } else { nil }
                let match = RecordIdentity.match(storedPerson: record.person_id, storedKind: RecordKind(rawValue: record.kind) ?? .community,
                                                 rowPerson: rowPerson, rowKind: row.prepared.candidate.kind)
                if !scope.includesRecord(providerPath: record.provider_path, personRegion: RegionCode(record.region_code)) {
                    state.summary.ignored += 1   // not ours, and not revealed
                } else if match == .keyReused {
                    reused.append((record, row))
                } else if record.fingerprint == row.prepared.fingerprint {
                    state.summary.ignored += 1   // identical
                } else if record.voided_at != nil || record.corrected_at != nil {
                    conflict(row.prepared.candidate, "记录编号", .changedByUser,
                             "此记录已被手工更正或作废，导入不会覆盖 / corrected or voided by hand since; the import does not overwrite it")
                } else {
                    changed.append((record.id, row))
                    state.summary.updated += 1
                }
            }
            if !reused.isEmpty {
                let names = try await Person.query(on: db).filter(\.$id ~~ Set(reused.map(\.0.person_id))).all()
                    .reduce(into: [Int: String]()) { found, person in if let id = person.id { found[id] = person.name } }
                for (record, row) in reused {
                    conflict(row.prepared.candidate, "记录编号", .keyReused,
                             Self.keyReused(record, personName: names[record.person_id] ?? ""))
                }
            }
            if !changed.isEmpty {
                let records = try await LearningRecord.query(on: db).filter(\.$id ~~ changed.map(\.0)).all()
                for (id, row) in changed {
                    guard let record = records.first(where: { $0.id == id }) else { continue }
                    plan.updates.append((record, row))
                    let c = row.prepared.candidate
                    state.summary.addChange(RowChange(sheet: c.sheet, row: c.line, fields: changes(record, c)))
                }
            }
        }
        return plan
    }

    static let outOfScope = "此人不在本单位的服务区域，须由其所在区县录入 / this person is outside your area: their own county records them"

    static func nameMismatch(row: String, registered: String) -> String {
        let masked = PersonName.masked(registered)
        return "姓名“\(row)”与此身份证号登记的姓名（\(masked)）不符；核对身份证号，或确认后勾选“姓名不同仍导入” / "
            + "the name does not match the name registered for this resident ID (\(masked)); check the ID, or confirm the import "
            + "with “accept name mismatch”"
    }

    /// Names the record the key already belongs to, so the user can see which file numbered it first.
    static func keyReused(_ record: RecordRow, personName: String) -> String {
        let course = record.course_title ?? "—", masked = PersonName.masked(personName)
        return "此记录编号已是另一条记录（\(record.date) \(course)，\(masked)）的编号，未更新；记录编号须每条记录唯一 / "
            + "this record id already names another record (\(record.date) \(course), \(masked)); it was not updated — "
            + "a record id must name one record"
    }

    /// What an update changes, field by field, as the user reads it (before → after).
    func changes(_ record: LearningRecord, _ c: RecordRowParser.Candidate) -> [RowChange.Field] {
        let s = context.strings.records
        let storedDetails = record.detailValues
        var pairs: [(String, String, String)] = [
            (s.kind, s.kindName(record.kind), s.kindName(c.kind)), (s.status, s.statusName(record.status), s.statusName(c.status)),
            (s.date, record.date, c.date.iso), (s.hours, NumberText.hours(record.hours), NumberText.hours(c.hours)),
            (s.course, record.courseTitle ?? "", c.course ?? ""), (s.certificateNo, record.certificateNo ?? "", c.certificateNo ?? ""),
        ]
        for key in RecordRowParser.detailKeys {
            let label = RecordRowParser.columns.first { $0.key == key }?.displayName ?? key
            pairs.append((label, storedDetails[key] ?? "", c.details[key] ?? ""))
        }
        return pairs.filter { $0.1 != $0.2 }.map { RowChange.Field(field: $0.0, before: $0.1, after: $0.2) }
    }

    /// The columns of a person a record needs.
    struct PersonRow: Decodable, Sendable {
        var id: Int
        var resident_id_hash: String
        var name: String
        var region_code: String
        var employed: Bool?
        var merged_into_id: Int?

        static func select(on sql: any SQLDatabase) -> SQLSelectBuilder {
            sql.select().columns("id", "resident_id_hash", "name", "region_code", "employed", "merged_into_id").from(Person.schema)
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
        var person_id: Int
        var kind: String
        var date: String
        var course_title: String?
    }
}
