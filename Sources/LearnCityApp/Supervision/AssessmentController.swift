import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// The yearly assessment (年度考核): the office sets the criteria, enters the manual scores,
/// computes the automatic ones from LearnCity's figures, selects the advanced units and
/// publishes; then every staff account sees the ranking and the advanced units. A published
/// assessment no longer changes (what was announced stays what was announced).
enum AssessmentController {
    static func year(_ request: Request) async throws -> Int {
        if let text = (try? request.content.get(String.self, at: "year")) ?? request.query[String.self, at: "year"],
           let year = BoundedNumber.integer(text, in: 2000...2100) { return year }
        if let latest = try await AssessmentScheme.query(on: request.db).sort(\.$year, .descending).first() { return latest.year }
        return request.today.year
    }

    /// Units assessed: member units and county leadership bodies, in the tree's order.
    static func units(_ request: Request) async throws -> [Organisation] {
        try await Organisation.query(on: request.db).filter(\.$kind ~~ [.memberUnit, .countyLeadership]).filter(\.$closedAt == nil).sort(\.$path).all()
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await AssessmentPage.render(request, year: try await year(request), errors: [:])
    }

    @Sendable static func change(_ request: Request) async throws -> Response {
        let year = try await year(request)
        let s = request.strings.assessment
        let action = (try? request.content.get(String.self, at: "action")) ?? ""
        let scheme = try await AssessmentScheme.query(on: request.db).filter(\.$year == year).first()
        if scheme?.publishedAt != nil { throw AppError(.conflict, detail: s.locked) }
        let actor = Audit.Actor(request)
        var errors: [String: String] = [:], typed: [String: String] = [:]
        switch action {
        case "criterion":
            let name = ((try? request.content.get(String.self, at: "name")) ?? "").trimmingCharacters(in: .whitespaces)
            let weight = ((try? request.content.get(String.self, at: "weight")) ?? "").trimmingCharacters(in: .whitespaces)
            let source = CriterionSource(rawValue: (try? request.content.get(String.self, at: "source")) ?? "")
            (typed["name"], typed["weight"], typed["source"]) = (name, weight, source?.rawValue ?? "")
            let existing = try await scheme.asyncMap { try await criteria(of: $0, request) } ?? []
            if name.isEmpty { errors["name"] = request.strings.fieldRequired } else if existing.contains(where: { $0.name == name }) { errors["name"] = s.nameTaken }
            if BoundedNumber.integer(weight, in: 1...100) == nil { errors["weight"] = s.weightInvalid }
            if source == nil { errors["source"] = request.strings.fieldRequired }
            guard errors.isEmpty, let points = BoundedNumber.integer(weight, in: 1...100), let source else { break }
            try await request.db.transaction { db in
                let target: AssessmentScheme
                if let scheme { target = scheme; try await claimUnpublished(scheme, db, s) } else { target = try await create(year, on: db) }
                let criterion = AssessmentCriterion()
                (criterion.schemeID, criterion.position, criterion.name) = (try target.requireID(), existing.count, String(name.prefix(100)))
                (criterion.weight, criterion.source) = (points, source)
                try await criterion.create(on: db)
                try await Audit.record(.create, entity: "assessment_criterion", id: criterion.id.map(String.init),
                                       summary: "\(year) \(name) \(points) (\(source.rawValue))", by: actor, on: db)
            }
        case "scores":
            guard let scheme else { errors["action"] = s.noScheme; break }
            let manual = try await criteria(of: scheme, request).filter { !$0.source.isAutomatic }
            var entries: [(criterion: Int, unit: Int, tenths: Int?)] = []
            let assessed = try await units(request)
            for criterion in manual {
                for unit in assessed {
                    let key = "s\(criterion.id ?? 0)_\(unit.id ?? 0)"
                    let raw = (try? request.content.get(String.self, at: key)) ?? ""
                    typed[key] = raw
                    switch AssessmentScoring.parse(raw, weight: criterion.weight) {
                    case .empty: entries.append((criterion.id ?? 0, unit.id ?? 0, nil))
                    case .tenths(let tenths): entries.append((criterion.id ?? 0, unit.id ?? 0, tenths))
                    case .invalid: errors[key] = s.scoreInvalid(criterion.weight)
                    }
                }
            }
            guard errors.isEmpty else { break }
            try await request.db.transaction { [entries] db in
                try await claimUnpublished(scheme, db, s)
                try await store(entries, by: actor.name, on: db)
                try await Audit.record(.update, entity: "assessment", id: String(year), summary: "manual scores: \(entries.filter { $0.tenths != nil }.count)", by: actor, on: db)
            }
        case "compute":
            guard let scheme else { errors["action"] = s.noScheme; break }
            let automatic = try await criteria(of: scheme, request).filter(\.source.isAutomatic)
            let tz = request.application.learnCity.config.timeZone
            // Figures are read before the transaction: a failed read must not abort it half-way.
            let ratios = try await AssessmentFigures.ratios(for: Set(automatic.map(\.source)), year: year, today: LocalDate(Date(), in: tz),
                                                            timeZone: tz, on: request.db)
            let unitIDs = try await units(request).compactMap(\.id)
            let scores = AssessmentScoring.automaticScores(criteria: automatic.map { ($0.id ?? 0, $0.weight, $0.source) }, ratios: ratios, units: unitIDs)
            let entries = automatic.flatMap { c in unitIDs.map { (criterion: c.id ?? 0, unit: $0, tenths: scores[c.id ?? 0]?[$0]) } }
            try await request.db.transaction { [entries] db in
                try await claimUnpublished(scheme, db, s)
                try await store(entries, by: "LearnCity", on: db)
                try await Audit.record(.update, entity: "assessment", id: String(year), summary: "automatic scores computed", by: actor, on: db)
            }
        case "advanced":
            guard let scheme else { errors["action"] = s.noScheme; break }
            let chosen = ((try? request.content.get([Int].self, at: "units")) ?? [])
            let known = Set(try await units(request).compactMap(\.id))
            var picks: [(Int, String)] = []
            for unit in Set(chosen) where known.contains(unit) {
                let reason = ((try? request.content.get(String.self, at: "reason_\(unit)")) ?? "").trimmingCharacters(in: .whitespaces)
                if reason.isEmpty { errors["reason_\(unit)"] = s.reasonRequired } else { picks.append((unit, String(reason.prefix(500)))) }
            }
            if picks.isEmpty && errors.isEmpty { errors["units"] = s.unitsRequired }
            guard errors.isEmpty else { break }
            let schemeID = try scheme.requireID()
            try await request.db.transaction { [picks] db in
                try await claimUnpublished(scheme, db, s)
                try await AdvancedUnit.query(on: db).filter(\.$schemeID == schemeID).delete()
                for (unit, reason) in picks.sorted(by: { $0.0 < $1.0 }) {
                    let row = AdvancedUnit()
                    (row.schemeID, row.organisationID, row.reason, row.markedBy) = (schemeID, unit, reason, actor.name)
                    try await row.create(on: db)
                }
                try await Audit.record(.update, entity: "assessment", id: String(year),
                                       summary: "advanced units: " + picks.map { "\($0.0)" }.joined(separator: ","), by: actor, on: db)
            }
        case "publish":
            guard let scheme, try await criteria(of: scheme, request).isEmpty == false else { errors["action"] = s.noScheme; break }
            // The ranking is frozen with the units and names as they are now: closing or renaming
            // a unit later does not move a published ranking.
            let frozen = try await units(request).compactMap { o in o.id.map { AssessmentScheme.FrozenUnit(id: $0, name: o.nameZh, nameEn: o.nameEn) } }
            try await request.db.transaction { db in
                try await claimUnpublished(scheme, db, s)
                (scheme.publishedAt, scheme.publishedBy) = (Date(), actor.name)
                scheme.publishedUnitsJSON = String(decoding: try JSONEncoder().encode(frozen), as: UTF8.self)
                try await scheme.update(on: db)
                try await Audit.record(.update, entity: "assessment", id: String(year), summary: "published", by: actor, on: db)
            }
        default:
            errors["action"] = s.unknownAction
        }
        guard errors.isEmpty else { return try await AssessmentPage.render(request, year: year, errors: errors, typed: typed, status: .unprocessableEntity) }
        return request.redirect(to: SiteURL.assessment.path + "?year=\(year)")
    }

