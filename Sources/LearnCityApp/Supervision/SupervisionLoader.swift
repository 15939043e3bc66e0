import Fluent
import Foundation
import LearnCityCore

/// Loads the demo's inspections and assessment scheme, once: an inspection of the same unit on
/// the same day, or a scheme of the same year, is not loaded again.
enum SupervisionLoader {
    static let demoFile = "demo/dazhou-2014-supervision.json"

    static func loadDemo(on database: any Database) async throws {
        let data = try JSONDecoder().decode(SupervisionData.self, from: try BundledResource.data(demoFile))
        try await load(data, on: database)
    }

    static func load(_ data: SupervisionData, on database: any Database) async throws {
        let organisations = Dictionary(try await Organisation.query(on: database).all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let problems = data.problems(knownUnits: Set(organisations.keys))
        guard problems.isEmpty else { throw StartupError("督导考核数据有误 / supervision data is invalid: " + problems.joined(separator: "; ")) }
        try await database.transaction { db in
            for entry in data.inspections {
                guard let unit = organisations[entry.unit], let unitID = unit.id, let date = LocalDate.parse(entry.date) else { continue }
                guard try await Inspection.query(on: db).filter(\.$organisationID == unitID).filter(\.$inspectedOn == date.iso).count() == 0 else { continue }
                let inspection = Inspection()
                (inspection.inspectedOn, inspection.organisationID, inspection.inspectors) = (date.iso, unitID, entry.inspectors)
                (inspection.findings, inspection.createdBy) = (entry.findings, "demo")
                if entry.published { (inspection.publishedAt, inspection.publishedBy) = (Date(), "demo") }
                try await inspection.create(on: db)
                for item in entry.rectifications {
                    let r = Rectification()
                    (r.inspectionID, r.organisationID, r.requirement) = (try inspection.requireID(), unitID, item.requirement)
                    r.dueOn = LocalDate.parse(item.due)?.iso ?? item.due
                    (r.answer, r.answeredBy) = (item.answer, item.answer == nil ? nil : "demo")
                    (r.closedOn, r.closedBy) = (item.closed.flatMap(LocalDate.parse)?.iso, item.closed == nil ? nil : "demo")
                    r.state = item.closed != nil ? .closed : item.answer != nil ? .answered : .open
                    try await r.create(on: db)
                }
            }
            guard try await AssessmentScheme.query(on: db).filter(\.$year == data.assessment.year).count() == 0 else { return }
            let scheme = AssessmentScheme()
            scheme.year = data.assessment.year
            try await scheme.create(on: db)
            for (position, entry) in data.assessment.criteria.enumerated() {
                let criterion = AssessmentCriterion()
                (criterion.schemeID, criterion.position, criterion.name) = (try scheme.requireID(), position, entry.name)
                (criterion.weight, criterion.source) = (entry.weight, entry.source)
                try await criterion.create(on: db)
            }
        }
    }
}
