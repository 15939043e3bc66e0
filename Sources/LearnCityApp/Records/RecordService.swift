import Fluent
import Foundation
import LearnCityCore

/// Writing, voiding and correcting single records (the pages, enrolment, online completion).
/// Each change and its ledger update happen in one transaction, audited.
enum RecordService {
    enum Problem: Error, Equatable { case statusNotForKind, alreadyVoided, reasonRequired }

    /// What a new record says; the person's region and employment are read when it is written.
    struct Input: Sendable {
        var kind: RecordKind
        var status: RecordStatus
        var date: LocalDate
        var hours: Double
        var provider: Organisation?
        var providerName: String?
        var courseID: Int?
        var courseTitle: String?
        var certificateNo: String?
        var details: [String: String] = [:]
    }

    /// Writes a record unless its key is already stored; returns the stored one either way.
    @discardableResult
    static func create(_ input: Input, person: Person, source: LearningRecord.Source, namespace: String, sourceID: String?,
                       actor: Audit.Actor, on database: any Database) async throws -> LearningRecord {
        guard input.kind.statuses.contains(input.status) else { throw Problem.statusNotForKind }
        let personID = try person.requireID()
        let key = RecordKey.make(namespace: namespace, sourceID: sourceID, person: person.residentIDHash, kind: input.kind,
                                 course: input.courseTitle, provider: input.provider?.code ?? input.providerName, date: input.date)
        return try await database.transaction { db in
            if let existing = try await LearningRecord.query(on: db).filter(\.$idemKey == key).first() { return existing }
            let record = LearningRecord()
            record.personID = personID
            apply(input, to: record)
            record.regionCode = person.regionCode
            record.employed = person.employed
            record.source = source
            record.idemKey = key
            try await record.create(on: db)
            try await RecordLedger.load(on: db).added([entry(record)], on: db)
            try await Audit.record(.create, entity: "learning_record", id: record.id.map(String.init),
                                   summary: "\(input.kind.rawValue) \(input.date.iso) for person \(personID) (\(source.rawValue))", by: actor, on: db)
            return record
        }
    }

    /// Voids a record with a reason: it stays stored and visible to admins, and stops counting.
    static func void(_ record: LearningRecord, reason: String, actor: Audit.Actor, on database: any Database) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Problem.reasonRequired }
        guard record.voidedAt == nil else { throw Problem.alreadyVoided }
        try await database.transaction { db in
            let before = entry(record)
            record.voidedAt = Date()
            record.voidReason = String(reason.prefix(500))
            try await record.update(on: db)
            try await RecordLedger.load(on: db).removed([before], on: db)
            try await Audit.record(.update, entity: "learning_record", id: record.id.map(String.init), summary: "voided: \(reason)", by: actor, on: db)
        }
    }

    /// Corrects a record by hand: the figures move from what it said to what it says now, and
    /// imports no longer overwrite it.
    static func correct(_ record: LearningRecord, with input: Input, reason: String, actor: Audit.Actor,
                        on database: any Database) async throws {
        guard input.kind.statuses.contains(input.status) else { throw Problem.statusNotForKind }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Problem.reasonRequired }
        guard record.voidedAt == nil else { throw Problem.alreadyVoided }
        try await database.transaction { db in
            let before = entry(record)
            let was = "\(record.kind.rawValue) \(record.status.rawValue) \(record.date) \(record.hours)h"
            apply(input, to: record)
            record.correctedAt = Date()
            try await record.update(on: db)
            let ledger = try await RecordLedger.load(on: db)
            try await ledger.removed([before], on: db)
            try await ledger.added([entry(record)], on: db)
            try await Audit.record(.update, entity: "learning_record", id: record.id.map(String.init),
                                   summary: "corrected (\(reason)): was \(was)", by: actor, on: db)
        }
    }

    /// What a record says now, as the input a correction starts from: a correction changes the
    /// fields the user changed and keeps the rest (details, an unknown provider's name) as stored.
    static func current(_ record: LearningRecord) -> Input {
        Input(kind: record.kind, status: record.status, date: LocalDate.parse(record.date) ?? LocalDate(year: record.year, month: 1, day: 1),
              hours: record.hours, provider: nil, providerName: nil, courseID: record.courseID, courseTitle: record.courseTitle,
              certificateNo: record.certificateNo, details: record.detailValues)
    }

    static func entry(_ record: LearningRecord) -> RecordLedger.Entry {
        RecordLedger.Entry(personID: record.personID, facts: record.facts, region: record.regionCode)
    }

    private static func apply(_ input: Input, to record: LearningRecord) {
        record.kind = input.kind
        record.status = input.status
        record.date = input.date.iso
        record.year = input.date.year
        record.hours = input.hours
        if let provider = input.provider {
            record.providerID = provider.id
            record.providerPath = provider.path
            record.providerName = provider.nameZh
        } else if let name = input.providerName {
            record.providerName = name
        }
        record.courseID = input.courseID ?? record.courseID
        record.courseTitle = input.courseTitle ?? record.courseTitle
        record.certificateNo = input.certificateNo
        record.details = input.details.isEmpty ? nil : String(decoding: (try? JSONEncoder().encode(input.details)) ?? Data(), as: UTF8.self)
    }
}
