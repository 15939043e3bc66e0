import Fluent
import Foundation
import LearnCityCore

extension OrganisationImporter {
    /// Writes the plan in one transaction: new organisations parents first, changes with their
    /// previous content kept for undo, moves with their history, the history entry and audit.
    func write(_ planned: [Planned], summary: ImportSummary, options: ImportOptions) async throws -> Int {
        let actor = context.actor
        return try await database.transaction { db in
            let run = try await ImportTable.begin(.orgs, summary: summary, options: options, actor: actor, on: db)
            let importID = try run.requireID()
            var created: [String: Organisation] = [:]
            for (index, plan) in planned.enumerated() {
                let c = plan.candidate
                if let org = plan.existing {
                    let change = ImportChange()
                    change.importID = importID
                    change.entityID = try org.requireID()
                    change.previous = String(decoding: try JSONEncoder().encode(Previous(org)), as: UTF8.self)
                    try await change.create(on: db)
                    if case .existing(let parentID)? = plan.parent, let parent = try await Organisation.find(parentID, on: db) {
                        try await OrganisationService.move(org, under: parent, actor: actor, on: db)
                    }
                    let fresh = try await Organisation.find(org.id, on: db) ?? org
                    apply(c, region: plan.region, to: fresh)
                    fresh.importID = importID
                    try await fresh.update(on: db)
                } else {
                    let parent: Organisation?
                    switch plan.parent {
                    case .existing(let id)?: parent = try await Organisation.find(id, on: db)
                    case .new(let code)?: parent = created[code]
                    case nil: parent = nil
                    }
                    guard let parent, let region = plan.region else { continue }
                    let org = try await OrganisationService.create(
                        code: c.code, kind: c.kind, nameZh: c.nameZh, nameEn: c.nameEn ?? c.nameZh, region: region, parent: parent,
                        demonstration: c.demonstration ?? false, director: c.director, actor: actor, on: db)
                    org.createdImportID = importID
                    org.importID = importID
                    try await org.update(on: db)
                    created[c.code] = org
                }
                context.progress?(index + 1, planned.count)
            }
            try await ImportTable.audit(.orgs, run: run, summary: summary, actor: actor, on: db)
            return importID
        }
    }

    private func apply(_ c: OrganisationRowParser.Candidate, region: RegionCode?, to org: Organisation) {
        org.nameZh = c.nameZh
        org.kind = c.kind
        if let nameEn = c.nameEn { org.nameEn = nameEn }
        if let region = c.region { org.regionCode = region.rawValue }
        if let demonstration = c.demonstration { org.isDemonstration = demonstration }
        if let director = c.director { org.director = director }
    }

    /// What an update replaced, to put back on undo.
    struct Previous: Codable {
        var nameZh, nameEn, kind, regionCode: String
        var demonstration: Bool
        var director: String?
        var parentID: Int?
        var importID: Int?

        init(_ org: Organisation) {
            (nameZh, nameEn, kind, regionCode) = (org.nameZh, org.nameEn, org.kind.rawValue, org.regionCode)
            (demonstration, director, parentID, importID) = (org.isDemonstration, org.director, org.parentID, org.importID)
        }

        func restore(_ org: Organisation) {
            (org.nameZh, org.nameEn, org.regionCode) = (nameZh, nameEn, regionCode)
            org.kind = OrganisationKind(rawValue: kind) ?? org.kind
            (org.isDemonstration, org.director, org.importID) = (demonstration, director, importID)
        }
    }
}
