import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// Where an automatic criterion's figure comes from: a ratio 0…1 per organisation id for a
/// year. A unit missing from the answer had nothing to measure (and gets no score).
protocol AssessmentFigureSource: Sendable {
    func ratios(year: Int, today: LocalDate, timeZone: TimeZone, on database: any Database) async throws -> [Int: Double]
}

enum AssessmentFigures {
    /// The source of each automatic criterion; `targets_met` and `manual` are scored by hand.
    static func source(for criterion: CriterionSource) -> (any AssessmentFigureSource)? {
        switch criterion {
        case .planDone: return PlanDoneFigures()
        case .reportsOnTime: return ReportsOnTimeFigures()
        case .manual, .targetsMet: return nil
        }
    }

    /// The ratios of every automatic source the criteria use.
    static func ratios(for sources: Set<CriterionSource>, year: Int, today: LocalDate, timeZone: TimeZone,
                       on database: any Database) async throws -> [CriterionSource: [Int: Double]] {
        var ratios: [CriterionSource: [Int: Double]] = [:]
        for source in sources { if let figures = Self.source(for: source) { ratios[source] = try await figures.ratios(year: year, today: today, timeZone: timeZone, on: database) } }
        return ratios
    }
}

/// Share of the work-plan items of the year's plans that name the unit (lead or participant)
/// and are done.
struct PlanDoneFigures: AssessmentFigureSource {
    func ratios(year: Int, today: LocalDate, timeZone: TimeZone, on database: any Database) async throws -> [Int: Double] {
        let plans = try await WorkPlan.query(on: database).filter(\.$year == year).all().compactMap(\.id)
        let items = try await PlanItem.query(on: database).filter(\.$planID ~~ plans).all()
        let done = Set(items.filter { $0.doneOn != nil }.compactMap(\.id))
        let units = try await PlanItemUnit.query(on: database).filter(\.$itemID ~~ items.compactMap(\.id)).all()
        var ratios: [Int: Double] = [:]
        for (unit, rows) in Dictionary(grouping: units, by: \.organisationID) {
            ratios[unit] = Double(rows.filter { done.contains($0.itemID) }.count) / Double(rows.count)
        }
        return ratios
    }
}

/// Share of the unit's report submissions for periods of the year made by their deadline.
/// Reads `report_submissions` (organisation_id, period, first_submitted_at, deadline
/// `yyyy-MM-dd`); a submission not yet made counts only once its deadline has passed.
struct ReportsOnTimeFigures: AssessmentFigureSource {
    func ratios(year: Int, today: LocalDate, timeZone: TimeZone, on database: any Database) async throws -> [Int: Double] {
        let rows = try await (database as! any SQLDatabase).select()
            .column("organisation_id").column("period").column("first_submitted_at").column("deadline")
            .from("report_submissions").where("period", .like, "\(year)%").all()
        var due: [Int: Int] = [:], onTime: [Int: Int] = [:]
        for row in rows {
            let unit = try row.decode(column: "organisation_id", as: Int.self)
            guard ReportPeriod(try row.decode(column: "period", as: String.self))?.year == year,
                  let deadline = LocalDate.parse(try row.decode(column: "deadline", as: String.self)) else { continue }
            let submitted = try row.decode(column: "first_submitted_at", as: Date?.self).map { LocalDate($0, in: timeZone) }
            guard submitted != nil || today > deadline else { continue }
            due[unit, default: 0] += 1
            if let submitted, submitted <= deadline { onTime[unit, default: 0] += 1 }
        }
        return Dictionary(uniqueKeysWithValues: due.map { unit, count in (unit, Double(onTime[unit] ?? 0) / Double(count)) })
    }
}
