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
    /// The source of each automatic criterion; `manual` ones are scored by hand.
    static func source(for criterion: CriterionSource) -> (any AssessmentFigureSource)? {
        switch criterion {
        case .planDone: return PlanDoneFigures()
        case .reportsOnTime: return ReportsOnTimeFigures()
        case .targetsMet: return TargetsMetFigures()
        case .manual: return nil
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

/// Share of the reports a unit owed for periods of the year that it submitted by their
/// deadline. A report owed counts once its deadline has passed (or once it is submitted), so a
/// unit that never started a report scores nothing for it rather than escaping the count.
struct ReportsOnTimeFigures: AssessmentFigureSource {
    func ratios(year: Int, today: LocalDate, timeZone: TimeZone, on database: any Database) async throws -> [Int: Double] {
        let forms = try await ReportForm.query(on: database).all()
        let assigned = try await ReportFormUnit.query(on: database).all()
        let submitted = Dictionary(try await ReportSubmission.query(on: database).filter(\.$period =~ String(year)).all().map {
            ("\($0.formID)|\($0.organisationID)|\($0.period)", $0.firstSubmittedAt.map { LocalDate($0, in: timeZone) })
        }, uniquingKeysWith: { a, _ in a })
        var due: [Int: Int] = [:], onTime: [Int: Int] = [:]
        for form in forms {
            let periods = form.periods(through: today).filter { $0.year == year }
            for unit in assigned where unit.formID == form.id {
                for period in periods {
                    let deadline = period.deadline(daysAfterEnd: form.deadlineDays)
                    let first = submitted["\(unit.formID)|\(unit.organisationID)|\(period)"] ?? nil
                    guard first != nil || today > deadline else { continue }
                    due[unit.organisationID, default: 0] += 1
                    if let first, first <= deadline { onTime[unit.organisationID, default: 0] += 1 }
                }
            }
        }
        return Dictionary(uniqueKeysWithValues: due.map { unit, count in (unit, Double(onTime[unit] ?? 0) / Double(count)) })
    }
}

/// How far a county's leadership body has brought its county towards the year's targets: the
/// mean, over the indicators with a target, of the share reached (capped at 1). Only bodies
/// that answer for a region's targets (county leadership) have the figure.
struct TargetsMetFigures: AssessmentFigureSource {
    func ratios(year: Int, today: LocalDate, timeZone: TimeZone, on database: any Database) async throws -> [Int: Double] {
        var ratios: [Int: Double] = [:]
        for body in try await Organisation.query(on: database).filter(\.$kind == .countyLeadership).filter(\.$closedAt == nil).all() {
            guard let id = body.id, let region = RegionCode(body.regionCode) else { continue }
            let shares = try await IndicatorQueries.progress(year: year, region: region, on: database).compactMap(\.shareOfTarget)
            if !shares.isEmpty { ratios[id] = shares.reduce(0) { $0 + min($1, 1) } / Double(shares.count) }
        }
        return ratios
    }
}
