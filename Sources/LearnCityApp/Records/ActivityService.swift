import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// Activities counted by headcount (a lecture for 200 residents, design.md §3): only the part
/// that has no individual records ("of which registered") adds person-times, to indicators that
/// take activity headcount (T3), in the organiser's region; never distinct people.
enum ActivityService {
    enum Problem: Error, Equatable { case registeredExceedsHeadcount, reasonRequired, alreadyVoided }

    struct Input: Sendable {
        var title: String
        var organiser: Organisation
        var date: LocalDate
        var headcount: Int
        var registered: Int
    }

    @discardableResult
    static func create(_ input: Input, actor: Audit.Actor, on database: any Database) async throws -> Activity {
        guard input.registered <= input.headcount, input.registered >= 0 else { throw Problem.registeredExceedsHeadcount }
        return try await database.transaction { db in
            let activity = Activity()
            (activity.title, activity.organiserID, activity.organiserPath) = (input.title, try input.organiser.requireID(), input.organiser.path)
            (activity.regionCode, activity.date, activity.year) = (input.organiser.regionCode, input.date.iso, input.date.year)
            (activity.headcount, activity.registered) = (input.headcount, input.registered)
            try await activity.create(on: db)
            try await apply(activity, sign: 1, on: db)
            try await Audit.record(.create, entity: "activity", id: activity.id.map(String.init),
                                   summary: "\(input.title): \(input.headcount) people, \(input.registered) registered", by: actor, on: db)
            return activity
        }
    }

    static func void(_ activity: Activity, reason: String, actor: Audit.Actor, on database: any Database) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Problem.reasonRequired }
        guard activity.voidedAt == nil else { throw Problem.alreadyVoided }
        try await database.transaction { db in
            (activity.voidedAt, activity.voidReason) = (Date(), String(reason.prefix(500)))
            try await activity.update(on: db)
            try await apply(activity, sign: -1, on: db)
            try await Audit.record(.update, entity: "activity", id: activity.id.map(String.init), summary: "voided: \(reason)", by: actor, on: db)
        }
    }

    private static func apply(_ activity: Activity, sign: Int, on db: any Database) async throws {
        let codes = try await Indicator.query(on: db).all().map(\.definition).filter(\.includesActivityHeadcount).map(\.code)
        guard activity.unregistered > 0, !codes.isEmpty else { return }
        var deltas: [RecordLedger.TallyKey: Int] = [:]
        for code in codes { deltas[RecordLedger.TallyKey(code: code, year: activity.year, region: activity.regionCode)] = sign * activity.unregistered }
        try await RecordLedger.addToTallies(deltas, on: db as! any SQLDatabase)
    }
}