    /// Inside a write: the scheme must still be unpublished (the row is locked on PostgreSQL until
    /// commit), so a change racing the publication cannot land after it.
    static func claimUnpublished(_ scheme: AssessmentScheme, _ db: any Database, _ s: AssessmentStrings) async throws {
        guard try await RowClaim.claim(AssessmentScheme.schema, id: try scheme.requireID(), set: "year", to: SQLColumn("year"),
                                       where: "published_at", .is, SQLLiteral.null, on: db) else { throw AppError(.conflict, detail: s.locked) }
    }

    static func criteria(of scheme: AssessmentScheme, _ request: Request) async throws -> [AssessmentCriterion] {
        try await AssessmentCriterion.query(on: request.db).filter(\.$schemeID == scheme.requireID()).sort(\.$position).all()
    }

    private static func create(_ year: Int, on db: any Database) async throws -> AssessmentScheme {
        let scheme = AssessmentScheme()
        scheme.year = year
        try await scheme.create(on: db)
        return scheme
    }

    /// Writes scores (nil removes one), one row per criterion and unit.
    private static func store(_ entries: [(criterion: Int, unit: Int, tenths: Int?)], by name: String, on db: any Database) async throws {
        for entry in entries {
            let existing = try await AssessmentScore.query(on: db).filter(\.$criterionID == entry.criterion).filter(\.$organisationID == entry.unit).first()
            guard let tenths = entry.tenths else { try await existing?.delete(on: db); continue }
            let score = existing ?? AssessmentScore()
            (score.criterionID, score.organisationID, score.tenths, score.enteredBy) = (entry.criterion, entry.unit, tenths, name)
            try await score.save(on: db)
        }
    }
}
