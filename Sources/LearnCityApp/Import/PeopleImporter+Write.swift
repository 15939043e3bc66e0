import Fluent
import Foundation
import LearnCityCore
import SQLKit

extension PeopleImporter {
    /// Writes one chunk's plan inside the import's transaction: multi-row inserts in batches,
    /// updates with their previous content kept for undo.
    func write(_ plan: Plan, importID: Int, on db: any Database) async throws {
        let encoder = JSONEncoder()
        let now = Date()
        // In keyed-hash order: the unique index on the hash then takes each batch in one sweep
        // instead of at random pages (the hash is random, so file order scatters it).
        for batch in plan.inserts.sorted(by: { $0.idHash < $1.idHash }).chunked(Self.batchSize) {
            let rows = batch.map { row($0, importID: importID, now: now) }
            try await BulkInsert.insert(into: Person.schema, columns: Self.insertColumns, rows: rows, on: db)
        }
        for (person, prepared) in plan.updates {
            let change = ImportChange()
            change.importID = importID
            change.entityID = try person.requireID()
            change.previous = String(decoding: try encoder.encode(Previous(person)), as: UTF8.self)
            try await change.create(on: db)
            try apply(prepared.candidate, fingerprint: prepared.fingerprint, to: person)
            person.importID = importID
            try await person.update(on: db)
        }
    }

    static let insertColumns = [
        "name", "resident_id_cipher", "resident_id_hash", "resident_id_masked", "phone_cipher", "phone_hash", "phone_masked",
        "gender", "birth_date", "region_code", "urban_rural", "employed", "occupation", "industry_code", "workplace",
        "fingerprint", "created_import_id", "import_id", "created_at", "updated_at",
    ]

    private func row(_ prepared: Prepared, importID: Int, now: Date) -> [BulkInsert.Value] {
        let c = prepared.candidate, fingerprint = prepared.fingerprint
        let birth = c.residentID.birthDate
        return [
            .text(c.name), .text(prepared.sealedID), .text(prepared.idHash),
            .text(c.residentID.masked), .text(prepared.sealedPhone),
            .text(prepared.phoneHash), .text(c.phone?.masked),
            .text(c.residentID.gender.rawValue), .text(birth.iso),
            .text(c.region.rawValue), .text(c.urbanRural), .bool(c.employed), .text(c.occupation), .text(c.industry),
            .text(c.workplace), .text(fingerprint), .int(importID), .int(importID), .date(now), .date(now),
        ]
    }

    private func apply(_ c: PersonRowParser.Candidate, fingerprint: String, to person: Person) throws {
        person.name = c.name
        try PersonService.apply(id: c.residentID, phone: c.phone, to: person, vault: context.vault)
        person.regionCode = c.region.rawValue
        person.urbanRural = c.urbanRural
        person.employed = c.employed
        person.occupation = c.occupation
        person.industryCode = c.industry
        person.workplace = c.workplace
        person.fingerprint = fingerprint
    }

    /// What an update replaced (ciphertexts only), to put back on undo.
    struct Previous: Codable {
        var name: String, phoneCipher: String?, phoneHash: String?, phoneMasked: String?, regionCode: String
        var urbanRural: String?, employed: Bool?, occupation: String?, industryCode: String?, workplace: String?
        var fingerprint: String?, importID: Int?

        init(_ p: Person) {
            (name, phoneCipher, phoneHash, phoneMasked, regionCode) = (p.name, p.phoneCipher, p.phoneHash, p.phoneMasked, p.regionCode)
            (urbanRural, employed, occupation, industryCode, workplace) = (p.urbanRural, p.employed, p.occupation, p.industryCode, p.workplace)
            (fingerprint, importID) = (p.fingerprint, p.importID)
        }

        func restore(_ p: Person) {
            (p.name, p.phoneCipher, p.phoneHash, p.phoneMasked, p.regionCode) = (name, phoneCipher, phoneHash, phoneMasked, regionCode)
            (p.urbanRural, p.employed, p.occupation, p.industryCode, p.workplace) = (urbanRural, employed, occupation, industryCode, workplace)
            (p.fingerprint, p.importID) = (fingerprint, importID)
        }
    }
}
