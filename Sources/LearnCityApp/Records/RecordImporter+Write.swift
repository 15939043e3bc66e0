import Fluent
import Foundation
import LearnCityCore

extension RecordImporter {
    /// Writes one chunk's plan inside the import's transaction: the people it introduces, its
    /// new records (multi-row inserts), its changed records (previous content kept for undo),
    /// and the ledger, so the figures move with the records.
    func write(_ plan: Plan, importID: Int, ledger: RecordLedger, state: State, on db: any Database) async throws {
        var people = plan.people
        try await createPeople(for: plan, importID: importID, state: state, into: &people, on: db)
        let now = Date()
        var entries: [RecordLedger.Entry] = []
        for batch in plan.inserts.chunked(Self.batchSize) {
            var rows: [[BulkInsert.Value]] = []
            for row in batch {
                guard let person = people[personID(row.person, state)] else { continue }
                let c = row.prepared.candidate
                rows.append([
                    .int(person.id), .text(c.kind.rawValue), .text(c.status.rawValue), .text(c.date.iso), .int(c.date.year), .double(c.hours),
                    row.provider?.id.map(BulkInsert.Value.int) ?? .null, .text(row.provider?.path), .text(row.provider?.nameZh ?? c.provider),
                    .null, .text(c.course), .text(person.region), .bool(person.employed), .text(LearningRecord.Source.import.rawValue),
                    .text(row.key), .text(row.prepared.fingerprint), .text(c.certificateNo), .text(Self.details(c)),
                    .int(importID), .int(importID), .date(now), .date(now),
                ])
                entries.append(RecordLedger.Entry(personID: person.id, facts: RecordFacts(kind: c.kind, status: c.status, year: c.date.year,
                                                                                         employed: person.employed), region: person.region))
            }
            try await BulkInsert.insert(into: LearningRecord.schema, columns: Self.insertColumns, rows: rows, on: db)
        }
        try await ledger.added(entries, on: db)
        for (record, row) in plan.updates {
            let change = ImportChange()
            change.importID = importID
            change.entityID = try record.requireID()
            change.previous = String(decoding: try JSONEncoder().encode(Previous(record)), as: UTF8.self)
            try await change.create(on: db)
            let before = RecordService.entry(record)
            let c = row.prepared.candidate
            (record.kind, record.status, record.date, record.year, record.hours) = (c.kind, c.status, c.date.iso, c.date.year, c.hours)
            (record.courseTitle, record.certificateNo, record.details) = (c.course, c.certificateNo, Self.details(c))
            (record.fingerprint, record.importID) = (row.prepared.fingerprint, importID)
            try await record.update(on: db)
            try await ledger.removed([before], on: db)
            try await ledger.added([RecordService.entry(record)], on: db)
        }
    }

    static let insertColumns = [
        "person_id", "kind", "status", "date", "year", "hours", "provider_id", "provider_path", "provider_name", "course_id",
        "course_title", "region_code", "employed", "source", "idem_key", "fingerprint", "certificate_no", "details",
        "created_import_id", "import_id", "created_at", "updated_at",
    ]

    private func personID(_ ref: PersonRef, _ state: State) -> Int {
        switch ref {
        case .existing(let id): id
        case .new(let hash): state.created[hash] ?? -1
        }
    }

    /// People this chunk's records introduce, created from the rows' names and resident IDs
    /// (encrypted and hashed like every person), marked as created by this import.
    private func createPeople(for plan: Plan, importID: Int, state: State, into people: inout [Int: Known], on db: any Database) async throws {
        var hashes: [String] = []
        for row in plan.inserts + plan.updates.map(\.1) {
            guard case .new(let hash) = row.person else { continue }
            if state.created[hash] == nil && !hashes.contains(hash) { hashes.append(hash) }
        }
        let vault = context.vault, now = Date()
        for batch in hashes.chunked(Self.batchSize) {
            var rows: [[BulkInsert.Value]] = []
            for hash in batch {
                guard let pending = state.newPeople[hash] else { continue }
                let id = pending.id
                rows.append([.text(pending.name), .text(try vault.seal(id.value)), .text(hash), .text(id.masked),
                             .text(id.gender.rawValue), .text(id.birthDate.iso), .text(pending.region.rawValue),
                             .int(importID), .int(importID), .date(now), .date(now)])
            }
            try await BulkInsert.insert(into: Person.schema, columns: Self.personColumns, rows: rows, on: db)
            for person in try await Person.query(on: db).filter(\.$residentIDHash ~~ Array(batch)).all() {
                guard let id = person.id else { continue }
                state.created[person.residentIDHash] = id
            }
        }
        // The people this chunk's rows name that the file introduced (now or in an earlier chunk).
        for row in plan.inserts + plan.updates.map(\.1) {
            guard case .new(let hash) = row.person, let id = state.created[hash], people[id] == nil,
                  let pending = state.newPeople[hash] else { continue }
            people[id] = Known(id: id, region: pending.region.rawValue, employed: nil)
        }
    }

    static let personColumns = ["name", "resident_id_cipher", "resident_id_hash", "resident_id_masked", "gender", "birth_date",
                                "region_code", "created_import_id", "import_id", "created_at", "updated_at"]

    static func details(_ c: RecordRowParser.Candidate) -> String? {
        c.details.isEmpty ? nil : String(decoding: (try? JSONEncoder().encode(c.details)) ?? Data(), as: UTF8.self)
    }

    /// What an update replaced, to put back on undo.
    struct Previous: Codable {
        var kind, status, date: String
        var year: Int
        var hours: Double
        var courseTitle, certificateNo, details, fingerprint: String?
        var importID: Int?

        init(_ r: LearningRecord) {
            (kind, status, date, year, hours) = (r.kind.rawValue, r.status.rawValue, r.date, r.year, r.hours)
            (courseTitle, certificateNo, details, fingerprint, importID) = (r.courseTitle, r.certificateNo, r.details, r.fingerprint, r.importID)
        }

        func restore(_ r: LearningRecord) {
            r.kind = RecordKind(rawValue: kind) ?? r.kind
            r.status = RecordStatus(rawValue: status) ?? r.status
            (r.date, r.year, r.hours) = (date, year, hours)
            (r.courseTitle, r.certificateNo, r.details, r.fingerprint, r.importID) = (courseTitle, certificateNo, details, fingerprint, importID)
        }
    }
}
